-- Replaces a reservation by the real usage, once per reply (a marker key makes repeats no-ops).
-- KEYS: 1 reservation hash, 2 reservation index, 3 settled marker, 4 platform spend this hour (micro-USD),
--       5 user day tokens, 6 tenant day tokens, 7 tenant month cost (used when the reservation is gone)
-- ARGV: 1 real tokens, 2 real cost micro-USD, 3 reservation id, 4 marker ttl s, 5 day ttl s, 6 month ttl s, 7 hour ttl s
-- Returns {applied (0|1), tenant month cost after, platform hour spend after, user day tokens after, tenant day tokens after}
-- (the counters include reservations still open: an upper bound of the settled usage)
if redis.call('EXISTS', KEYS[3]) == 1 then
  local c = redis.call('MGET', KEYS[7], KEYS[4], KEYS[5], KEYS[6])
  return {0, tonumber(c[1] or '0'), tonumber(c[2] or '0'), tonumber(c[3] or '0'), tonumber(c[4] or '0')}
end
local tokens = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local r = redis.call('HMGET', KEYS[1], 'tokens', 'cost', 'ud', 'td', 'tm')
local ud, td, tm = KEYS[5], KEYS[6], KEYS[7]
if r[1] then
  tokens = tokens - tonumber(r[1])
  cost = cost - tonumber(r[2])
  ud, td, tm = r[3], r[4], r[5]
end
local userDay = redis.call('INCRBY', ud, tokens)
redis.call('EXPIRE', ud, ARGV[5])
local tenantDay = redis.call('INCRBY', td, tokens)
redis.call('EXPIRE', td, ARGV[5])
local month = redis.call('INCRBY', tm, cost)
redis.call('EXPIRE', tm, ARGV[6])
local hour = redis.call('INCRBY', KEYS[4], tonumber(ARGV[2]))
redis.call('EXPIRE', KEYS[4], ARGV[7])
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[3])
redis.call('SET', KEYS[3], '1', 'EX', ARGV[4])
return {1, month, hour, userDay, tenantDay}
