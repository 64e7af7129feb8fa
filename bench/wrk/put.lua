-- wrk: durable PUTs of random keys bench/0 .. bench/KEYS-1 (default 100000)
-- with VALUE_BYTES-byte values (default 100): the same keys and values as
-- etcd-put.lua writes to etcd.
local keys = tonumber(os.getenv("KEYS") or "100000")
local value = string.rep("v", tonumber(os.getenv("VALUE_BYTES") or "100"))

function request()
  return wrk.format("PUT", "/v1/kv/bench/" .. math.random(0, keys - 1), nil, value)
end

dofile(os.getenv("WRK_DIR") .. "/report.lua")
