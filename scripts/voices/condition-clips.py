#!/usr/bin/env python3
"""Put single clips through a listening condition for the speech-to-text evaluation (scripts/voices/eval-wer.ts).

usage: condition-clips.py VOICES_DIR CONDITION OUT_DIR CLIP_ID [CLIP_ID ...]
CONDITION: clean | noisy | farrev. Each clip is set to the visits' active level (-20 dBFS) and, for
  noisy:  make-call.py's noisy room as in the talk set (pink room noise -42 dBFS, real-voice background talkers
          -48 dBFS, keyboard bursts 4/min) — what the microphone gives now that noise suppression is off;
  farrev: the reverberant far-field room (clinician 10 dB quieter, RT60 0.6 s, room noise -52 dBFS).
Same as in the visits (make-real-visits.py's mix); 0.3 s of room before and after each clip. Seeded by clip order.
"""
import argparse, importlib.util, os, sys
import numpy as np
from scipy.io import wavfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("make_real_visits", os.path.join(HERE, "make-real-visits.py"))
mrv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mrv)
SR = mrv.SR
OPTIONS = {"clean": "--noise-db -120 --clicks 0 --echo-db -120 --remote-noise-db -120",
           "noisy": "--noise-db -42 --babble-db -48 --clicks 4 --echo-db -120",
           "farrev": "--mic-gain-db -10 --reverb-s 0.6 --clicks 0 --echo-db -120"}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("voices"); p.add_argument("condition", choices=list(OPTIONS)); p.add_argument("out"); p.add_argument("ids", nargs="+")
    a = p.parse_args()
    mc, voices = mrv.load_make_call(), mrv.Voices(a.voices)
    clips = {c["id"]: c for c in voices.clips}
    c = mrv.parse_conditions(OPTIONS[a.condition])
    os.makedirs(a.out, exist_ok=True)
    for k, cid in enumerate(a.ids):
        rng = np.random.default_rng(1000 + k)
        x = voices.audio(clips[cid])
        pad = int(0.3 * SR)
        total = len(x) + 2 * pad
        placed = [("clinician", pad, x, clips[cid]["speech"], False)]
        mic, _, _ = mrv.mix(mc, voices, placed, total, c, rng, {clips[cid]["voice"]})
        wavfile.write(os.path.join(a.out, f"{cid}.wav"), SR, (np.clip(mic, -1, 1) * 32767).astype(np.int16))


if __name__ == "__main__":
    main()
