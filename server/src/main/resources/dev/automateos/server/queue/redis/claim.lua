-- Leases up to max ready items to one worker. ARGV: prefix, now (µs), lease end (µs), lease end
-- (text), worker, max, most candidates to look at, a fresh epoch. Answers the current epoch (set to
-- the fresh one when Redis has none: it lost its data, or is new), then id, execution, workflow,
-- lane, available at (text), max concurrency, payload, deliveries per item.
local p = ARGV[1]
-- Times stay the caller's text: Lua would print a number with 14 digits only.
local now = ARGV[2]
local leaseEnd = ARGV[3]
local leaseEndText = ARGV[4]
local worker = ARGV[5]
local max = tonumber(ARGV[6])
local maxScanned = tonumber(ARGV[7])
local lanes = { 'critical', 'high', 'medium', 'low' }
local epoch = redis.call('GET', p .. 'epoch')
if not epoch then
  epoch = ARGV[8]
  redis.call('SET', p .. 'epoch', epoch)
end

-- Expired leases are ready again, lined up by the time they ended. Their holder stays named
-- until another worker claims them, so its late ack still counts.
for _, lane in ipairs(lanes) do
  local leased = p .. 'leased:' .. lane
  local expired = redis.call('ZRANGEBYSCORE', leased, '-inf', now, 'WITHSCORES', 'LIMIT', 0, 1000)
  for i = 1, #expired, 2 do
    local member = expired[i]
    local id = string.sub(member, 18)
    local key = p .. 'item:' .. id
    redis.call('ZREM', leased, member)
    local fields = redis.call('HMGET', key, 'w', 'le')
    if fields[1] then
      redis.call('ZADD', p .. 'ready:' .. lane, expired[i + 1], member)
      redis.call('ZREM', p .. 'wf:' .. fields[1], id)
      redis.call('HSET', key, 'a', fields[2])
    end
  end
end

local out = { epoch }
local taken = 0
local scanned = 0
for _, lane in ipairs(lanes) do
  local ready = p .. 'ready:' .. lane
  local skipped = 0
  while taken < max and scanned < maxScanned do
    local want = math.min(max - taken, maxScanned - scanned)
    local batch = redis.call('ZRANGEBYSCORE', ready, '-inf', now, 'LIMIT', skipped, want)
    scanned = scanned + #batch
    for _, member in ipairs(batch) do
      local id = string.sub(member, 18)
      local key = p .. 'item:' .. id
      local f = redis.call('HMGET', key, 'e', 'w', 'a', 'm', 'p', 'x')
      local limit = tonumber(f[4])
      local wfLeases = p .. 'wf:' .. tostring(f[2])
      if not f[1] then
        -- The item's hash is gone (a Redis evicting keys): drop the stray member, the reconciler
        -- queues the execution again.
        redis.call('ZREM', ready, member)
      elseif limit > 0 and redis.call('ZCOUNT', wfLeases, '(' .. now, '+inf') >= limit then
        skipped = skipped + 1
      else
        local deliveries = redis.call('HINCRBY', key, 'd', 1)
        redis.call('HSET', key, 'h', worker, 'le', leaseEndText)
        redis.call('ZREM', ready, member)
        redis.call('ZADD', p .. 'leased:' .. lane, leaseEnd, member)
        redis.call('ZADD', wfLeases, leaseEnd, id)
        -- The stream entry goes to this worker's pending list, taken from a dead holder if need be.
        redis.call('XCLAIM', p .. 'stream:' .. lane, 'workers', worker, 0, f[6], 'FORCE', 'RETRYCOUNT',
            deliveries, 'JUSTID')
        taken = taken + 1
        local item = { id, f[1], f[2], lane, f[3], f[4], f[5], deliveries }
        for _, v in ipairs(item) do
          out[#out + 1] = v
        end
      end
    end
    if #batch < want then
      break
    end
  end
end
return out
