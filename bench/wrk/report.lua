-- Shared by the wrk scripts: one RESULT line per run, parsed by
-- bench/compare.sh. non2xx counts answers outside 200-399; errors are
-- connect/read/write failures and timeouts.
function done(summary, latency, requests)
  io.write(string.format("RESULT ops_per_s=%.0f p50_ms=%.3f p99_ms=%.3f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
