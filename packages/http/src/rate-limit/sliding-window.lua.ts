/**
 * One atomic step of the shared sliding-window limiter, run inside Redis so that every worker
 * process sees the same budget and the same clock (Redis `TIME`, not each host's).
 *
 * KEYS[1] sorted set of granted slots (score = grant time in ms), KEYS[2] the pause marker.
 * ARGV[1] limit, ARGV[2] interval ms, ARGV[3] a member unique to this attempt.
 * Returns { waitMs, nowMs }: waitMs 0 means the slot was taken at nowMs.
 */
export const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return { paused, now } end
local limit = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - interval)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], interval)
  return { 0, now }
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return { tonumber(oldest[2]) + interval - now, now }
`;

/** KEYS[1] the pause marker, ARGV[1] ms. Extends the pause, never shortens it. */
export const PAUSE_SCRIPT = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then
  redis.call('SET', KEYS[1], '1', 'PX', ms)
end
return 0
`;
