#!/bin/sh
# Speed of the feedback engine against Apertium's command-line pipeline on the same file.
# bench.sh [tsv] — uses voki_feedback_tool from build/ (or $BUILD_DIR, or $VOKI_FEEDBACK_TOOL).
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
tsv="${1:-$root/../shared/data/nocola/dev.tsv}"
tool="${VOKI_FEEDBACK_TOOL:-${BUILD_DIR:-$root/build}/tests/feedback/voki_feedback_tool}"
apertium=/usr/share/apertium/apertium-nno-nob
sentences="$(mktemp)"
tail -n +2 "$tsv" | cut -f1 | tr -d '\\[]^$@<>{}/#' > "$sentences"
n=$(wc -l < "$sentences")
echo "engine (one core, whole pipeline incl. rules):"
taskset -c 0 "$tool" eval-nocola "$tsv" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("  %.0f sentences/s" % d["sentences_per_second"])'
echo "apertium command line (lt-proc | cg-proc | apertium-tagger), $n sentences:"
start=$(date +%s.%N)
taskset -c 0 sh -c "lt-proc -w -e $apertium/nob-nno.automorf.bin < '$sentences' | cg-proc $apertium/nob-nno.seg.rlx.bin | cg-proc $apertium/nob-nno.rlx.bin | apertium-tagger -p -g $apertium/nob-nno.prob > /dev/null"
end=$(date +%s.%N)
python3 -c "print('  %.0f sentences/s' % ($n / ($end - $start)))"
rm -f "$sentences"
