-- wrk script: POST /predict with the JSON body read from the file given after "--", and one summary line at the end.
--   wrk -t2 -c16 -d10s --latency -s predict.lua http://127.0.0.1:5080/predict -- one-row.json
local body_file = "one-row.json"

function init(args)
  if args[1] ~= nil then body_file = args[1] end
  local f = assert(io.open(body_file, "rb"), "cannot open " .. body_file)
  wrk.method = "POST"
  wrk.body = f:read("*a")
  wrk.headers["Content-Type"] = "application/json"
  f:close()
end

-- Every answer must be a 200: a refusal would measure the error path, not scoring.
function response(status, headers, body)
  if status ~= 200 then
    error("POST /predict answered " .. status .. ": " .. body)
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
