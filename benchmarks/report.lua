-- wrk script for benchmarks/run.py.
--
-- GET pages: `wrk ... -s report.lua URL` sends wrk's default request (with any -H headers);
--            `wrk ... -s report.lua URL -- get paths.txt [miss]` cycles through the paths in the file
--            (one a line); with "miss" each request gets a query parameter never sent before
--            (`bench-miss=<thread>-<n>`), so a page cache can never answer it.
-- Writes:    `wrk ... -s report.lua URL -- requests.tsv` cycles through the POST requests in the
--            file (one per line: path, Cookie header, X-CSRFToken header, form body; tab-separated).
-- Either way it counts responses by HTTP status and, when the run is over, prints one line
-- "BENCH_JSON {...}" with requests, duration, latency percentiles and status counts.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  statuses = {}
  prepared = {}
  paths = {}
  position = 0
  counter = 0
  miss = false
  if args[1] == "get" then
    for line in io.lines(args[2]) do
      if line ~= "" then
        table.insert(paths, line)
      end
    end
    miss = args[3] == "miss"
    position = (thread_number or 1) - 1
  elseif args[1] then
    for line in io.lines(args[1]) do
      local path, cookie, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      if path then
        local headers = {
          ["Cookie"] = cookie,
          ["X-CSRFToken"] = token,
          ["Content-Type"] = "application/x-www-form-urlencoded",
        }
        table.insert(prepared, wrk.format("POST", path, headers, body))
      end
    end
    -- Threads start at different places in the list, so they do not write the same rows in step.
    position = ((thread_number or 1) - 1) * math.floor(#prepared / 4)
  end
  default_request = wrk.format()
end

function request()
  if #paths > 0 then
    position = position % #paths + 1
    local path = paths[position]
    if miss then
      counter = counter + 1
      local separator = "?"
      if string.find(path, "?", 1, true) then
        separator = "&"
      end
      path = path .. separator .. "bench-miss=" .. (thread_number or 1) .. "-" .. counter
    end
    return wrk.format("GET", path)
  end
  if #prepared > 0 then
    position = position % #prepared + 1
    return prepared[position]
  end
  return default_request
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local seen = thread:get("statuses")
    for status, count in pairs(seen) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
      '"latency_us": {"mean": %.1f, "p50": %d, "p90": %d, "p95": %d, "p99": %d, "max": %d}, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    table.concat(parts, ", ")
  ))
end
