#!/usr/bin/env bash
# One command for the chat benchmark (`make bench`): starts fake_llm and `voki serve --demo` on free
# loopback ports with a temporary data folder, runs chat_bench at 1, 100 and 1000 concurrent
# streams, prints a table and stops everything. Builds nothing: it uses binaries from build/.
#
# Load model for "N concurrent conversations" (see bench/README.md): N streams are open at once.
# Each answer is BENCH_TOKENS tokens BENCH_TOKEN_DELAY_MS apart (100 x 40 ms: 4 s at 25 tokens/s,
# a typical speed of a 7B model), and the N starts are spread evenly over 90% of an answer's
# length, so the arrival rate is what N conversations streaming without pause produce (Little's
# law: N / answer length, ~280 answers/s for N=1000) and all N streams are open together at the
# end of the spread. At N=1000 that is 25,000 tokens/s relayed. N=1 uses short 3-token answers
# and more rounds (one sample per round).
#
# Pinning (BENCH_PIN=auto, on 2 or more cores): Voki runs on CPU 0, fake_llm and chat_bench on the
# other CPUs, for the direct and the Voki rounds alike. Otherwise the load generators take CPU
# from Voki and the benchmark measures them as much as Voki. Other work on the machine is not
# pinned away: check the load average printed before and after.
#
# Environment overrides:
#   BUILD_DIR (build)  VOKI_BIN  FAKE_LLM_BIN  CHAT_BENCH_BIN  BENCH_STREAMS ("1 100 1000")
#   BENCH_TOKENS (100)  BENCH_TOKEN_DELAY_MS (40)  BENCH_SPREAD_MS (90% of an answer's length)
#   BENCH_PIN (auto|off)
#   BENCH_OUT (folder for raw JSON; default: the temporary folder, removed at the end)
#   BENCH_FEEDBACK (true|false: Voki's offline feedback engine on the chat path; default true)
#   BENCH_SCHED_TRACE (false|true: record the scheduler on Voki's CPU with perf and report what the
#     I/O and database threads waited for, see sched_blame.py; needs perf and tracing permission)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$repo/build}"
voki_bin="${VOKI_BIN:-$build/app/voki}"
fake_bin="${FAKE_LLM_BIN:-$build/tests/fake_llm/fake_llm}"
bench_bin="${CHAT_BENCH_BIN:-$build/bench/chat_bench}"
streams_list="${BENCH_STREAMS:-1 100 1000}"
feedback="${BENCH_FEEDBACK:-true}"
token_delay_ms="${BENCH_TOKEN_DELAY_MS:-40}"
tokens="${BENCH_TOKENS:-100}"
spread_ms="${BENCH_SPREAD_MS:-$(( tokens * token_delay_ms * 9 / 10 ))}"
pin="${BENCH_PIN:-auto}"
cores="$(nproc)"
voki_cpus="" harness_cpus=""
if [[ "$pin" == auto ]] && (( cores >= 2 )) && command -v taskset >/dev/null; then
  voki_cpus=0 harness_cpus="1-$(( cores - 1 ))"
fi
# Command prefixes (arrays, so that a background process keeps its own pid: taskset execs it).
voki_on=() harness_on=()
if [[ -n "$voki_cpus" ]]; then voki_on=(taskset -c "$voki_cpus") harness_on=(taskset -c "$harness_cpus"); fi

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

"${harness_on[@]}" "$fake_bin" --host 127.0.0.1 --port 0 --tokens "$tokens" --token-delay-ms "$token_delay_ms" >"$work/fake.log" 2>&1 &
fake_pid=$!
pids+=("$fake_pid")
fake_port="$(wait_for_port "$work/fake.log" 'listening on [0-9]+')"

VOKI_FEEDBACK="$feedback" "${voki_on[@]}" "$voki_bin" serve --demo --host 127.0.0.1 --port 0 --data-dir "$work/data" \
  --bots-dir "$repo/bots" --web-root "$work/no-web" --llm-url "http://127.0.0.1:$fake_port/v1" \
  --llm-model fake-model --log-level warn >"$work/voki.log" 2>&1 &
voki_pid=$!
pids+=("$voki_pid")
voki_port="$(wait_for_port "$work/voki.log" 'listening on http://127\.0\.0\.1:[0-9]+')"

control() { curl -sf -X POST -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$fake_port/control" >/dev/null; }
# The first token always in its own write: the fake's "realistic" coalescing would otherwise delay
# some first tokens by one token gap for any client, and Voki forwards coalesced tokens as one event.
control '{"first_token_alone": true}'

sched_trace_pid=""
if [[ "${BENCH_SCHED_TRACE:-false}" == true ]]; then
  cpu_args=(-a); if [[ -n "$voki_cpus" ]]; then cpu_args=(-C "$voki_cpus"); fi
  perf record -q -e sched:sched_switch -e sched:sched_wakeup "${cpu_args[@]}" -o "$work/sched.data" >/dev/null 2>&1 &
  sched_trace_pid=$!
  pids+=("$sched_trace_pid")
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on the machine skews the figures)"
echo "fake_llm :$fake_port (${tokens} tokens, ${token_delay_ms} ms apart), voki :$voki_port pid $voki_pid, feedback=$feedback, fd limit $(ulimit -n)"
echo "load: N streams per round, starts spread over ${spread_ms} ms, answers of $(( tokens * token_delay_ms )) ms (N=1: 3 tokens, 30 rounds);" \
  "CPUs: voki ${voki_cpus:-any}, fake_llm and chat_bench ${harness_cpus:-any}"
results=()
for n in $streams_list; do
  # One stream gives one sample per round: more, shorter rounds (the memory figure is not
  # meaningful at N=1 anyway). Larger N: full answers, so that all N streams overlap.
  if (( n == 1 )); then rounds=30; answer_tokens=3; else rounds=$(( n >= 1000 ? 3 : 5 )); answer_tokens=$tokens; fi
  control "{\"tokens\": $answer_tokens}"
  "${harness_on[@]}" timeout 300 "$bench_bin" --voki "http://127.0.0.1:$voki_port" --fake "http://127.0.0.1:$fake_port" \
    --streams "$n" --rounds "$rounds" --spread-ms "$spread_ms" --token-delay-ms "$token_delay_ms" \
    --voki-pid "$voki_pid" --fake-pid "$fake_pid" --answer-tokens "$answer_tokens" --json "$out/chat_bench_$n.json" --label "N=$n" >"$work/bench_$n.out"
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
print("the same, only streams started while at least 90% of the N streams were open (the full load):")
print(f"{'N':>5} | {'direct p50':>10} {'p99':>7} | {'voki p50':>8} {'p99':>7} | {'added p50':>9} {'p99':>7} | samples d/v")
for r in rows:
    d, v = r["direct"]["at_peak"], r["voki"]["at_peak"]
    print(f"{r['streams']:>5} | {f(d['p50_ms']):>10} {f(d['p99_ms'])} | {f(v['p50_ms']):>8} {f(v['p99_ms'])} |"
          f" {f(r['added_peak_p50_ms']):>9} {f(r['added_peak_p99_ms'])} | {d['count']}/{v['count']}")
print()
print("CPU per token the model sent, microseconds (scheduler time during the rounds; Voki rounds)")
print(f"{'N':>5} | {'voki':>7} {'of it I/O thread':>16} | {'fake_llm':>8} | {'client':>7}")
for r in rows:
    v = r["voki"]
    print(f"{r['streams']:>5} | {v['voki_cpu_us_per_token']:7.1f} {v['voki_io_thread_cpu_us_per_token']:16.1f} | {v['fake_cpu_us_per_token']:8.1f} | {v['client_cpu_us_per_token']:7.1f}")
print()
print("Voki's threads on the scheduler (Voki rounds): time runnable but waiting for a CPU per token, and")
print("times switched onto a CPU per answer (wakeups and preemptions)")
print(f"{'N':>5} | {'wait us/token':>13} {'of it I/O thread':>16} | {'switches/answer':>15} {'of it I/O thread':>16}")
for r in rows:
    v = r["voki"]
    print(f"{r['streams']:>5} | {v.get('voki_wait_us_per_token', -1):13.1f} {v.get('voki_io_thread_wait_us_per_token', -1):16.1f} |"
          f" {v.get('voki_switches_per_answer', -1):15.1f} {v.get('voki_io_thread_switches_per_answer', -1):16.1f}")
print()
print("Voki, time to its first SSE event ('message': the learner's message is stored), ms:")
for r in rows:
    e = r["voki"]["first_event"]
    print(f"{r['streams']:>5} | p50 {f(e['p50_ms'])} p99 {f(e['p99_ms'])} max {f(e['max_ms'])}")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n "$sched_trace_pid" ]]; then
  kill -INT "$sched_trace_pid" 2>/dev/null || true
  wait "$sched_trace_pid" 2>/dev/null || true
  echo
  echo "scheduler trace of Voki's CPU (whole run; waits from runnable to running, and what ran meanwhile):"
  perf script -i "$work/sched.data" -F time,event,trace 2>/dev/null | python3 "$repo/bench/sched_blame.py" --io "$voki_pid"
fi
if [[ -n "${BENCH_OUT:-}" ]]; then echo "raw distributions: $out/chat_bench_*.json"; fi
