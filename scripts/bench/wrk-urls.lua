-- Rotates over the URLs in the file named by env WRK_URLS, sends the API key from env WRK_KEY,
-- and counts non-2xx answers so that "zero errors" can be checked (wrk itself counts only
-- socket errors and non-2xx/3xx separately).
local urls = {}
local key = os.getenv("WRK_KEY")
for line in io.lines(os.getenv("WRK_URLS")) do
  if #line > 0 then urls[#urls + 1] = line end
end
local counter = 0
local bad = 0

request = function()
  counter = counter + 1
  local path = urls[(counter % #urls) + 1]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. key, ["Accept"] = "application/json" })
end

response = function(status, headers, body)
  if status >= 400 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("LOADTEST requests=%d duration_s=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
