#!/bin/sh
# Builds the model stream parsers' libFuzzer target with clang++-14 (ASan, UBSan) in its own build
# directory and runs it for a bounded time: run.sh [seconds, default 20].
set -eu
seconds="${1:-20}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
build="${VOKI_LLM_FUZZ_BUILD:-$root/build-llm-fuzz}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DVOKI_FUZZ=ON -DVOKI_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target llm_stream_fuzz -j 2
corpus="$build/llm_stream_fuzz_corpus"
mkdir -p "$corpus"
printf '\011data: {"choices":[{"delta":{"content":" hei"}}]}\n\ndata: [DONE]\n\n' > "$corpus/seed1"
printf '\377event: error\r\ndata: {"error":{"message":"x"}}\r\n\r\nerror: {"code":500}\n\n' > "$corpus/seed2"
printf '\100: comment\rdata: {"choices":[{"text":"\\u00e6\\ud83d\\ude00"}]}\r\r' > "$corpus/seed3"
"$build/tests/llm/llm_stream_fuzz" -max_total_time="$seconds" -artifact_prefix="$build/" -max_len=400 -rss_limit_mb=2048 "$corpus"
