-- Reserves prompt + output tokens and their estimated cost against every limit, in one atomic step.
-- KEYS: 1 user day tokens, 2 tenant day tokens, 3 tenant month cost (micro-USD), 4 user requests this minute,
--       5 reservation hash, 6 plan hash, 7 tenant limits hash, 8 user limits hash, 9 platform kill switch,
--       10 reservation index (sorted set by expiry), 11 reservation price hash (published by billing)
-- ARGV: 1 prompt tokens, 2 max output tokens, 3 minimum output tokens (below it: denied, not granted fewer), 4 input micro-USD per token,
--       5 output micro-USD per token (4 and 5 are fallbacks when billing published no price), 6..9 default user_tokens_day, tenant_tokens_day, rpm, budget_micros (-1 = none),
--       10 reservation id, 11 expiry unix ms (index score), 12 reservation hash ttl s, 13 day key ttl s, 14 month key ttl s,
--       15 '1' when this request counts against requests per minute, '0' when it replaces one the same request already counted
-- Returns {'ok', granted output tokens} | {'rate', limit} | {'quota', limit} | {'disabled', scope}
-- Cost: one HMGET per limit hash and one MGET for the counters (not one call per field); a TTL is set only when a
-- counter is created (its first increment), since every writer of these keys sets one then.
local existing = redis.call('HGET', KEYS[5], 'out')
if existing then return {'ok', tonumber(existing)} end
if redis.call('EXISTS', KEYS[9]) == 1 then return {'disabled', 'platform'} end

-- fields: 1 user_tokens_day, 2 tenant_tokens_day, 3 rpm, 4 budget_micros, 5 disabled
local user = redis.call('HMGET', KEYS[8], 'user_tokens_day', 'tenant_tokens_day', 'rpm', 'budget_micros', 'disabled')
local tenant = redis.call('HMGET', KEYS[7], 'user_tokens_day', 'tenant_tokens_day', 'rpm', 'budget_micros', 'disabled')
if tenant[5] == '1' then return {'disabled', 'tenant'} end
local plan = redis.call('HMGET', KEYS[6], 'user_tokens_day', 'tenant_tokens_day', 'rpm', 'budget_micros')
local function limit(i, default)
  return tonumber(user[i] or tenant[i] or plan[i] or default)
end

local counters = redis.call('MGET', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
local userTokens = tonumber(counters[1] or '0')
local tenantTokens = tonumber(counters[2] or '0')
local monthCost = tonumber(counters[3] or '0')
local requests = tonumber(counters[4] or '0')

local countsRequest = ARGV[15] == '1'
local rpm = limit(3, ARGV[8])
if countsRequest and rpm >= 0 and requests >= rpm then return {'rate', 'requests_per_minute'} end

local prompt = tonumber(ARGV[1])
local prices = redis.call('HMGET', KEYS[11], 'in', 'out')
local inPrice = tonumber(prices[1] or ARGV[4])
local outPrice = tonumber(prices[2] or ARGV[5])
local out = tonumber(ARGV[2])
local binding = nil
local function cap(name, room)
  if room < out then out = room; binding = name end
end
local userLimit = limit(1, ARGV[6])
if userLimit >= 0 then cap('user_tokens_per_day', userLimit - userTokens - prompt) end
local tenantLimit = limit(2, ARGV[7])
if tenantLimit >= 0 then cap('tenant_tokens_per_day', tenantLimit - tenantTokens - prompt) end
local budget = limit(4, ARGV[9])
if budget >= 0 and outPrice > 0 then
  cap('tenant_monthly_budget', math.floor((budget - monthCost - prompt * inPrice) / outPrice))
elseif budget >= 0 and monthCost + prompt * inPrice > budget then
  cap('tenant_monthly_budget', -1)
end
if out < tonumber(ARGV[3]) then return {'quota', binding or 'max_output_tokens'} end

local tokens = prompt + out
local cost = math.ceil(prompt * inPrice + out * outPrice)
local function add(key, amount, ttl)
  if redis.call('INCRBY', key, amount) == amount then redis.call('EXPIRE', key, ttl) end
end
add(KEYS[1], tokens, ARGV[13])
add(KEYS[2], tokens, ARGV[13])
add(KEYS[3], cost, ARGV[14])
if countsRequest then add(KEYS[4], 1, 120) end
redis.call('HSET', KEYS[5], 'tokens', tokens, 'cost', cost, 'out', out, 'ud', KEYS[1], 'td', KEYS[2], 'tm', KEYS[3],
  'pi', inPrice, 'po', outPrice)
redis.call('EXPIRE', KEYS[5], ARGV[12])
redis.call('ZADD', KEYS[10], ARGV[11], ARGV[10])
return {'ok', out}
