-- Lowers an open reservation's prompt tokens to the exact count: a chat turn reserves its context budget while it reads
-- the conversation, then trims the reservation to the window it built. Never raises it; a reservation already settled
-- or released (or made before its prices were kept) stays as it is.
-- KEYS: 1 reservation hash   ARGV: 1 exact prompt tokens
-- Returns 1 when trimmed, 0 when there was nothing to trim
local r = redis.call('HMGET', KEYS[1], 'tokens', 'cost', 'out', 'pi', 'po', 'ud', 'td', 'tm')
if not r[1] or not r[4] then return 0 end
local prompt = tonumber(ARGV[1])
local out = tonumber(r[3])
local tokens = prompt + out
local tokensBack = tonumber(r[1]) - tokens
if tokensBack <= 0 then return 0 end
local cost = math.ceil(prompt * tonumber(r[4]) + out * tonumber(r[5]))
local costBack = math.max(0, tonumber(r[2]) - cost)
redis.call('DECRBY', r[6], tokensBack)
redis.call('DECRBY', r[7], tokensBack)
redis.call('DECRBY', r[8], costBack)
redis.call('HSET', KEYS[1], 'tokens', tokens, 'cost', tonumber(r[2]) - costBack)
return 1
