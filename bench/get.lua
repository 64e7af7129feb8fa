-- wrk: GETs of random keys among KEYS preloaded ones (default 10000).
-- CONSISTENCY=replica reads the local replica instead of the master.
local keys = tonumber(os.getenv("KEYS") or "10000")
local consistency = os.getenv("CONSISTENCY")
local suffix = consistency and ("?consistency=" .. consistency) or ""

function request()
  return wrk.format("GET", "/v1/kv/pre/" .. math.random(0, keys - 1) .. suffix)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT ops_per_s=%.0f p50_ms=%.3f p99_ms=%.3f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
