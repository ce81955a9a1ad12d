-- wrk script: GET one path (BENCH_PATH), with If-None-Match: BENCH_ETAG when set, so that
-- the answers are 304s. Counts the answers by status; done() prints one JSON line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local path = os.getenv("BENCH_PATH")
  local etag = os.getenv("BENCH_ETAG")
  local headers = "Host: 127.0.0.1\r\nAccept-Encoding: identity\r\n"
  if etag and etag ~= "" then
    headers = headers .. "If-None-Match: " .. etag .. "\r\n"
  end
  req = "GET " .. path .. " HTTP/1.1\r\n" .. headers .. "\r\n"
  ok200, ok304, other = 0, 0, 0
end

function request()
  return req
end

function response(status, headers, body)
  if status == 200 then ok200 = ok200 + 1
  elseif status == 304 then ok304 = ok304 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local s200, s304, so = 0, 0, 0
  for _, t in ipairs(threads) do
    s200 = s200 + t:get("ok200"); s304 = s304 + t:get("ok304"); so = so + t:get("other")
  end
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"s200":%d,"s304":%d,"other":%d,"errors":%d,"p50_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, s200, s304, so,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
