-- Removes an item its holder finished. ARGV: prefix, worker, id. Answers 1, or 0 for a non-holder.
local p = ARGV[1]
local id = ARGV[3]
local key = p .. 'item:' .. id
local f = redis.call('HMGET', key, 'h', 'l', 's', 'w', 'e', 'x')
if f[1] ~= ARGV[2] then
  return 0
end
redis.call('ZREM', p .. 'leased:' .. f[2], f[3])
redis.call('ZREM', p .. 'ready:' .. f[2], f[3])
redis.call('ZREM', p .. 'wf:' .. f[4], id)
redis.call('SREM', p .. 'exec:' .. f[5], id)
local stream = p .. 'stream:' .. f[2]
redis.call('XACK', stream, 'workers', f[6])
redis.call('XDEL', stream, f[6])
redis.call('DEL', key)
return 1
