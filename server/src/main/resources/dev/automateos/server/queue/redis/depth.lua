-- Per lane (critical, high, medium, low): ready, delayed and leased counts, then the earliest
-- time (µs) a ready item became ready, or -1. Lua numbers are exact integers below 2^53. ARGV: prefix, now (µs).
local p = ARGV[1]
local nowText = ARGV[2]
local now = tonumber(nowText)
local out = {}
for _, lane in ipairs({ 'critical', 'high', 'medium', 'low' }) do
  local ready, leased = p .. 'ready:' .. lane, p .. 'leased:' .. lane
  local expired = redis.call('ZCOUNT', leased, '-inf', nowText)
  out[#out + 1] = redis.call('ZCOUNT', ready, '-inf', nowText) + expired
  out[#out + 1] = redis.call('ZCOUNT', ready, '(' .. nowText, '+inf')
  out[#out + 1] = redis.call('ZCOUNT', leased, '(' .. nowText, '+inf')
  local oldest = -1
  local first = redis.call('ZRANGE', ready, 0, 0, 'WITHSCORES')
  if #first > 0 and tonumber(first[2]) <= now then
    oldest = tonumber(first[2])
  end
  first = redis.call('ZRANGE', leased, 0, 0, 'WITHSCORES')
  if #first > 0 and tonumber(first[2]) <= now and (oldest < 0 or tonumber(first[2]) < oldest) then
    oldest = tonumber(first[2])
  end
  -- A number, not text: tostring would keep 14 digits only.
  out[#out + 1] = oldest
end
return out
