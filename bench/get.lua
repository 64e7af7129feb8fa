-- wrk: GETs of random keys among KEYS preloaded ones (default 10000).
-- CONSISTENCY=replica reads the local replica instead of the master.
local keys = tonumber(os.getenv("KEYS") or "10000")
local consistency = os.getenv("CONSISTENCY")
local suffix = consistency and ("?consistency=" .. consistency) or ""

function request()
  return wrk.format("GET", "/v1/kv/pre/" .. math.random(0, keys - 1) .. suffix)
end

dofile("bench/report.lua")
