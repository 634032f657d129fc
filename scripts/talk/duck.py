#!/usr/bin/env python3
"""Simulate an echo canceller that ducks the microphone while far-end audio plays.

usage: duck.py DIR DEPTH_DB   (rewrites DIR/mic.wav and DIR/call.wav in place; remote.wav is the reference)

Chrome's echo canceller attenuates the whole microphone signal (clinician, echo and noise alike)
while the far end is active; make-call.py does not model that, so the evaluation set adds it here.
Gain follows the far-end envelope: -DEPTH_DB dB while its 10 ms level is above -45 dBFS, with a
10 ms attack and a 150 ms release. Same inputs give the same output.
"""
import sys, os
import numpy as np
from scipy.io import wavfile

d, depth = sys.argv[1], float(sys.argv[2])
sr, mic = wavfile.read(os.path.join(d, "mic.wav"))
_, rem = wavfile.read(os.path.join(d, "remote.wav"))
mic = mic.astype(np.float64) / 32768.0
rem = rem.astype(np.float64) / 32768.0
F = sr // 100
n = len(mic) // F
lvl = 10 * np.log10(np.mean(rem[: n * F].reshape(n, F) ** 2, axis=1) + 1e-12)
target = np.where(lvl > -45, -depth, 0.0)
g = np.zeros(n)
cur = 0.0
for i in range(n):
    a = 1.0 if target[i] < cur else 1 - np.exp(-1 / 15)  # instant attack (one frame), 150 ms release
    cur += a * (target[i] - cur)
    g[i] = cur
gain = np.repeat(10 ** (g / 20), F)
gain = np.concatenate([gain, np.full(len(mic) - len(gain), gain[-1] if len(gain) else 1.0)])
# smooth frame steps over 1 ms so the gain changes do not click
k = np.ones(16) / 16
gain = np.convolve(gain, k, mode="same")
out = mic * gain
w = lambda x: (np.clip(x, -1, 1) * 32767).astype(np.int16)
wavfile.write(os.path.join(d, "mic.wav"), sr, w(out))
wavfile.write(os.path.join(d, "call.wav"), sr, np.stack([w(out), w(rem)], axis=1))
