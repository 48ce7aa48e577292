#!/usr/bin/env bash
# Health-detection latency: from the moment the engine's port opens to the moment aim-engine's health waiter reports
# it ready, with the test stand-in engine (cli's HealthLatencyBenchmark): with vLLM's ready line printed (it wakes the
# waiter at once) and without it (the checks' backoff alone), for loads of 0.25, 1.3 and 3.2 s.
#   bench/health.sh [ROUNDS]          default 7
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  # -DskipTests still compiles the test classes, where the stand-in and the benchmark live.
  (cd "$root" && mvn -q -B -pl cli -am package -DskipTests >&2)
fi
java -cp "$root/cli/target/aim-engine.jar:$root/cli/target/test-classes" \
    aimengine.cli.launch.HealthLatencyBenchmark "${1:-7}"
