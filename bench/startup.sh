#!/usr/bin/env bash
# Times whole aim-engine processes (wall time and peak RSS) on Java 17 and Java 25, each against a picocli hello-world
# floor run by the same JDK with the same flags and the same kind of start-up archive (AppCDS on 17, the AOT cache on
# 25). All cases of both JDKs are interleaved round by round, so that a busy machine slows them alike; prints medians,
# ratios to the floor of the same JDK and the targets.
#
#   bench/startup.sh [ROUNDS]        default 7 measured rounds, after 1 warm-up round that is not counted
#
# Environment: JDK17, JDK25 (Java homes; defaults: the Debian OpenJDK 17 and Temurin 25 under /usr/lib/jvm; a JDK that
# is not there is left out), MODEL (default Qwen/Qwen3-32B), HOST (default examples/hosts/mi300x-8.yaml),
# AIM_PROFILES (AMD's AIM profiles folder, default testdata/aim-build/profiles), SKIP_BUILD=1 to
# use the jars as built, CASES (an extended regular expression) to measure only the cases it matches (the hello floors
# are always measured). Raw numbers go to bench/target/startup/raw.tsv (round, case, wall ms, peak RSS KiB).
#
# Layouts (issue 16, item 4): `plan` runs the shaded jar through ./aim-engine; `thin` runs cli's own jar with the
# dependency jars on the class path (same flags, its own archive); `jlink` runs ./aim-engine on the container image's
# runtime (deploy/container/jlink-runtime.sh linked from the same JDK).
# AMD's AIM profiles: `plan-aim-profiles` reads them from the compact data cache (the cache kept between rounds, as a
# second run finds it); `plan-aim-profiles-first` from their YAML (the cache emptied before every run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-7}"
out="$root/bench/target/startup"
model="${MODEL:-Qwen/Qwen3-32B}"
host="${HOST:-$root/examples/hosts/mi300x-8.yaml}"
profiles="${AIM_PROFILES:-$root/testdata/aim-build/profiles}"
declare -A jdk=([17]="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}" [25]="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}")
versions=()
for v in 17 25; do [ -x "${jdk[$v]}/bin/java" ] && versions+=("$v"); done

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "building cli and bench..." >&2
  (cd "$root" && mvn -q -B -Pbench -pl cli,bench -am package dependency:build-classpath -DskipTests \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2)
fi
jar="$root/cli/target/aim-engine.jar"
thin_cp="$root/cli/target/original-aim-engine.jar:$(cat "$root/cli/target/classpath.txt")"
hello="$root/bench/target/hello.jar"
[ -f "$host" ] || { echo "no host profile $host (set HOST)" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out"
raw="$out/raw.tsv"

# The same start-up flags as ./aim-engine. (picocli is compiled for Java 5, so CDS leaves its classes out, of both
# archives alike: the JVM says so on stderr.)
fast=(-Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC)
record() { if [ "$1" -ge 25 ]; then echo "-XX:AOTCacheOutput=$2.aot"; else echo "-XX:ArchiveClassesAtExit=$2.jsa"; fi; }
use() { if [ "$1" -ge 25 ]; then echo "-XX:AOTCache=$2.aot"; else echo "-XX:SharedArchiveFile=$2.jsa"; fi; }
plan=(plan --host "$host" --output json "$model")
custom=(--rules "$root/bench/custom-rules")

for v in "${versions[@]}"; do
  java="${jdk[$v]}/bin/java"
  "$java" "${fast[@]}" "$(record "$v" "$out/hello-$v")" -jar "$hello" plan --output json "$model" >/dev/null 2>&1
  "$java" "${fast[@]}" "$(record "$v" "$out/thin-$v")" -cp "$thin_cp" aimengine.cli.Main "${plan[@]}" >/dev/null 2>&1
  echo "linking the container runtime from Java $v..." >&2
  "$root/deploy/container/jlink-runtime.sh" "$out/jre-$v" "${jdk[$v]}" >/dev/null
  # ./aim-engine makes its archive (per jar, JVM and AIM_JAVA_OPTS) on first use; these runs make them now.
  AIM_JAVA_HOME="${jdk[$v]}" "$root/aim-engine" --version >/dev/null
  AIM_JAVA_HOME="$out/jre-$v" "$root/aim-engine" --version >/dev/null
  AIM_JAVA_HOME="${jdk[$v]}" AIM_CACHE="$out/cache-warm-$v" "$root/aim-engine" "${plan[@]}" "${custom[@]}" >/dev/null
done

# GPU trees for detect, rebuilt from captured machines (as the detect tests do).
fixtures="$root/planner/src/test/resources/fixtures/amd"
tree="$out/trees/mi300x-cpx"
mkdir -p "$tree/sys/class/kfd/kfd/topology" "$tree/dev/dri"
cp -r "$fixtures/kfd-topology-8xMI300X-cpx-64partitions/topology/nodes" "$tree/sys/class/kfd/kfd/topology/"
: > "$tree/dev/kfd"
for i in $(seq 128 191); do : > "$tree/dev/dri/renderD$i"; done

cases=()
for v in "${versions[@]}"; do
  cases+=("hello-$v" "hello-default-$v" "version-$v" "plan-$v" "plan-default-$v" "custom-second-$v" "thin-$v" "jlink-$v" "detect-$v")
  [ -n "$profiles" ] && [ -d "$profiles" ] && cases+=("plan-aim-profiles-$v" "plan-aim-profiles-first-$v")
done

if [ -n "${CASES:-}" ]; then
  kept=()
  for c in "${cases[@]}"; do [[ "$c" =~ ^hello-[0-9]+$ || "$c" =~ ${CASES} ]] && kept+=("$c"); done
  cases=("${kept[@]}")
fi

# Sets words to the command of a case.
command_of() {
  local v="${1##*-}" name="${1%-*}" java
  java="${jdk[$v]}/bin/java"
  local aim=(env AIM_JAVA_HOME="${jdk[$v]}" AIM_CACHE="$out/cache-builtin-$v" "$root/aim-engine")
  case "$name" in
    hello) words=("$java" "${fast[@]}" "$(use "$v" "$out/hello-$v")" -jar "$hello" plan --output json "$model") ;;
    hello-default) words=("$java" -jar "$hello" plan --output json "$model") ;;
    version) words=("${aim[@]}" --version) ;;
    plan) words=("${aim[@]}" "${plan[@]}") ;;
    plan-default) words=(env AIM_NO_FAST_START=1 "${aim[@]}" "${plan[@]}") ;;
    custom-second) words=(env AIM_JAVA_HOME="${jdk[$v]}" AIM_CACHE="$out/cache-warm-$v" "$root/aim-engine" "${plan[@]}" "${custom[@]}") ;;
    thin) words=("$java" "${fast[@]}" "$(use "$v" "$out/thin-$v")" -cp "$thin_cp" aimengine.cli.Main "${plan[@]}") ;;
    jlink) words=(env AIM_JAVA_HOME="$out/jre-$v" AIM_CACHE="$out/cache-builtin-$v" "$root/aim-engine" "${plan[@]}") ;;
    detect) words=("${aim[@]}" detect --root "$tree" --output json) ;;
    plan-aim-profiles) words=("${aim[@]}" "${plan[@]}" --recipes "$profiles") ;;
    # the profiles read from YAML: an empty aim-engine cache every time (measure() empties it)
    plan-aim-profiles-first) words=(env AIM_JAVA_HOME="${jdk[$v]}" AIM_CACHE="$out/cache-empty-$v" "$root/aim-engine"
        "${plan[@]}" --recipes "$profiles") ;;
  esac
}

measure() {
  local round="$1" name="$2" t0 t1 rc=0
  command_of "$name"
  rm -rf "$out/cache-empty-"*
  t0=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$out/rss" "${words[@]}" > "$out/stdout" 2> "$out/stderr" || rc=$?
  t1=$(date +%s%N)
  if [ "$rc" != 0 ]; then
    echo "case $name failed (exit $rc):" >&2; cat "$out/stderr" >&2; exit 1
  fi
  printf '%s\t%s\t%d\t%s\n' "$round" "$name" $(( (t1 - t0) / 1000000 )) "$(tail -1 "$out/rss")" >> "$raw"
}

printf 'round\tcase\twall_ms\trss_kib\n' > "$raw"
for round in $(seq 0 "$rounds"); do
  echo "round $round of $rounds" >&2
  for name in "${cases[@]}"; do measure "$round" "$name"; done
done

python3 - "$raw" "${versions[@]}" <<'EOF'
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t") if r["round"] != "0"]
versions = sys.argv[2:]
cases = list(dict.fromkeys(r["case"] for r in rows))
wall = {c: [int(r["wall_ms"]) for r in rows if r["case"] == c] for c in cases}
rss = {c: [int(r["rss_kib"]) for r in rows if r["case"] == c] for c in cases}
med = {c: statistics.median(v) for c, v in wall.items()}
print("| case | median s | x floor | min s | max s | peak RSS median MiB | raw wall ms |")
print("|---|---|---|---|---|---|---|")
for c in cases:
    floor = med.get("hello-" + c.rsplit("-", 1)[1])
    print(f"| {c} | {med[c]/1000:.3f} | {med[c]/floor:.2f} | {min(wall[c])/1000:.3f} | {max(wall[c])/1000:.3f} | "
          f"{statistics.median(rss[c])/1024:.0f} | {' '.join(map(str, wall[c]))} |")
print()
print("| target | JDK | measured | target | |")
print("|---|---|---|---|---|")
def ratio(a, b, target, what, v):
    a, b = f"{a}-{v}", f"{b}-{v}"
    if a in med and b in med:
        r = med[a] / med[b]
        print(f"| {what} | {v} | {r:.2f} | <= {target} | {'met' if r <= target else 'MISSED by %.2f x' % (r / target)} |")
for v in versions:
    ratio("plan", "hello", 1.5, "cold plan / hello floor", v)
    ratio("version", "hello", 1.2, "--version / hello floor", v)
    ratio("plan-aim-profiles", "hello", 2.0, "plan with AIM profiles (cached) / hello floor", v)
    ratio("plan-aim-profiles-first", "hello", 2.0, "plan with AIM profiles (first read) / hello floor", v)
    ratio("custom-second", "plan", 1.2, "custom rules, 2nd run / built-in plan", v)
    for c in [c for c in cases if c.endswith("-" + v) and (c.startswith("plan") or c.startswith("custom"))]:
        peak = max(rss[c]) / 1024
        print(f"| peak RSS of {c[:-len(v)-1]}, MiB (max of runs) | {v} | {peak:.0f} | <= 150 | {'met' if peak <= 150 else 'MISSED'} |")
if "plan-17" in med and "plan-25" in med:
    print(f"\nplan on 25 / plan on 17: {med['plan-25'] / med['plan-17']:.2f}")
for v in versions:
    for layout in ("thin", "jlink"):
        if f"plan-{v}" in med and f"{layout}-{v}" in med:
            print(f"Java {v}: {layout} / shaded jar {med[f'{layout}-{v}'] / med[f'plan-{v}']:.2f}")
EOF
