#!/usr/bin/env bash
# Regenerate Attune's demo-visit audio from demo/audio/visit.jsonl.
#
#   bash demo/audio/make.sh          # run from the repository root
#
# Writes demo/audio/clinician.wav  (the clinician's microphone, 16 kHz mono s16)
#        demo/audio/patient.wav    (the far-end patient audio,   16 kHz mono s16)
#        demo/audio/truth.json     (speech intervals per speaker, each turn's text/label/start/end)
#
# ../shared/tools/make-call.py (override with MAKE_CALL=...) is used only to generate the files;
# nothing at run time depends on it. Needs python3 with numpy and scipy, espeak-ng, sox and gzip.
# Conditions are clean (no echo, noise, babble, clicks, overlap, backchannels, dropouts or reverb),
# so everything between turns is digital zero and the WAVs compress well in git. After synthesis,
# each track is also gated to exact zero outside its speaker's truth intervals padded by 50 ms:
# that removes only low-level turn-internal fragments (below the -40 dBFS threshold that make-call.py
# uses for truth), so every non-zero sample lies within 50 ms of a truth interval.
# Same inputs give byte-identical files (fixed seed; espeak-ng is deterministic).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
MAKE_CALL=${MAKE_CALL:-"$ROOT/../shared/tools/make-call.py"}
DIALOGUE=demo/audio/visit.jsonl
OUT=demo/audio
PAD_S=0.05

for cmd in python3 espeak-ng sox gzip; do
  command -v "$cmd" >/dev/null || { echo "make.sh: $cmd not found" >&2; exit 1; }
done
[ -f "$MAKE_CALL" ] || { echo "make.sh: $MAKE_CALL not found (set MAKE_CALL)" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 "$MAKE_CALL" "$DIALOGUE" "$TMP" --seed 7 \
  --echo-db -120 --noise-db -120 --remote-noise-db -120 --babble-db -120 \
  --clicks 0 --overlap 0 --backchannel 0 --dropouts 0 --reverb-s 0

# Gate to exact zero outside the truth intervals (+/- PAD_S), then check the result.
python3 - "$TMP" "$PAD_S" <<'EOF'
import json, sys
import numpy as np
from scipy.io import wavfile

d, pad = sys.argv[1], float(sys.argv[2])
truth = json.load(open(f"{d}/truth.json"))
lengths = set()
for name, spk in (("mic.wav", "clinician"), ("remote.wav", "patient")):
    sr, x = wavfile.read(f"{d}/{name}")
    assert sr == 16000 and x.dtype == np.int16 and x.ndim == 1, (name, sr, x.dtype, x.shape)
    lengths.add(len(x))
    keep = np.zeros(len(x), bool)
    for a, b in truth[spk]:
        keep[max(0, int((a - pad) * sr)):int(np.ceil((b + pad) * sr))] = True
    # between turns (farther than 10 ms from every turn of this speaker: rounding, low-pass tail) must already be zero
    in_turn = np.zeros(len(x), bool)
    for r in truth["turns"]:
        if r["speaker"] == spk:
            in_turn[max(0, int((r["start"] - 0.01) * sr)):int((r["end"] + 0.01) * sr)] = True
    between = int(np.count_nonzero(x[~in_turn]))
    gated = (x != 0) & ~keep
    removed = x[gated].astype(np.float64) / 32768
    lvl = 20 * np.log10(np.sqrt(np.mean(removed ** 2))) if removed.size else float("-inf")
    x = np.where(keep, x, 0).astype(np.int16)
    wavfile.write(f"{d}/{name}", sr, x)
    n = len(x) // 160
    speech_frames = keep[:n * 160].reshape(n, 160).any(axis=1)
    nz_frames = (x[:n * 160].reshape(n, 160) != 0).any(axis=1)
    print(f"{name}: {len(x)} samples; non-zero between turns before gating: {between}; "
          f"gated {removed.size} low-level samples (RMS {lvl:.1f} dBFS); "
          f"non-zero 10 ms frames {nz_frames.sum()} / speech frames {speech_frames.sum()} / all {n}; "
          f"non-zero frames outside speech: {(nz_frames & ~speech_frames).sum()}")
    assert between == 0, f"{name}: {between} non-zero samples between turns"
    assert not (nz_frames & ~speech_frames).any()
assert len(lengths) == 1, f"mic and remote differ in length: {lengths}"
EOF

mkdir -p "$OUT"
cp "$TMP/mic.wav" "$OUT/clinician.wav"
cp "$TMP/remote.wav" "$OUT/patient.wav"
cp "$TMP/truth.json" "$OUT/truth.json"

# Format check with sox: 16 kHz, mono, 16-bit signed PCM, same length.
samples=()
for f in "$OUT/clinician.wav" "$OUT/patient.wav"; do
  [ "$(sox --i -r "$f")" = 16000 ] || { echo "$f: not 16 kHz" >&2; exit 1; }
  [ "$(sox --i -c "$f")" = 1 ] || { echo "$f: not mono" >&2; exit 1; }
  [ "$(sox --i -b "$f")" = 16 ] || { echo "$f: not 16-bit" >&2; exit 1; }
  [ "$(sox --i -e "$f")" = "Signed Integer PCM" ] || { echo "$f: not signed PCM" >&2; exit 1; }
  samples+=("$(sox --i -s "$f")")
  echo "== $f"; sox "$f" -n stat 2>&1 | grep -E 'Samples read|Length|Maximum amplitude|RMS     amplitude'
done
[ "${samples[0]}" = "${samples[1]}" ] || { echo "lengths differ: ${samples[*]}" >&2; exit 1; }

python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print("truth: duration %.3f s, clinician %.3f s, patient %.3f s, clinician_share %.4f" % (t["duration_s"], t["clinician_s"], t["patient_s"], t["clinician_share"]))' "$OUT/truth.json"

echo "size / gzip -c size (bytes; the gzip figure approximates what git stores):"
for f in "$OUT/clinician.wav" "$OUT/patient.wav" "$OUT/truth.json"; do
  gz=$(gzip -c "$f" | wc -c)
  printf '  %-24s %9d %9d\n' "$f" "$(wc -c < "$f")" "$gz"
  case "$f" in *.wav) [ "$gz" -le 1572864 ] || echo "  warning: $f compresses to more than 1.5 MiB" >&2 ;; esac
done
