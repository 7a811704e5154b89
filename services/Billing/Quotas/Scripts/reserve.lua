-- Reserves prompt + output tokens and their estimated cost against every limit, in one atomic step.
-- KEYS: 1 user day tokens, 2 tenant day tokens, 3 tenant month cost (micro-USD), 4 user requests this minute,
--       5 reservation hash, 6 plan hash, 7 tenant limits hash, 8 user limits hash, 9 platform kill switch,
--       10 reservation index (sorted set by expiry), 11 reservation price hash (published by billing)
-- ARGV: 1 prompt tokens, 2 max output tokens, 3 minimum output tokens, 4 input micro-USD per token,
--       5 output micro-USD per token (4 and 5 are fallbacks when billing published no price), 6..9 default user_tokens_day, tenant_tokens_day, rpm, budget_micros (-1 = none),
--       10 reservation id, 11 expiry unix ms (index score), 12 reservation hash ttl s, 13 day key ttl s, 14 month key ttl s
-- Returns {'ok', granted output tokens} | {'rate', limit} | {'quota', limit} | {'disabled', scope}
local existing = redis.call('HGET', KEYS[5], 'out')
if existing then return {'ok', tonumber(existing)} end
if redis.call('EXISTS', KEYS[9]) == 1 then return {'disabled', 'platform'} end

local function limit(field, default)
  local v = redis.call('HGET', KEYS[8], field)
  if not v then v = redis.call('HGET', KEYS[7], field) end
  if not v then v = redis.call('HGET', KEYS[6], field) end
  if not v then v = default end
  return tonumber(v)
end
if redis.call('HGET', KEYS[7], 'disabled') == '1' then return {'disabled', 'tenant'} end

local prompt = tonumber(ARGV[1])
local maxOut = tonumber(ARGV[2])
local minOut = tonumber(ARGV[3])
local prices = redis.call('HMGET', KEYS[11], 'in', 'out')
local inPrice = tonumber(prices[1] or ARGV[4])
local outPrice = tonumber(prices[2] or ARGV[5])

local rpm = limit('rpm', ARGV[8])
local requests = tonumber(redis.call('GET', KEYS[4]) or '0')
if rpm >= 0 and requests >= rpm then return {'rate', 'requests_per_minute'} end

local out = maxOut
local binding = nil
local function cap(name, room)
  if room < out then out = room; binding = name end
end
local userLimit = limit('user_tokens_day', ARGV[6])
if userLimit >= 0 then cap('user_tokens_per_day', userLimit - tonumber(redis.call('GET', KEYS[1]) or '0') - prompt) end
local tenantLimit = limit('tenant_tokens_day', ARGV[7])
if tenantLimit >= 0 then cap('tenant_tokens_per_day', tenantLimit - tonumber(redis.call('GET', KEYS[2]) or '0') - prompt) end
local budget = limit('budget_micros', ARGV[9])
if budget >= 0 and outPrice > 0 then
  local room = budget - tonumber(redis.call('GET', KEYS[3]) or '0') - prompt * inPrice
  cap('tenant_monthly_budget', math.floor(room / outPrice))
elseif budget >= 0 and tonumber(redis.call('GET', KEYS[3]) or '0') + prompt * inPrice > budget then
  cap('tenant_monthly_budget', -1)
end
if out < minOut then return {'quota', binding or 'max_output_tokens'} end

local tokens = prompt + out
local cost = math.ceil(prompt * inPrice + out * outPrice)
redis.call('INCRBY', KEYS[1], tokens)
redis.call('EXPIRE', KEYS[1], ARGV[13])
redis.call('INCRBY', KEYS[2], tokens)
redis.call('EXPIRE', KEYS[2], ARGV[13])
redis.call('INCRBY', KEYS[3], cost)
redis.call('EXPIRE', KEYS[3], ARGV[14])
redis.call('INCR', KEYS[4])
redis.call('EXPIRE', KEYS[4], 120)
redis.call('HSET', KEYS[5], 'tokens', tokens, 'cost', cost, 'out', out, 'ud', KEYS[1], 'td', KEYS[2], 'tm', KEYS[3])
redis.call('EXPIRE', KEYS[5], ARGV[12])
redis.call('ZADD', KEYS[10], ARGV[11], ARGV[10])
return {'ok', out}
