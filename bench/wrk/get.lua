-- wrk: GETs of random keys among bench/0 .. bench/KEYS-1 (default 10000),
-- preloaded. CONSISTENCY=replica reads the front-end's local replica;
-- unset, the read goes to the master (Fish's default, linearizable with
-- leases).
local keys = tonumber(os.getenv("KEYS") or "10000")
local consistency = os.getenv("CONSISTENCY")
local suffix = consistency and ("?consistency=" .. consistency) or ""

function request()
  return wrk.format("GET", "/v1/kv/bench/" .. math.random(0, keys - 1) .. suffix)
end

dofile(os.getenv("WRK_DIR") .. "/report.lua")
