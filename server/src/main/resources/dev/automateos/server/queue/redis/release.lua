-- Hands an item back, ready again at a given time. ARGV: prefix, worker, id, now (µs), available
-- at (µs), available at (text). Answers 1, or 0 for a non-holder.
local p = ARGV[1]
local id = ARGV[3]
local key = p .. 'item:' .. id
local f = redis.call('HMGET', key, 'h', 'l', 's', 'w', 'x')
if f[1] ~= ARGV[2] then
  return 0
end
local at = tonumber(ARGV[5])
redis.call('ZREM', p .. 'leased:' .. f[2], f[3])
redis.call('ZREM', p .. 'wf:' .. f[4], id)
redis.call('ZADD', p .. 'ready:' .. f[2], ARGV[5], f[3])
redis.call('HSET', key, 'a', ARGV[6])
redis.call('HDEL', key, 'h', 'le')
redis.call('XACK', p .. 'stream:' .. f[2], 'workers', f[5])
if at <= tonumber(ARGV[4]) then
  redis.call('PUBLISH', p .. 'work', '')
end
return 1
