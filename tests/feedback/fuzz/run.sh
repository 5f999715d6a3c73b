#!/bin/sh
# Builds the feedback engine's libFuzzer target with clang++-14 (ASan) in its own build directory
# and runs it for a bounded time: run.sh [seconds, default 60].
set -eu
seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
build="${VOKI_FUZZ_BUILD:-$root/build-feedback-fuzz}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DVOKI_FUZZ=ON -DVOKI_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target feedback_fuzz -j 2
corpus="$build/feedback_fuzz_corpus"
mkdir -p "$corpus"
printf 'I dag jeg går på skolen.' > "$corpus/seed1"
printf 'Vi har et stor hus, og hun kan snakker norsk' > "$corpus/seed2"
printf '<b>مرحبا</b> Привіт 😀 \001\002' > "$corpus/seed3"
printf '$DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ' > "$corpus/seed4"  # once used gigabytes
# Real learner sentences as seeds too (every 20th of NoCoLA dev, where present): the rules' index
# arithmetic is reached by real sentence shapes far sooner than by mutations of four seeds.
dev="$root/../shared/data/nocola/dev.tsv"
if [ -f "$dev" ]; then
  tail -n +2 "$dev" | cut -f1 | awk -v dir="$corpus" 'NR % 20 == 0 { f = dir "/dev" NR; printf "%s", $0 > f; close(f) }'
fi
# Leak checking is off: the engine is a process-wide singleton by design.
ASAN_OPTIONS=detect_leaks=0 "$build/tests/feedback/feedback_fuzz" -max_total_time="$seconds" -artifact_prefix="$build/" -max_len=4096 \
  -rss_limit_mb=4096 "$corpus"
