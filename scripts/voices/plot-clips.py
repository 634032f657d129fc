#!/usr/bin/env python3
"""Plot clips' envelopes with both boundary methods to PNG, to check the measured truth by eye.

usage: plot-clips.py OUT CLIP_ID [CLIP_ID ...]   → OUT/plots/CLIP_ID.png
Grey: 1 ms envelope (dB, top = clip peak, 60 dB range); green bar: speech_intervals (the truth);
red bar: frame_intervals (the check). Written with zlib alone (no plotting library on the machine).
"""
import json, os, struct, sys, zlib
import numpy as np
from scipy.io import wavfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boundaries import envelope_db, speech_intervals, frame_intervals  # noqa: E402

W, H, BAR = 1400, 260, 14


def write_png(path, rgb):
    h, w, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def plot(x, sr, path):
    img = np.full((H, W, 3), 255, np.uint8)
    env, t = envelope_db(x)
    dur = len(x) / sr
    peak = np.percentile(env, 99.5)
    cols = np.minimum(W - 1, (t / dur * W).astype(int))
    rows = np.clip(((peak + 5 - env) / 65 * (H - 3 * BAR)).astype(int), 0, H - 3 * BAR - 1)
    for c, r in zip(cols, rows):
        img[r:H - 3 * BAR, c] = (150, 150, 150)
    for k, (segs, color) in enumerate(((speech_intervals(x), (0, 160, 0)), (frame_intervals(x), (200, 0, 0)))):
        y0 = H - (2 - k) * BAR - 4
        for s, e in segs:
            img[y0:y0 + BAR - 4, int(s / dur * W):max(int(s / dur * W) + 1, int(e / dur * W))] = color
    for sec in range(int(dur) + 1):  # one tick a second
        img[H - 3 * BAR:H - 3 * BAR + 6, min(W - 1, int(sec / dur * W))] = (0, 0, 0)
    write_png(path, img)


def main():
    out = sys.argv[1]
    clips = {c["id"]: c for c in json.load(open(os.path.join(out, "manifest.json")))["clips"]}
    os.makedirs(os.path.join(out, "plots"), exist_ok=True)
    for cid in sys.argv[2:]:
        sr, x = wavfile.read(os.path.join(out, clips[cid]["file"]))
        path = os.path.join(out, "plots", f"{cid}.png")
        plot(x.astype(np.float64) / 32768, sr, path)
        print(path)


if __name__ == "__main__":
    main()
