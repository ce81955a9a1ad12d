-- wrk script: pre-signed order notifications (made by prepare.py just before the run),
-- each thread sending its own share in order, counting 201 (stored) and 200 (retry).
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  reqs = {}
  created, replayed, other = 0, 0, 0
  local n = 0
  for line in io.lines(os.getenv("BENCH_ORDERS")) do
    n = n + 1
    if n % 2 == id then
      reqs[#reqs + 1] = line:gsub("\\r\\n", "\r\n")
    end
  end
end

function request()
  local r = reqs[counter]
  counter = counter + 1
  if counter > #reqs then counter = 1 end
  return r
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 200 then replayed = replayed + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local c, r, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); r = r + t:get("replayed"); o = o + t:get("other")
  end
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"created":%d,"replayed":%d,"other":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, c, r, o, latency:percentile(50), latency:percentile(99)))
end
