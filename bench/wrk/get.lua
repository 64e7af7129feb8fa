-- wrk: GETs of random keys among bench/0 .. bench/KEYS-1 (default 10000),
-- preloaded. CONSISTENCY=replica reads the front-end's local replica,
-- master the site that believes it is master; unset, Fish's default:
-- linearizable (the master confirms each batch of reads with a quorum).
local keys = tonumber(os.getenv("KEYS") or "10000")
local consistency = os.getenv("CONSISTENCY")
local suffix = consistency and ("?consistency=" .. consistency) or ""

function request()
  return wrk.format("GET", "/v1/kv/bench/" .. math.random(0, keys - 1) .. suffix)
end

dofile(os.getenv("WRK_DIR") .. "/report.lua")
