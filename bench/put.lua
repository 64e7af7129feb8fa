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

function done(summary, latency, requests)
  io.write(string.format("RESULT ops_per_s=%.0f p50_ms=%.3f p99_ms=%.3f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
