#!/usr/bin/env bash
# Warm planning with JMH: one whole plan over 10, 100, 1,000 and 10,000 synthetic recipes (each with a variant for
# 1, 2, 4 and 8 GPUs) on hosts with 1, 2, 4 and 8 MI300X. Extra arguments go to JMH (e.g. -p recipes=10000).
#   bench/warm.sh                     full grid, JSON results in bench/target/jmh.json
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  (cd "$root" && mvn -q -B -Pbench -pl bench -am package -DskipTests >&2)
fi
java -jar "$root/bench/target/benchmarks.jar" WarmPlanningBenchmark -rf json -rff "$root/bench/target/jmh.json" "$@"
