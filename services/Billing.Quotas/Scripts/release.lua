-- Gives a reservation's tokens and cost back (failed, blocked, cancelled or expired reply). Idempotent.
-- KEYS: 1 reservation hash, 2 reservation index   ARGV: 1 reservation id
-- Returns 1 when something was released, 0 when the reservation was already settled or released.
local r = redis.call('HMGET', KEYS[1], 'tokens', 'cost', 'ud', 'td', 'tm')
redis.call('ZREM', KEYS[2], ARGV[1])
if not r[1] then return 0 end
redis.call('DECRBY', r[3], tonumber(r[1]))
redis.call('DECRBY', r[4], tonumber(r[1]))
redis.call('DECRBY', r[5], tonumber(r[2]))
redis.call('DEL', KEYS[1])
return 1
