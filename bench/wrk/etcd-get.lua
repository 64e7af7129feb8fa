-- wrk: etcd reads of the preloaded keys bench/0 .. bench/KEYS-1.
-- ETCD_READ=serializable: v3 range answered by the member from its own
-- state; linearizable: v3 range confirmed with the leader (ReadIndex);
-- v2: the v2 API's GET (local, no quorum): etcd's fastest read.
dofile(os.getenv("WRK_DIR") .. "/base64.lua")
local keys = tonumber(os.getenv("KEYS") or "10000")
local mode = os.getenv("ETCD_READ") or "serializable"
local encoded = encoded_keys(keys)
local headers = {["Content-Type"] = "application/json"}

function request()
  local i = math.random(0, keys - 1)
  if mode == "v2" then
    return wrk.format("GET", "/v2/keys/bench/" .. i)
  end
  local extra = mode == "serializable" and ',"serializable":true' or ""
  return wrk.format("POST", "/v3/kv/range", headers, '{"key":"' .. encoded[i] .. '"' .. extra .. '}')
end

dofile(os.getenv("WRK_DIR") .. "/report.lua")
