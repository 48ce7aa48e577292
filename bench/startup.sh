#!/usr/bin/env bash
# Times whole aim-engine processes (wall time and peak RSS) against a picocli hello-world floor, all cases
# interleaved round by round so that a busy machine slows them alike; prints medians and the target ratios.
#
#   bench/startup.sh [ROUNDS]        default 7 measured rounds, after 1 warm-up round that is not counted
#
# Environment: MODEL (default Qwen/Qwen3-32B), HOST (default examples/hosts/mi300x-8.yaml), AIM_PROFILES (AMD's
# AIM profiles folder, default testdata/aim-build/profiles), SKIP_BUILD=1 to use the jars
# as built. Raw numbers go to bench/target/startup/raw.tsv (round, case, wall ms, peak RSS KiB).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-7}"
out="$root/bench/target/startup"
model="${MODEL:-Qwen/Qwen3-32B}"
host="${HOST:-$root/examples/hosts/mi300x-8.yaml}"
profiles="${AIM_PROFILES:-$root/testdata/aim-build/profiles}"
fixtures="$root/planner/src/test/resources/fixtures"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "building cli and bench..." >&2
  (cd "$root" && mvn -q -B -Pbench -pl cli,bench -am package -DskipTests >&2)
fi
jar="$root/cli/target/aim-engine.jar"
hello="$root/bench/target/hello.jar"
[ -f "$host" ] || { echo "no host profile $host (set HOST)" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"
raw="$out/raw.tsv"

# The same start-up flags as ./aim-engine, and a class-data sharing archive for hello made the same way.
fast=(-Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
# (picocli is compiled for Java 5, so CDS leaves its classes out, in both archives alike: it says so on stderr.)
java "${fast[@]}" -XX:ArchiveClassesAtExit="$out/hello.jsa" -jar "$hello" plan --output json "$model" >/dev/null 2>&1
"$root/aim-engine" --version >/dev/null   # makes aim-engine's archive when the jar has none yet

# GPU trees for detect, rebuilt from captured machines (as the detect tests do).
trees=()
if java -jar "$jar" --help | grep -q '^  detect '; then
  for fixture in kfd-topology-8xMI300X-cpx-64partitions kfd-topology-8xMI210-xgmi-pcie; do
    tree="$out/trees/$fixture"
    mkdir -p "$tree/sys/class/kfd/kfd/topology" "$tree/dev/dri"
    nodes="$(find "$fixtures/amd/$fixture" -maxdepth 2 -type d -name nodes | head -1)"
    cp -r "$nodes" "$tree/sys/class/kfd/kfd/topology/"
    : > "$tree/dev/kfd"
    for i in $(seq 128 191); do : > "$tree/dev/dri/renderD$i"; done
    trees+=("$fixture")
  done
fi

plan=(plan --host "$host" --output json "$model")
custom=(--rules "$root/bench/custom-rules")
cases=(hello hello-default plan plan-default custom-first custom-second)
[ -n "$profiles" ] && [ -d "$profiles" ] && cases+=(plan-aim-profiles)
for t in "${trees[@]}"; do cases+=("detect-$t"); done

# Sets words to the command of a case. custom-first gets an empty cache each time; custom-second a cache filled once.
command_of() {
  case "$1" in
    hello) words=(java "${fast[@]}" -XX:SharedArchiveFile="$out/hello.jsa" -jar "$hello" plan --output json "$model") ;;
    hello-default) words=(java -jar "$hello" plan --output json "$model") ;;
    plan) words=(env AIM_CACHE="$out/cache-builtin" "$root/aim-engine" "${plan[@]}") ;;
    plan-default) words=(env AIM_NO_FAST_START=1 AIM_CACHE="$out/cache-builtin" "$root/aim-engine" "${plan[@]}") ;;
    custom-first) words=(env AIM_CACHE="$out/cache-first" "$root/aim-engine" "${plan[@]}" "${custom[@]}") ;;
    custom-second) words=(env AIM_CACHE="$out/cache-warm" "$root/aim-engine" "${plan[@]}" "${custom[@]}") ;;
    plan-aim-profiles) words=(env AIM_CACHE="$out/cache-builtin" "$root/aim-engine" "${plan[@]}" --recipes "$profiles") ;;
    detect-*) words=("$root/aim-engine" detect --root "$out/trees/${1#detect-}" --output json) ;;
  esac
}

measure() {
  local round="$1" name="$2" t0 t1 rc=0
  command_of "$name"
  [ "$name" = custom-first ] && rm -rf "$out/cache-first"
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$out/rss" "${words[@]}" > "$out/stdout" 2> "$out/stderr" || rc=$?
  t1=$(date +%s%N)
  if [ "$rc" != 0 ] && [[ "$name" != detect-* ]]; then
    echo "case $name failed (exit $rc):" >&2; cat "$out/stderr" >&2; exit 1
  fi
  printf '%s\t%s\t%d\t%s\n' "$round" "$name" $(( (t1 - t0) / 1000000 )) "$(tail -1 "$out/rss")" >> "$raw"
}

env AIM_CACHE="$out/cache-warm" "$root/aim-engine" "${plan[@]}" "${custom[@]}" >/dev/null
printf 'round\tcase\twall_ms\trss_kib\n' > "$raw"
for round in $(seq 0 "$rounds"); do
  echo "round $round of $rounds" >&2
  for name in "${cases[@]}"; do measure "$round" "$name"; done
done

python3 - "$raw" <<'EOF'
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t") if r["round"] != "0"]
cases = list(dict.fromkeys(r["case"] for r in rows))
wall = {c: [int(r["wall_ms"]) for r in rows if r["case"] == c] for c in cases}
rss = {c: [int(r["rss_kib"]) for r in rows if r["case"] == c] for c in cases}
med = {c: statistics.median(v) for c, v in wall.items()}
print("| case | median s | min s | max s | peak RSS median MiB | raw wall ms |")
print("|---|---|---|---|---|---|")
for c in cases:
    print(f"| {c} | {med[c]/1000:.3f} | {min(wall[c])/1000:.3f} | {max(wall[c])/1000:.3f} | "
          f"{statistics.median(rss[c])/1024:.0f} | {' '.join(map(str, wall[c]))} |")
def ratio(a, b, target, what):
    if a in med and b in med:
        r = med[a] / med[b]
        print(f"| {what} | {r:.2f} | <= {target} | {'met' if r <= target else 'MISSED'} |")
print()
print("| target | measured | target | |")
print("|---|---|---|---|")
ratio("plan", "hello", 1.5, "cold plan / hello floor")
ratio("custom-second", "plan", 1.2, "custom rules, 2nd run / built-in plan")
ratio("plan-aim-profiles", "hello", 2.0, "plan with AIM profiles / hello floor")
# The compiling run (custom-first) is reported on its own: it runs the DRL compiler once per rule change.
for c in [c for c in cases if c.startswith("plan") or c == "custom-second"]:
    peak = max(rss[c]) / 1024
    print(f"| peak RSS of {c}, MiB (max of runs) | {peak:.0f} | <= 150 | {'met' if peak <= 150 else 'MISSED'} |")
EOF
