-- wrk: etcd v3 PUTs (JSON gateway) of the keys and values put.lua writes
-- to Fish. etcd fsyncs its WAL and commits on a majority: durable.
dofile(os.getenv("WRK_DIR") .. "/base64.lua")
local keys = tonumber(os.getenv("KEYS") or "100000")
local encoded = encoded_keys(keys)
local value = base64(string.rep("v", tonumber(os.getenv("VALUE_BYTES") or "100")))
local headers = {["Content-Type"] = "application/json"}

function request()
  local body = '{"key":"' .. encoded[math.random(0, keys - 1)] .. '","value":"' .. value .. '"}'
  return wrk.format("POST", "/v3/kv/put", headers, body)
end

dofile(os.getenv("WRK_DIR") .. "/report.lua")
