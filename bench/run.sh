#!/usr/bin/env bash
# One command for the chat benchmark (`make bench`): starts fake_llm and `voki serve --demo` on free
# loopback ports with a temporary data folder, runs chat_bench at 1, 100 and 1000 concurrent
# streams, prints a table and stops everything. Builds nothing: it uses binaries from build/.
#
# Environment overrides:
#   BUILD_DIR (build)  VOKI_BIN  FAKE_LLM_BIN  CHAT_BENCH_BIN  BENCH_STREAMS ("1 100 1000")
#   BENCH_OUT (folder for raw JSON; default: the temporary folder, removed at the end)
#   BENCH_FEEDBACK (true|false: Voki's offline feedback engine on the chat path; default true)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$repo/build}"
voki_bin="${VOKI_BIN:-$build/app/voki}"
fake_bin="${FAKE_LLM_BIN:-$build/tests/fake_llm/fake_llm}"
bench_bin="${CHAT_BENCH_BIN:-$build/bench/chat_bench}"
streams_list="${BENCH_STREAMS:-1 100 1000}"
feedback="${BENCH_FEEDBACK:-true}"
token_delay_ms=40
tokens=50

for bin in "$voki_bin" "$fake_bin" "$bench_bin"; do
  [[ -x "$bin" ]] || { echo "run.sh: missing $bin (build first: make build, or set BUILD_DIR)" >&2; exit 1; }
done

# 1000 streams need ~2000 sockets in Voki (client side and model side) and as many here.
ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < 4096 )); then
  echo "run.sh: the open-file limit is $(ulimit -n); 1000 streams need about 4096" >&2
fi

work="$(mktemp -d -t voki-bench.XXXXXX)"
out="${BENCH_OUT:-$work}"
mkdir -p "$out"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Waits (at most 10 s) for "listening on ..." in a log and prints the port.
wait_for_port() {
  local log="$1" pattern="$2"
  for _ in $(seq 100); do
    if port="$(grep -oE "$pattern" "$log" | grep -oE '[0-9]+$' | head -1)" && [[ -n "$port" ]]; then
      echo "$port"; return 0
    fi
    sleep 0.1
  done
  echo "run.sh: server did not start; log:" >&2; cat "$log" >&2; return 1
}

"$fake_bin" --host 127.0.0.1 --port 0 --tokens "$tokens" --token-delay-ms "$token_delay_ms" >"$work/fake.log" 2>&1 &
pids+=($!)
fake_port="$(wait_for_port "$work/fake.log" 'listening on [0-9]+')"

VOKI_FEEDBACK="$feedback" "$voki_bin" serve --demo --host 127.0.0.1 --port 0 --data-dir "$work/data" \
  --bots-dir "$repo/bots" --web-root "$work/no-web" --llm-url "http://127.0.0.1:$fake_port/v1" \
  --llm-model fake-model --log-level warn >"$work/voki.log" 2>&1 &
voki_pid=$!
pids+=("$voki_pid")
voki_port="$(wait_for_port "$work/voki.log" 'listening on http://127\.0\.0\.1:[0-9]+')"

control() { curl -sf -X POST -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$fake_port/control" >/dev/null; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on the machine skews the figures)"
echo "fake_llm :$fake_port (${tokens} tokens, ${token_delay_ms} ms apart), voki :$voki_port pid $voki_pid, feedback=$feedback, fd limit $(ulimit -n)"
results=()
for n in $streams_list; do
  # One stream gives one sample per round: more, shorter rounds (the memory figure is not
  # meaningful at N=1 anyway). Larger N: full 2 s answers so that all streams overlap.
  if (( n == 1 )); then rounds=30; control '{"tokens": 3}'; else rounds=$(( n >= 1000 ? 3 : 5 )); control "{\"tokens\": $tokens}"; fi
  timeout 120 "$bench_bin" --voki "http://127.0.0.1:$voki_port" --fake "http://127.0.0.1:$fake_port" \
    --streams "$n" --rounds "$rounds" --spread-ms "${BENCH_SPREAD_MS:-200}" --token-delay-ms "$token_delay_ms" \
    --voki-pid "$voki_pid" --json "$out/chat_bench_$n.json" --label "N=$n" >"$work/bench_$n.out"
  results+=("$(tail -1 "$work/bench_$n.out")")
done

python3 - "${results[@]}" <<'PY'
import json, sys
rows = [json.loads(a) for a in sys.argv[1:]]
f = lambda v: f"{v:7.2f}"
print()
print("time to first token, ms (request written -> first answer token); added = voki - direct")
print(f"{'N':>5} | {'direct p50':>10} {'p99':>7} {'max':>7} | {'voki p50':>8} {'p99':>7} {'max':>7} | {'added p50':>9} {'p99':>7} | {'KiB/stream':>10} | samples d/v (held back d/v) | errors d/v | client cpu, lag p99/max ms")
for r in rows:
    d, v = r["direct"], r["voki"]
    print(f"{r['streams']:>5} | {f(d['p50_ms']):>10} {f(d['p99_ms'])} {f(d['max_ms'])} | {f(v['p50_ms']):>8} {f(v['p99_ms'])} {f(v['max_ms'])} |"
          f" {f(r['added_p50_ms']):>9} {f(r['added_p99_ms'])} | {r.get('kib_per_stream', float('nan')):10.1f} |"
          f" {d['count']}/{v['count']} ({d['held_back_first_tokens']}/{v['held_back_first_tokens']}) | {d['errors']}/{v['errors']} |"
          f" {d['client_cpu_share']:.0%}/{v['client_cpu_share']:.0%}, {d['client_loop_lag_p99_ms']:.2f}/{d['client_loop_lag_max_ms']:.1f} d, {v['client_loop_lag_p99_ms']:.2f}/{v['client_loop_lag_max_ms']:.1f} v")
print()
print("Voki, time to its first SSE event ('message': the learner's message is stored), ms:")
for r in rows:
    e = r["voki"]["first_event"]
    print(f"{r['streams']:>5} | p50 {f(e['p50_ms'])} p99 {f(e['p99_ms'])} max {f(e['max_ms'])}")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n "${BENCH_OUT:-}" ]]; then echo "raw distributions: $out/chat_bench_*.json"; fi
