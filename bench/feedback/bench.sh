#!/bin/sh
# Speed of the feedback engine against Apertium's command-line pipeline on the same file.
# bench.sh [tsv] — uses voki_feedback_tool from build/ (or $BUILD_DIR, or $VOKI_FEEDBACK_TOOL).
# Both run pinned to one core. Besides wall-clock sentences per second, each prints sentences per
# CPU second: on a shared machine the wall clock also counts time spent waiting for the core.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
tsv="${1:-$root/../shared/data/nocola/dev.tsv}"
tool="${VOKI_FEEDBACK_TOOL:-${BUILD_DIR:-$root/build}/tests/feedback/voki_feedback_tool}"
apertium=/usr/share/apertium/apertium-nno-nob
for f in "$tsv" "$tool" "$apertium/nob-nno.automorf.bin"; do
  [ -e "$f" ] || { echo "bench.sh: $f not found" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sentences="$work/sentences.txt"
tail -n +2 "$tsv" | cut -f1 | tr -d '\\[]^$@<>{}/#' > "$sentences"
n=$(wc -l < "$sentences")

echo "engine (one core, whole pipeline incl. rules; resources loaded once, not counted), $n sentences:"
/usr/bin/time -f '%M' -o "$work/engine.time" taskset -c 0 "$tool" eval-nocola "$tsv" --json > "$work/engine.json"
python3 - "$work/engine.json" "$work/engine.time" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
rss = int(open(sys.argv[2]).read().split()[-1])
print("  %.0f sentences/s wall (%.1f s), %.0f sentences per CPU second (%.1f s CPU), peak RSS %.0f MB"
      % (d["sentences_per_second"], d["seconds"], d["sentences_per_cpu_second"], d["cpu_seconds"], rss / 1024))
EOF

echo "apertium command line (lt-proc | cg-proc | cg-proc | apertium-tagger), $n sentences:"
start=$(date +%s.%N)
/usr/bin/time -f '%U %S' -o "$work/apertium.time" taskset -c 0 sh -c \
  "lt-proc -w -e $apertium/nob-nno.automorf.bin < '$sentences' | cg-proc $apertium/nob-nno.seg.rlx.bin | cg-proc $apertium/nob-nno.rlx.bin | apertium-tagger -p -g $apertium/nob-nno.prob > /dev/null"
end=$(date +%s.%N)
python3 - "$n" "$start" "$end" "$work/apertium.time" <<'EOF'
import sys
n, start, end = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
user, system = map(float, open(sys.argv[4]).read().split()[-2:])
print("  %.0f sentences/s wall (%.1f s), %.0f sentences per CPU second (%.1f s CPU, loading included)"
      % (n / (end - start), end - start, n / (user + system), user + system))
EOF
