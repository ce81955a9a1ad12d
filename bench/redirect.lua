-- wrk script: GET /r/{code} with Zipf-drawn codes and varied client addresses
-- (X-Forwarded-For, honoured for loopback proxies). Requests are built in init, so
-- the per-request cost inside wrk is a table lookup. done() prints one JSON line.
local counter = 1
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("BENCH_PATHS")
  reqs = {}
  local n = 0
  for line in io.lines(file) do
    n = n + 1
    if n % 2 == id then
      local path, ip = line:match("([^\t]+)\t([^\t]+)")
      reqs[#reqs + 1] = "GET " .. path .. " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) bench/1.0 Firefox/140.0\r\nX-Forwarded-For: " .. ip .. "\r\n\r\n"
    end
  end
end

function request()
  local r = reqs[counter]
  counter = counter + 1
  if counter > #reqs then counter = 1 end
  return r
end

function done(summary, latency, requests)
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"status_errors":%d,"connect_errors":%d,"read_errors":%d,"timeouts":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
