-- Extends the leases a worker holds. ARGV: prefix, worker, lease end (µs), lease end (text), a
-- fresh epoch, then per id: id, the epoch the worker last saw it in ('' when it does not know the
-- item), execution, workflow, lane, available at (text), max concurrency, payload, deliveries.
-- Answers the current epoch, then the ids it extended.
local p = ARGV[1]
local worker = ARGV[2]
local leaseEnd = ARGV[3]
local leaseEndText = ARGV[4]
local epoch = redis.call('GET', p .. 'epoch')
if not epoch then
  epoch = ARGV[5]
  redis.call('SET', p .. 'epoch', epoch)
end
local out = { epoch }
for i = 6, #ARGV, 9 do
  local id, seen = ARGV[i], ARGV[i + 1]
  local key = p .. 'item:' .. id
  local f = redis.call('HMGET', key, 'h', 'l', 's', 'w')
  if f[1] == worker then
    -- An expired lease nobody claimed yet sits among the ready items; it is this worker's again.
    redis.call('ZREM', p .. 'ready:' .. f[2], f[3])
    redis.call('ZADD', p .. 'leased:' .. f[2], leaseEnd, f[3])
    redis.call('ZADD', p .. 'wf:' .. f[4], leaseEnd, id)
    redis.call('HSET', key, 'le', leaseEndText)
    out[#out + 1] = id
  elseif seen ~= '' and seen ~= epoch and redis.call('EXISTS', key) == 0 then
    -- Redis lost its data since the worker last saw the item, and the worker is still at it:
    -- the lease comes back as it was, so nobody resumes the execution a second time.
    local execution, workflow, lane = ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
    local member = string.format('%016d', redis.call('INCR', p .. 'seq')) .. ':' .. id
    local stream = p .. 'stream:' .. lane
    if redis.call('EXISTS', stream) == 0 then
      redis.call('XGROUP', 'CREATE', stream, 'workers', '$', 'MKSTREAM')
    end
    local entry = redis.call('XADD', stream, '*', 'item', id, 'execution', execution)
    redis.call('HSET', key, 'e', execution, 'w', workflow, 'l', lane, 'a', ARGV[i + 5], 'm', ARGV[i + 6],
        'p', ARGV[i + 7], 's', member, 'd', ARGV[i + 8], 'x', entry, 'h', worker, 'le', leaseEndText)
    redis.call('ZADD', p .. 'leased:' .. lane, leaseEnd, member)
    redis.call('ZADD', p .. 'wf:' .. workflow, leaseEnd, id)
    redis.call('SADD', p .. 'exec:' .. execution, id)
    redis.call('XCLAIM', stream, 'workers', worker, 0, entry, 'FORCE', 'RETRYCOUNT', ARGV[i + 8], 'JUSTID')
    out[#out + 1] = id
  end
end
return out
