-- Adds items unless their id is queued already. ARGV: prefix, now (µs), then per item:
-- id, execution, workflow, lane, available at (µs), available at (text), max concurrency, payload.
-- Answers 1 or 0 per item. Announces ready work once on the prefix's "work" channel.
local p = ARGV[1]
local now = tonumber(ARGV[2])
local added = {}
local ready = false
for i = 3, #ARGV, 8 do
  local id, execution, workflow, lane = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local at = tonumber(ARGV[i + 4])
  local key = p .. 'item:' .. id
  if redis.call('EXISTS', key) == 1 then
    added[#added + 1] = 0
  else
    local member = string.format('%016d', redis.call('INCR', p .. 'seq')) .. ':' .. id
    local stream = p .. 'stream:' .. lane
    if redis.call('EXISTS', stream) == 0 then
      redis.call('XGROUP', 'CREATE', stream, 'workers', '$', 'MKSTREAM')
    end
    local entry = redis.call('XADD', stream, '*', 'item', id, 'execution', execution)
    redis.call('HSET', key, 'e', execution, 'w', workflow, 'l', lane, 'a', ARGV[i + 5], 'm', ARGV[i + 6],
        'p', ARGV[i + 7], 's', member, 'd', 0, 'x', entry)
    redis.call('ZADD', p .. 'ready:' .. lane, ARGV[i + 4], member)
    redis.call('SADD', p .. 'exec:' .. execution, id)
    if at <= now then
      ready = true
    end
    added[#added + 1] = 1
  end
end
if ready then
  redis.call('PUBLISH', p .. 'work', '')
end
return added
