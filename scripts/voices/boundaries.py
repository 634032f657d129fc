"""Speech boundaries of one clean clip, measured offline (seconds from the clip's start).

Primary method, `speech_intervals`: a 1 ms-hop envelope (10 ms RMS window, after a 70 Hz high-pass that
removes hum and DC) with hysteresis: a segment needs the envelope within ON_BELOW_PEAK_DB of the clip's peak
level (99.5th percentile) and runs, both ways, until it falls OFF_BELOW_PEAK_DB under it (and never lower than
ABOVE_FLOOR_DB over the clip's noise floor) — about the P.56 activity threshold the engine uses; gaps shorter than MERGE_S are
bridged (the same convention as make-call.py's truth) and blips shorter than MIN_S dropped.
Check method, `frame_intervals`: make-call.py's own rule (non-overlapping 10 ms frames above a fixed
level 34 dB under the peak sample), so real-voice truth and synthetic truth mean the same thing.
"""
import numpy as np
from scipy.signal import butter, lfilter

SR = 16000
HOP = 16            # 1 ms
WIN = 160           # 10 ms
ON_BELOW_PEAK_DB = 25.0
OFF_BELOW_PEAK_DB = 31.0
ABOVE_FLOOR_DB = 6.0   # a noisy recording (jfk.wav: crowd and hall) keeps its floor out
MERGE_S = 0.25
MIN_S = 0.08


def envelope_db(x):
    b, a = butter(2, 70 / (SR / 2), "high")
    y = lfilter(b, a, x) ** 2
    c = np.concatenate([[0.0], np.cumsum(y)])
    starts = np.arange(0, max(1, len(x) - WIN + 1), HOP)
    ms = (c[np.minimum(starts + WIN, len(x))] - c[starts]) / WIN
    return 10 * np.log10(ms + 1e-12), (starts + WIN / 2) / SR


def _merge(segs):
    merged = []
    for s, e in segs:
        if merged and s - merged[-1][1] < MERGE_S:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged if e - s >= MIN_S]


def speech_intervals(x):
    if len(x) < WIN:
        return []
    env, t = envelope_db(x)
    peak, floor = np.percentile(env, 99.5), np.percentile(env, 10)
    off_db = max(peak - OFF_BELOW_PEAK_DB, floor + ABOVE_FLOOR_DB)
    on, off = env > max(peak - ON_BELOW_PEAK_DB, off_db + 3), env > off_db
    segs, i, n = [], 0, len(env)
    while i < n:
        if not on[i]:
            i += 1
            continue
        s = i
        while s > 0 and off[s - 1]:
            s -= 1
        e = i
        while e < n and off[e]:
            e += 1
        # window centres → edges: a speech window's first sample is half a window before its centre
        segs.append((max(0.0, t[s] - WIN / 2 / SR), min(len(x) / SR, t[e - 1] + WIN / 2 / SR)))
        i = e
    out = []
    for s, e in segs:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return _merge(out)


def frame_intervals(x):
    n = len(x) // WIN
    if n == 0:
        return []
    rms = np.sqrt(np.mean(x[:n * WIN].reshape(n, WIN) ** 2, axis=1) + 1e-12)
    on = 20 * np.log10(rms) > 20 * np.log10(np.max(np.abs(x)) + 1e-12) - 34
    segs, start = [], None
    for i, v in enumerate(on):
        if v and start is None:
            start = i
        if not v and start is not None:
            segs.append((start * WIN / SR, i * WIN / SR))
            start = None
    if start is not None:
        segs.append((start * WIN / SR, n * WIN / SR))
    return _merge(segs)


def boundary_disagreement_s(a, b):
    """Largest distance from a boundary of either list to the nearest boundary of the other."""
    ea = [v for seg in a for v in seg]
    eb = [v for seg in b for v in seg]
    if not ea or not eb:
        return 0.0 if ea == eb else float("inf")
    near = lambda v, other: min(abs(v - w) for w in other)
    return max(max(near(v, eb) for v in ea), max(near(v, ea) for v in eb))
