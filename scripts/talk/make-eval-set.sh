#!/usr/bin/env bash
# Build the talk-time evaluation set: synthesized two-channel visits with exact ground truth.
#
#   bash scripts/talk/make-eval-set.sh [OUT]      # default OUT: .eval/talk (git-ignored)
#   TALK_SET=dev bash scripts/talk/make-eval-set.sh .eval/talk-dev
#
# TALK_SET=dev builds the development set used for tuning: the same conditions with other seeds and
# other dialogue/condition pairings, so nothing tuned on it is scored on .eval/talk.
#
# Each visit is one of the dialogues in scripts/talk/dialogues/ (original text) rendered by
# ../shared/tools/make-call.py (override with MAKE_CALL=...) under one listening condition, with a
# fixed seed, so the set is reproducible. Each visit folder gets mic.wav, remote.wav, call.wav,
# truth.json and condition.txt. Conditions (see the issue): headset (little echo), laptop speakers
# (residual echo of the patient at -15 to -25 dB), noisy room (noise -42 dBFS, background talkers,
# keyboard), far-field (clinician 10 dB quieter, reverberant room), far-end dropouts, overlaps and
# backchannels, echo-canceller ducking of the microphone (scripts/talk/duck.py), and reverberant far-field
# rooms (RT60 0.4–0.8 s, clinician 8–14 dB quieter, dropouts, laptop echo; issue 14).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
MAKE_CALL=${MAKE_CALL:-"$ROOT/../shared/tools/make-call.py"}
OUT=${1:-.eval/talk}
D=scripts/talk/dialogues
for cmd in python3 espeak-ng; do command -v "$cmd" >/dev/null || { echo "make-eval-set: $cmd not found" >&2; exit 1; }; done
[ -f "$MAKE_CALL" ] || { echo "make-eval-set: $MAKE_CALL not found (set MAKE_CALL)" >&2; exit 1; }

# name | dialogue | seed | make-call.py options | duck depth dB (0: none)
TEST_VISITS=$(cat <<'LIST'
headset-1|back-pain|11|--echo-db -40 --noise-db -58 --clicks 0.3|0
headset-2|diabetes|12|--echo-db -38 --overlap 0.2 --backchannel 0.5|0
laptop-15|low-mood|13|--echo-db -15|0
laptop-20|med-review|14|--echo-db -20 --overlap 0.2|0
laptop-25|back-pain|15|--echo-db -25 --backchannel 0.6|0
noisy-1|diabetes|16|--noise-db -42 --babble-db -48 --clicks 4|0
noisy-2|low-mood|17|--noise-db -42 --babble-db -45 --clicks 6 --echo-db -25|0
farfield-1|med-review|18|--mic-gain-db -10 --reverb-s 0.5|0
farfield-2|back-pain|19|--mic-gain-db -10 --reverb-s 0.35 --echo-db -22|0
dropouts-1|diabetes|20|--dropouts 8|0
dropouts-2|low-mood|21|--dropouts 6 --echo-db -18|0
overlap-1|med-review|22|--overlap 0.35 --backchannel 0.9|0
overlap-2|back-pain|23|--overlap 0.3 --backchannel 0.8 --echo-db -20|0
duck-1|diabetes|24|--echo-db -18|12
duck-2|med-review|25|--echo-db -25 --overlap 0.25|15
farrev-04|low-mood|26|--mic-gain-db -8 --reverb-s 0.4 --dropouts 8 --echo-db -15|0
farrev-06|diabetes|27|--mic-gain-db -10 --reverb-s 0.6 --dropouts 6 --echo-db -20|0
farrev-07|back-pain|28|--mic-gain-db -14 --reverb-s 0.7 --dropouts 6 --echo-db -18 --noise-db -48|0
farrev-08|med-review|29|--mic-gain-db -12 --reverb-s 0.8 --dropouts 4 --echo-db -22|0
LIST
)
# Development set: never scored. Seeds 101+, dialogues rotated against the test pairings.
DEV_VISITS=$(cat <<'LIST'
dev-headset|low-mood|101|--echo-db -40 --noise-db -58 --clicks 0.3|0
dev-laptop|diabetes|102|--echo-db -18 --overlap 0.2|0
dev-noisy|med-review|103|--noise-db -42 --babble-db -46 --clicks 5 --echo-db -25|0
dev-farfield|diabetes|104|--mic-gain-db -10 --reverb-s 0.45 --echo-db -22|0
dev-dropouts|back-pain|105|--dropouts 7 --echo-db -18|0
dev-overlap|low-mood|106|--overlap 0.3 --backchannel 0.8|0
dev-duck|back-pain|107|--echo-db -20|13
dev-farrev-05|med-review|108|--mic-gain-db -10 --reverb-s 0.5 --dropouts 6 --echo-db -18|0
dev-farrev-07|diabetes|109|--mic-gain-db -14 --reverb-s 0.7 --dropouts 6 --echo-db -18 --noise-db -48|0
dev-farrev-08|low-mood|110|--mic-gain-db -12 --reverb-s 0.8 --dropouts 4 --echo-db -22|0
dev-farrev-075|med-review|111|--mic-gain-db -13 --reverb-s 0.75 --dropouts 5 --echo-db -16 --noise-db -50|0
LIST
)
case "${TALK_SET:-test}" in
  test) VISITS=$TEST_VISITS ;;
  dev) VISITS=$DEV_VISITS ;;
  *) echo "make-eval-set: TALK_SET must be test or dev" >&2; exit 1 ;;
esac
mkdir -p "$OUT"
while IFS='|' read -r name dialogue seed opts duck; do
  dir="$OUT/$name"
  if [ -f "$dir/truth.json" ] && [ -f "$dir/condition.txt" ] && [ "$(cat "$dir/condition.txt")" = "$dialogue $seed $opts duck=$duck" ]; then continue; fi
  # shellcheck disable=SC2086
  python3 "$MAKE_CALL" "$D/$dialogue.jsonl" "$dir" --seed "$seed" $opts
  if [ "$duck" != 0 ]; then python3 scripts/talk/duck.py "$dir" "$duck"; fi
  echo "$dialogue $seed $opts duck=$duck" > "$dir/condition.txt"
done <<< "$VISITS"
echo "evaluation set in $OUT"
