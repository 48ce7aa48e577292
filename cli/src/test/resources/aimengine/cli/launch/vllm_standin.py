#!/usr/bin/env python3
# TEST STAND-IN FOR vLLM -- NOT vLLM. Used only by aim-engine's tests, installed on PATH as `vllm` so that
# `aim-engine run` takes its real code path. It accepts `vllm serve MODEL --port P --host H [...]`, refuses
# connections while "loading", then serves GET /health and GET /v1/models as vLLM does.
#
# Behaviour from the environment:
#   STANDIN_MODE     healthy (default) | crash-at-start | crash-after-healthy | never-healthy | ignore-sigterm
#                    | failure-line | sick-after-healthy (keeps running, /health answers 503, as vLLM's API server
#                    does once its engine core died)
#   STANDIN_LOAD_MS  how long "loading" takes before the port opens (default 300)
#   STANDIN_CRASH_MS crash-after-healthy, sick-after-healthy: how long it serves before it dies (default 300)
#   STANDIN_WORKER   1: start a worker child process too (as vLLM starts engine-core workers), which ignores SIGTERM
#                    in ignore-sigterm mode, so that tests see the whole process group stopped
#   STANDIN_QUIET    1: do not print the ready line (to measure health detection by polling alone)
#   VLLM_API_KEY     as vLLM: when set, /v1/* answers 401 unless the request carries "Authorization: Bearer KEY"
#                    (/health stays open, as in vLLM)
#
# GET /metrics answers a Prometheus text exposition shaped like vLLM's (the series names, types, labels and buckets
# of vLLM v0.11's vllm: metrics), with made-up values that grow with the time served: 2 requests running, 1 waiting,
# 25 % KV cache, 10 generated tokens and one first token (of 0.05 s) per second.
# A multi-node worker rank (`--headless`, as vLLM's own multi-node mode runs ranks > 0) serves no HTTP: it only
# stays up until SIGTERM.
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time


def log(msg):
    print(msg, flush=True)


def arg(argv, name, default=None):
    for i, a in enumerate(argv):
        if a == name and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith(name + "="):
            return a.split("=", 1)[1]
    return default


def arg_list(argv, name):
    """A flag that takes one or more values (nargs='+'), as vLLM's --served-model-name does."""
    for i, a in enumerate(argv):
        if a == name:
            values = []
            for v in argv[i + 1:]:
                if v.startswith("--"):
                    break
                values.append(v)
            return values
        if a.startswith(name + "="):
            return [a.split("=", 1)[1]]
    return []


TTFT_BUCKETS = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0]


def metrics(model, served_s):
    labels = 'engine="0",model_name="%s"' % model
    n = int(served_s)
    out = [
        "# HELP vllm:num_requests_running Number of requests in model execution batches.",
        "# TYPE vllm:num_requests_running gauge",
        "vllm:num_requests_running{%s} 2.0" % labels,
        "# HELP vllm:num_requests_waiting Number of requests waiting to be processed.",
        "# TYPE vllm:num_requests_waiting gauge",
        "vllm:num_requests_waiting{%s} 1.0" % labels,
        "# HELP vllm:kv_cache_usage_perc KV-cache usage. 1 means 100 percent usage.",
        "# TYPE vllm:kv_cache_usage_perc gauge",
        "vllm:kv_cache_usage_perc{%s} 0.25" % labels,
        "# HELP vllm:generation_tokens_total Number of generation tokens processed.",
        "# TYPE vllm:generation_tokens_total counter",
        "vllm:generation_tokens_total{%s} %.1f" % (labels, served_s * 10),
        "# HELP vllm:time_to_first_token_seconds Histogram of time to first token in seconds.",
        "# TYPE vllm:time_to_first_token_seconds histogram",
    ]
    for le in TTFT_BUCKETS:
        out.append('vllm:time_to_first_token_seconds_bucket{%s,le="%s"} %.1f' % (labels, le, n if le >= 0.05 else 0))
    out.append('vllm:time_to_first_token_seconds_bucket{%s,le="+Inf"} %.1f' % (labels, n))
    out.append("vllm:time_to_first_token_seconds_count{%s} %.1f" % (labels, n))
    out.append("vllm:time_to_first_token_seconds_sum{%s} %.3f" % (labels, n * 0.05))
    return "\n".join(out) + "\n"


def main(argv):
    if not argv or argv[0] != "serve" or len(argv) < 2:
        print("usage: vllm serve MODEL [flags]  (test stand-in)", file=sys.stderr)
        return 2
    model = argv[1]
    port = int(arg(argv, "--port", "8000"))
    host = arg(argv, "--host", "127.0.0.1")
    served = arg_list(argv, "--served-model-name") or [model]
    mode = os.environ.get("STANDIN_MODE", "healthy")
    load_ms = int(os.environ.get("STANDIN_LOAD_MS", "300"))
    log("STANDIN test stand-in for vLLM (not vLLM): serve %s on %s:%d, mode %s, pid %d, pgid %d"
        % (model, host, port, mode, os.getpid(), os.getpgid(0)))
    log("STANDIN argv " + json.dumps(argv))

    # Handlers write with os.write: a print() interrupted by a signal whose handler prints again fails as reentrant.
    if mode == "ignore-sigterm":
        signal.signal(signal.SIGTERM, lambda s, f: os.write(1, b"STANDIN ignoring SIGTERM\n"))
    else:
        signal.signal(signal.SIGTERM, lambda s, f: (os.write(1, b"INFO Shutting down (SIGTERM)\n"), os._exit(0)))
    if os.environ.get("STANDIN_WORKER") == "1":
        ignore = "signal.signal(signal.SIGTERM, signal.SIG_IGN);" if mode == "ignore-sigterm" else ""
        subprocess.Popen([sys.executable, "-c", "import signal,time;" + ignore + "time.sleep(3600)"])

    if mode == "crash-at-start":
        time.sleep(0.1)
        log("ERROR something went wrong at start")
        return 1
    if mode == "failure-line":
        time.sleep(0.1)
        log("torch.OutOfMemoryError: HIP out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 191.98 GiB")
        log("RuntimeError: Engine core initialization failed. See root cause above.")
        return 1

    if "--headless" in argv:
        log("STANDIN headless rank %s of %s, master %s:%s" % (arg(argv, "--node-rank"), arg(argv, "--nnodes"),
                                                            arg(argv, "--master-addr"), arg(argv, "--master-port")))
        while True:
            time.sleep(3600)

    end = time.time() + load_ms / 1000.0
    while time.time() < end:
        log("INFO Loading model weights ...")
        time.sleep(min(0.1, max(0.0, end - time.time())))

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/health":
                self.reply(503 if mode == "never-healthy" or sick.is_set() else 200, b"")
            elif self.path.startswith("/v1/") and api_key and \
                    self.headers.get("Authorization") != "Bearer " + api_key:
                self.reply(401, b'{"error": "Unauthorized"}')
            elif self.path == "/metrics":
                self.reply(200, metrics(served, time.time() - started).encode(), "text/plain; version=0.0.4; charset=utf-8")
            elif self.path == "/v1/models":
                body = json.dumps({"object": "list",
                                   "data": [{"id": name, "object": "model", "root": model} for name in served]})
                self.reply(200, body.encode())
            else:
                self.reply(404, b"")

        def reply(self, code, body, content_type=None):
            self.send_response(code)
            if content_type:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    api_key = os.environ.get("VLLM_API_KEY")
    started = time.time()
    sick = threading.Event()
    server = http.server.ThreadingHTTPServer((host, port), Handler)
    log("STANDIN port-open %.6f" % time.time())
    if os.environ.get("STANDIN_QUIET") != "1":
        log("INFO:     Application startup complete.")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    if mode == "crash-after-healthy":
        time.sleep(int(os.environ.get("STANDIN_CRASH_MS", "300")) / 1000.0)
        log("ERROR EngineCore died unexpectedly")
        os._exit(1)
    if mode == "sick-after-healthy":
        time.sleep(int(os.environ.get("STANDIN_CRASH_MS", "300")) / 1000.0)
        log("ERROR EngineCore died; the API server answers 503")
        sick.set()
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
