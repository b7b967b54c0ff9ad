"""The Lua scripts of :class:`RedisRateLimiter`: one atomic script per limiter decision.

Each mirrors :mod:`zoomkit._ratelimit_math` and :class:`zoomkit.MemoryRateLimiter`, so a fleet
of processes decides exactly as one process would. Times are epoch seconds passed in by the
caller from its injected clock (never Redis ``TIME``), written with ``%.17g`` so they survive
the round trip as the same doubles. Numbers go back to Python as strings, because Redis would
truncate a Lua number to an integer.

Key TTLs only clean up: a slot log lives a window past its last grant, day counters an hour
past their UTC day, blocks an hour past their end. Every decision compares times itself.
"""

from __future__ import annotations

__all__ = ["ACQUIRE", "BLOCK", "BLOCK_HOST", "METER_WRITE", "PUSH_BACK", "TIGHTEN_DAILY"]

_GRACE = """
local GRACE_MS = 3600000
local function fmt(x) return string.format('%.17g', x) end
local function ms(seconds) return math.max(1, math.ceil(seconds * 1000)) + GRACE_MS end
"""

ACQUIRE = (
    _GRACE
    + """
-- KEYS: block, slot log, daily count. ARGV: now, limit, window, cost, daily limit (-1: none),
-- seconds to the day's end, next midnight, least gap after the newest grant (0: none).
local now, limit, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local cost, daily_limit = tonumber(ARGV[4]), tonumber(ARGV[5])
local blocked = tonumber(redis.call('GET', KEYS[1]))
if blocked then
  if blocked > now then return {'blocked', fmt(blocked)} end
  redis.call('DEL', KEYS[1])
end
if daily_limit >= 0 then
  local used = tonumber(redis.call('GET', KEYS[3]) or '0')
  if used + cost > daily_limit then return {'spent', ARGV[7]} end
end
-- reserve(): the grant `limit` places back must have left the window.
local slots = redis.call('LRANGE', KEYS[2], 0, -1)
-- Each process reads its clock just before calling, so `now` can arrive a little out of order.
-- Granting no earlier than the newest grant keeps the log sorted, as reserve() needs; when
-- `now` only grows, as in one process, it changes nothing. A gap spreads a window's grants.
local earliest = now
if #slots > 0 then earliest = math.max(now, tonumber(slots[#slots]) + tonumber(ARGV[8])) end
local index = #slots + cost - 1 - limit
local granted = earliest
if index >= 0 then granted = math.max(earliest, tonumber(slots[index + 1]) + window) end
local stamp = fmt(granted)
for _ = 1, cost do redis.call('RPUSH', KEYS[2], stamp) end
redis.call('LTRIM', KEYS[2], -limit, -1)
redis.call('PEXPIRE', KEYS[2], ms(granted - now + window))
if daily_limit >= 0 then
  redis.call('INCRBY', KEYS[3], cost)
  redis.call('PEXPIRE', KEYS[3], ms(tonumber(ARGV[6])))
end
return {'ok', fmt(granted - now)}
"""
)

METER_WRITE = (
    _GRACE
    + """
-- KEYS: host blocks, today's host counts. ARGV: host, now, limit (-1: none),
-- seconds to the day's end, next midnight.
local host, now, limit = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local blocked = tonumber(redis.call('HGET', KEYS[1], host))
if blocked then
  if blocked > now then return {'blocked', fmt(blocked)} end
  redis.call('HDEL', KEYS[1], host)
end
if limit < 0 then return {'ok'} end
local count = tonumber(redis.call('HGET', KEYS[2], host) or '0')
if count >= limit then return {'spent', ARGV[5], tostring(count)} end
redis.call('HINCRBY', KEYS[2], host, 1)
redis.call('PEXPIRE', KEYS[2], ms(tonumber(ARGV[4])))
return {'ok'}
"""
)

BLOCK_HOST = (
    _GRACE
    + """
-- Zoom refused the host's meeting writes until ARGV[2]: block it, count it spent today.
-- KEYS: host blocks, today's host counts. ARGV: host, until, now, limit (-1: none),
-- seconds to the day's end.
local host, until_, now, limit = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('HSET', KEYS[1], host, fmt(until_))
if redis.call('PTTL', KEYS[1]) < ms(until_ - now) then
  redis.call('PEXPIRE', KEYS[1], ms(until_ - now))
end
local count = tonumber(redis.call('HGET', KEYS[2], host) or '0')
redis.call('HSET', KEYS[2], host, math.max(count, math.max(limit, 0)))
redis.call('PEXPIRE', KEYS[2], ms(tonumber(ARGV[5])))
return 1
"""
)

BLOCK = (
    _GRACE
    + """
-- Block each category in KEYS until ARGV[1]; with ARGV[3] = 'extend', a longer block stays.
-- ARGV: until, now, 'extend' or 'set'.
local until_, now = tonumber(ARGV[1]), tonumber(ARGV[2])
for _, key in ipairs(KEYS) do
  local current = tonumber(redis.call('GET', key))
  local block = until_
  if ARGV[3] == 'extend' and current and current > block then block = current end
  redis.call('SET', key, fmt(block), 'PX', ms(block - now))
end
return 1
"""
)

TIGHTEN_DAILY = (
    _GRACE
    + """
-- tighten_daily(): today's count is the larger of ours and Zoom's.
-- KEYS: daily count. ARGV: Zoom's limit, Zoom's remaining, seconds to the day's end.
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local zoom_used = tonumber(ARGV[1]) - math.max(0, tonumber(ARGV[2]))
redis.call('SET', KEYS[1], math.max(used, zoom_used), 'PX', ms(tonumber(ARGV[3])))
return 1
"""
)

PUSH_BACK = (
    _GRACE
    + """
-- push_back(): after a per-second 429, no grant before `until`.
-- KEYS: slot log. ARGV: until, limit, window, now.
local until_, limit, window = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local floor = until_ - window
local slots = redis.call('LRANGE', KEYS[1], 0, -1)
local first = math.max(1, #slots - limit + 1)
local log, latest = {}, floor
for _ = 1, limit - (#slots - first + 1) do log[#log + 1] = fmt(floor) end
for i = first, #slots do
  local slot = math.max(tonumber(slots[i]), floor)
  if slot > latest then latest = slot end
  log[#log + 1] = fmt(slot)
end
redis.call('DEL', KEYS[1])
redis.call('RPUSH', KEYS[1], unpack(log))
redis.call('PEXPIRE', KEYS[1], ms(latest - now + window))
return 1
"""
)
