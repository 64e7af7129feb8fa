-- wrk: etcd v2 PUTs of the keys and values put.lua writes to Fish, the
-- fastest write path an etcd user can pick (no JSON or base64). Like v3,
-- a v2 write goes through raft: WAL fsync'd and committed on a majority.
local keys = tonumber(os.getenv("KEYS") or "100000")
local body = "value=" .. string.rep("v", tonumber(os.getenv("VALUE_BYTES") or "100"))
local headers = {["Content-Type"] = "application/x-www-form-urlencoded"}

function request()
  return wrk.format("PUT", "/v2/keys/bench/" .. math.random(0, keys - 1), headers, body)
end

dofile(os.getenv("WRK_DIR") .. "/report.lua")
