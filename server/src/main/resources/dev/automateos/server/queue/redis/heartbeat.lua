-- Extends the leases a worker holds. ARGV: prefix, worker, lease end (µs), lease end (text), ids.
-- Answers the ids it extended.
local p = ARGV[1]
local worker = ARGV[2]
local leaseEnd = ARGV[3]
local extended = {}
for i = 5, #ARGV do
  local id = ARGV[i]
  local key = p .. 'item:' .. id
  local f = redis.call('HMGET', key, 'h', 'l', 's', 'w')
  if f[1] == worker then
    -- An expired lease nobody claimed yet sits among the ready items; it is this worker's again.
    redis.call('ZREM', p .. 'ready:' .. f[2], f[3])
    redis.call('ZADD', p .. 'leased:' .. f[2], leaseEnd, f[3])
    redis.call('ZADD', p .. 'wf:' .. f[4], leaseEnd, id)
    redis.call('HSET', key, 'le', ARGV[4])
    extended[#extended + 1] = id
  end
end
return extended
