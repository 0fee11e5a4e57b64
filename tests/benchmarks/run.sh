#!/usr/bin/env bash
# Runs every benchmark of tests/benchmarks and writes tests/benchmarks/RESULTS.md.
#
#   tests/benchmarks/run.sh [--quick] [--no-build] [--only NAME[,NAME...]]
#
# Builds what it needs (./mvnw package -pl tests/benchmarks -am, tests not compiled), starts the Core
# simulators from their runnable jar on free loopback ports (each in its own JVM), runs the benchmarks one
# after the other, profiles the SDK against the hand-written ceiling with JFR, writes RESULTS.md, draws its
# charts (chart-*.png next to it) and stops everything it started. About 25 minutes on 2 cores; --quick runs
# every benchmark for a moment (a check of this script, not a measurement). --only runs the named benchmarks
# (such as 8-cluster) and puts their sections into the existing RESULTS.md, replacing the older ones and
# noting the date of the partial run; the charts are drawn again.
#
# Environment: JAVA (default: java on PATH), PYTHON (default: python3; the Python contender is skipped
# without it), CORE_URL with CORE_USER/CORE_PASSWORD (also measures benchmark 1 against that real Core).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

quick=false
build=true
only=
expect_only=false
for arg in "$@"; do
  if $expect_only; then only=$arg; expect_only=false; continue; fi
  case "$arg" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    --only) expect_only=true ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

JAVA=${JAVA:-java}
PYTHON=${PYTHON:-python3}
export PYTHON
started_at=$(date +%s)
started_date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
results=$here/target/results
logs=$here/target/run-logs
rm -rf "$results" "$logs"
mkdir -p "$results" "$logs"

pids=()
private=
cleanup() {
  local pid
  for pid in "${pids[@]+"${pids[@]}"}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do
    wait "$pid" 2>/dev/null || true
  done
  [[ -z $private ]] || rm -rf "$private"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if $build; then
  # Tests are not even compiled (-Dmaven.test.skip): the benchmarks need the main code only.
  # samples too: benchmark 7 starts corectl.jar and its launcher (with the class-data archive the build makes).
  say "building (./mvnw -q -B package -Dmaven.test.skip=true -pl tests/benchmarks,samples -am)"
  # Others may build in this checkout at the same time; a build broken by theirs is retried once.
  ./mvnw -q -B package -Dmaven.test.skip=true -pl tests/benchmarks,samples -am ||
    { say "build failed; retrying once in 30 s"; sleep 30; ./mvnw -q -B package -Dmaven.test.skip=true -pl tests/benchmarks,samples -am; }
fi
for f in "$here/target/benchmarks.jar" "$root/tests/core-simulator/target/core-simulator.jar" \
  "$root/samples/target/corectl.jar" "$root/samples/target/corectl"; do
  [[ -f $f ]] || { echo "run.sh: $f is missing (run without --no-build)" >&2; exit 1; }
done
# Run from private copies: a build in the same checkout while this runs replaces the jars under target/,
# and a JVM loading classes lazily from a replaced jar fails (seen here: NoClassDefFoundError mid-run).
private=$(mktemp -d "${TMPDIR:-/tmp}/corekit-bench.XXXXXX")
cp "$here/target/benchmarks.jar" "$private/benchmarks.jar"
cp "$root/tests/core-simulator/target/core-simulator.jar" "$private/core-simulator.jar"
jar=$private/benchmarks.jar
simjar=$private/core-simulator.jar

# start_sim NAME ARGS...: starts a simulator JVM on a free port; sets SIM_URL.
start_sim() {
  local name=$1 log=$logs/sim-$1.log
  shift
  "$JAVA" -Xms256m -Xmx1g -jar "$simjar" --host 127.0.0.1 --port 0 --user admin --password secret --admin "$@" \
    >"$log" 2>&1 &
  pids+=($!)
  local i
  for ((i = 0; i < 600; i++)); do
    SIM_URL=$(grep -o 'listening on http://[^ ]*' "$log" | cut -d' ' -f3 || true)
    [[ -n $SIM_URL ]] && { say "simulator $name: $SIM_URL ($*)"; return 0; }
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$log" >&2; echo "run.sh: simulator $name died" >&2; exit 1; }
    sleep 0.1
  done
  echo "run.sh: simulator $name did not start" >&2
  exit 1
}

# bench NAME JVM-AND-MAIN-ARGS...: runs one benchmark JVM, its log in target/run-logs.
bench() {
  local name=$1 t0
  shift
  if [[ -n $only && ",$only," != *",$name,"* ]]; then return 0; fi
  t0=$(date +%s)
  say "benchmark $name"
  "$JAVA" "$@" --out "$results" >"$logs/$name.out" 2>"$logs/$name.log" || {
    say "benchmark $name FAILED (see $logs/$name.log)"
    printf '## %s\n\nFailed: see `tests/benchmarks/target/run-logs/%s.log`:\n\n```\n%s\n```\n\n' \
      "$name" "$name" "$(tail -n 20 "$logs/$name.log")" >"$results/$name.md"
    echo "- $name: FAILED" >"$results/$name.headline.md"
  }
  say "benchmark $name took $(($(date +%s) - t0)) s"
}

if $quick; then
  http_opts=(--seconds 0.5 --rounds 1 --warmup 0.5)
  attribution_opts=(--seconds 0.5 --rounds 1 --warmup 0.5)
  sync_opts=(--seconds 0.5 --rounds 1 --warmup 0.5)
  token_opts=(--requests 1000 --reps 1)
  stream_opts=(--sizes 1000,20000 --ttfe-reps 2)
  parse_opts=(--warmup-iterations 1 --iterations 3 --time 0.5)
  rac_opts=(--records 100000 --rounds 1)
  profile_seconds=4
  profile_delay=5s
  startup_opts=(--runs 2)
  cluster_opts=(--phase-s 1 --reps 3)
else
  http_opts=(--seconds 3 --rounds 5 --warmup 10)
  attribution_opts=(--seconds 3 --rounds 3 --warmup 8)
  sync_opts=(--seconds 3 --rounds 3 --warmup 4)
  token_opts=(--requests 10000 --reps 3)
  stream_opts=(--sizes 1000,100000,1000000 --ttfe-reps 9)
  parse_opts=(--warmup-iterations 3 --iterations 5 --time 2)
  rac_opts=(--records 2000000 --rounds 3)
  profile_seconds=10
  profile_delay=8s
  startup_opts=(--runs 15)
  cluster_opts=(--phase-s 5 --reps 30)
fi
python_opts=()
if command -v "$PYTHON" >/dev/null 2>&1; then
  python_opts=(--python "$here/src/main/python/urllib_bench.py")
else
  say "no $PYTHON: the Python contender is skipped"
fi

start_sim throughput --seed 10 --access-ttl 1h --refresh-ttl 24h
sim_throughput=$SIM_URL
start_sim expiring --seed 10 --access-ttl 10s --refresh-ttl 1h
sim_expiring=$SIM_URL
start_sim steady --seed 10 --access-ttl 1h --refresh-ttl 24h
sim_steady=$SIM_URL
start_sim streaming --seed 1000 --access-ttl 1h --refresh-ttl 24h
sim_streaming=$SIM_URL

client_jvm=(-Xms1g -Xmx1g -XX:+UseG1GC -cp "$jar")

bench 1-http-throughput "${client_jvm[@]}" dev.corekit.bench.HttpThroughputBench \
  --url "$sim_throughput" "${http_opts[@]}" "${python_opts[@]}"
attribution_text='The same closed loop as in 1, about() only: the ceiling; the ceiling plus Reactor'"'"'s `timeout(10 s)` (a timer per call on the `parallel` scheduler); the ceiling plus that and Reactor Netty'"'"'s `responseTimeout` (a handler added per request); and core-client, which bounds each call with one timer on a shared wheel (`corekit-deadlines`) and sets no `responseTimeout` on bounded calls. What the timers of a naive per-call deadline cost, next to core-client'"'"'s.'
bench 1c-timer-attribution "${client_jvm[@]}" dev.corekit.bench.HttpThroughputBench --url "$sim_throughput" \
  --contenders sdk,hand,hand-timeout,hand-timers --ops about --concurrency 1,256 "${attribution_opts[@]}" \
  --name 1c-timer-attribution --text "$attribution_text" \
  --title "1c. Attribution: the hand-written call plus the timers core-client sets per call"
bench 1b-json-decode -cp "$jar" dev.corekit.bench.JsonDecodeReport "${parse_opts[@]}"
bench 2-blocking-proxy "${client_jvm[@]}" dev.corekit.bench.BlockingProxyBench --url "$sim_throughput" "${sync_opts[@]}"
bench 2b-sync-proxy-cost -cp "$jar" dev.corekit.bench.SyncProxyReport "${parse_opts[@]}"
bench 3-token-expiry "${client_jvm[@]}" dev.corekit.bench.TokenExpiryBench \
  --url-expiring "$sim_expiring" --url-steady "$sim_steady" --ttl 10 "${token_opts[@]}"
bench 4-streaming "${client_jvm[@]}" dev.corekit.bench.StreamingBench --url "$sim_streaming" --child-xmx 1g \
  "${stream_opts[@]}"
bench 5a-rac-parse -cp "$jar" dev.corekit.bench.RacParseReport "${parse_opts[@]}"
bench 5b-rac-end-to-end -Xms2g -Xmx2g -cp "$jar" dev.corekit.bench.RacEndToEndBench "${rac_opts[@]}"
bench 8-cluster "${client_jvm[@]}" dev.corekit.bench.ClusterBench "${cluster_opts[@]}"

# Start-up of corectl: run in place (samples/target), since the class-data archive records the jar's path.
start_sim startup --access-ttl 1h --refresh-ttl 24h
bench 7-startup -cp "$jar" dev.corekit.bench.StartupBench --dir "$root/samples/target" --url "$SIM_URL" \
  --user admin --password secret --java "$JAVA" "${startup_opts[@]}"

if [[ -n ${CORE_URL:-} ]]; then
  bench 1r-http-throughput-real-core "${client_jvm[@]}" dev.corekit.bench.HttpThroughputBench \
    --url "$CORE_URL" --user "${CORE_USER:-admin}" --password "${CORE_PASSWORD:-datarhei}" \
    --name 1r-http-throughput-real-core --label "a real Core (CORE_URL)" --rounds 2 --seconds 3 --warmup 3
fi

# Profiles: the same closed-loop load (about() and list() at 256 in flight), one contender per JVM, JFR on.
profile_args=(--url "$sim_throughput" --concurrency 256 --rounds 1 --seconds "$profile_seconds" --warmup 5)
for c in sdk hand; do
  for op in list about; do
    bench "profile-$c-$op" "${client_jvm[@]}" \
      "-XX:StartFlightRecording=filename=$logs/profile-$c-$op.jfr,settings=profile,delay=$profile_delay,dumponexit=true" \
      dev.corekit.bench.HttpThroughputBench "${profile_args[@]}" --contenders "$c" --ops "$op" \
      --name "profile-$c-$op-run"
  done
done
for op in list about; do
  bench "6-profile-$op" -cp "$jar" dev.corekit.bench.JfrSummary --name "6-profile-$op" \
    --jfr "core-client=$logs/profile-sdk-$op.jfr,by hand=$logs/profile-hand-$op.jfr" \
    --title "Where the time goes: $op() at 256 in flight, core-client vs Reactor Netty by hand (JFR)" \
    --text "Each contender alone in a JVM (\`-XX:StartFlightRecording=settings=profile\`, recording after the warm-up), $op() at 256 in flight against the throughput simulator for ${profile_seconds} s. CPU samples are grouped by the library of the top frame (self time); allocation samples by the first non-JDK frame."
done
rm -f "$results"/profile-*-run.md "$results"/profile-*-run.headline.md

# charts: the PNGs next to RESULTS.md, drawn from its tables, and its "## Charts" section listing them.
draw_charts() {
  "$JAVA" -Djava.awt.headless=true -cp "$jar" dev.corekit.bench.Charts "$here/RESULTS.md" "$here" ||
    say "drawing the charts FAILED (RESULTS.md is written; see the message above)"
}

# RESULTS.md
if [[ -n $only ]]; then
  "$JAVA" -cp "$jar" dev.corekit.bench.ResultsMerge "$here/RESULTS.md" "$results" "$started_date" "$only"
  say "merged $only into $here/RESULTS.md"
  draw_charts
  exit 0
fi
finished_at=$(date +%s)
duration=$((finished_at - started_at))
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
cpu_model=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo "?")
java_version=$("$JAVA" -version 2>&1 | tr '\n' ' ' | sed 's/  */ /g')
python_version=$("$PYTHON" --version 2>&1 || echo "none")
revision=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "?")
if [[ -n $(git -C "$root" status --porcelain 2>/dev/null | head -n 1) ]]; then
  revision="$revision (working tree with uncommitted changes)"
fi
out=$here/RESULTS.md
{
  echo "# Benchmark results"
  echo
  echo "Written by \`tests/benchmarks/run.sh\`; do not edit (the next run replaces it). These machines are"
  echo "noisy: read the ratios (contenders measured in the same run, interleaved), not the absolute numbers."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date | $started_date |"
  echo "| command | \`tests/benchmarks/run.sh $*\` ($((duration / 60)) min $((duration % 60)) s, build included) |"
  echo "| machine | $(nproc) cores ($cpu_model), $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GiB"}'), $(uname -sr) |"
  echo "| load average (1/5/15 min) | before: $load_before; after: $load_after |"
  echo "| JDK | $java_version |"
  echo "| Python | $python_version |"
  echo "| revision | $revision |"
  echo
  echo "Each benchmark's own command line is in its section. Logs: \`tests/benchmarks/target/run-logs/\`."
  echo
  echo "## Headlines"
  echo
  for f in "$results"/*.headline.md; do
    [[ $f == *profile* ]] || cat "$f"
  done
  echo
  for f in "$results"/*.md; do
    [[ $f == *.headline.md ]] || { cat "$f"; echo; }
  done
} >"$out"
say "wrote $out in $((duration / 60)) min $((duration % 60)) s"
draw_charts
