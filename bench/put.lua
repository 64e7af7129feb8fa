-- wrk: durable PUTs of unique keys (per connection counter), value of
-- VALUE_BYTES bytes (default 100).
local counter = 0
local id = 0
local value = string.rep("v", tonumber(os.getenv("VALUE_BYTES") or "100"))

function setup(thread)
  id = id + 1
  thread:set("tid", id)
end

function request()
  counter = counter + 1
  return wrk.format("PUT", "/v1/kv/bench/" .. tid .. "/" .. counter, nil, value)
end

dofile("bench/report.lua")
