#!/usr/bin/env python3
"""Build two-channel visits from real recorded utterances, with exact truth, under make-call.py's acoustics.

usage: make-real-visits.py VOICES_DIR OUT [--only NAME ...]
  VOICES_DIR: .cache/voices (scripts/voices/fetch.sh), OUT: e.g. .eval/talk-real

Each visit is one VISITS row: a clinician voice and a patient voice (never the same), a seed and a listening
condition with make-call.py's options. Turns alternate; a turn is 1–3 utterances of that side's voice with
short pauses; turn gaps, overlaps and backchannels are drawn as make-call.py draws them. Backchannels are the
listener's own short clips (≤ 1.2 s). Each utterance is set to an active level of -20 dBFS ± 3 dB (P.56-like,
over its measured speech). The room, echo, noise, keyboard, reverberation, far-end band limit, comfort noise
and dropouts are make-call.py's own functions and formulas (imported from it); background talkers are real
voices from the clip set that neither side uses. Truth = placement + each clip's measured speech intervals.
Output per visit, as make-call.py's: mic.wav, remote.wav, call.wav, truth.json (+ condition.txt), and
truth-check.json: the same placement with each clip's intervals from the independent check method
(boundaries.frame_intervals), so the evaluation can say how far two careful truths of one visit lie apart.
"""
import argparse, importlib.util, json, os, sys
import numpy as np
from scipy.io import wavfile
from scipy.signal import butter, fftconvolve, lfilter

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE_CALL = os.environ.get("MAKE_CALL", os.path.join(HERE, "..", "..", "..", "shared", "tools", "make-call.py"))
SR = 16000
ACTIVE_DB = -20.0
BACKCHANNEL_MAX_S = 1.2
# Each clip's speech intervals by the primary method (truth.json) and by the check method (truth-check.json).
TRUTH_METHODS = {"speech": "truth.json", "speech_check": "truth-check.json"}

# name | clinician voice | patient voice | seed | make-call.py options | duck dB. The "dev" rows are the ones
# parameters may be fitted on (voices hts1, vk5qi, jfk; seeds < 200); "test" rows are scored only.
VISITS = [
    # dev
    ("dev-headset", "allison", "vk5qi", 101, "--echo-db -40 --noise-db -58 --clicks 0.3", 0, "dev"),
    ("dev-laptop", "hts1", "allison", 102, "--echo-db -18 --overlap 0.2", 0, "dev"),
    ("dev-noisy", "allison", "jfk", 103, "--noise-db -42 --babble-db -48 --clicks 4", 0, "dev"),
    ("dev-farrev", "vk5qi", "allison", 104, "--mic-gain-db -12 --reverb-s 0.6 --dropouts 6 --echo-db -20", 0, "dev"),
    ("dev-farrev2", "allison", "hts1", 105, "--mic-gain-db -10 --reverb-s 0.8 --dropouts 4 --echo-db -15", 0, "dev"),
    # test
    ("headset", "allison", "morig", 201, "--echo-db -38 --overlap 0.2 --backchannel 0.5", 0, "test"),
    ("laptop", "speech_orig_16k", "allison", 202, "--echo-db -20 --overlap 0.2", 0, "test"),
    ("noisy", "allison", "hts2", 203, "--noise-db -42 --babble-db -45 --clicks 6 --echo-db -25", 0, "test"),
    ("dropouts", "kristoff", "allison", 204, "--dropouts 8 --echo-db -18", 0, "test"),
    ("overlap", "allison", "speech_orig_16k", 205, "--overlap 0.35 --backchannel 0.9", 0, "test"),
    ("duck", "cross", "allison", 206, "--echo-db -18", 12, "test"),
    ("farrev-04", "allison", "kristoff", 207, "--mic-gain-db -8 --reverb-s 0.4 --dropouts 8 --echo-db -15", 0, "test"),
    ("farrev-06", "hts2", "allison", 208, "--mic-gain-db -10 --reverb-s 0.6 --dropouts 6 --echo-db -20", 0, "test"),
    ("farrev-07", "allison", "forig", 209, "--mic-gain-db -14 --reverb-s 0.7 --dropouts 6 --echo-db -18 --noise-db -48", 0, "test"),
    ("farrev-08", "speech_orig_16k", "allison", 210, "--mic-gain-db -12 --reverb-s 0.8 --dropouts 4 --echo-db -22", 0, "test"),
]


def load_make_call():
    spec = importlib.util.spec_from_file_location("make_call", MAKE_CALL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def parse_conditions(opts):
    p = argparse.ArgumentParser()
    for k, v in {"echo-db": -28.0, "noise-db": -52.0, "overlap": 0.12, "backchannel": 0.35, "clicks": 0.5,
                 "babble-db": -90.0, "reverb-s": 0.0, "mic-gain-db": 0.0, "remote-noise-db": -62.0, "dropouts": 0.0}.items():
        p.add_argument(f"--{k}", type=float, default=v)
    return p.parse_args(opts.split())


class Voices:
    def __init__(self, root):
        self.root = root
        self.clips = json.load(open(os.path.join(root, "manifest.json")))["clips"]
        self.cache = {}

    def of(self, voice):
        return [c for c in self.clips if c["voice"] == voice and c["speech"]]

    def audio(self, clip):
        if clip["id"] not in self.cache:
            _, x = wavfile.read(os.path.join(self.root, clip["file"]))
            x = x.astype(np.float64) / 32768.0
            speech = np.concatenate([x[int(a * SR):int(b * SR)] for a, b in clip["speech"]])
            level = 10 * np.log10(np.mean(speech ** 2) + 1e-12)
            self.cache[clip["id"]] = x * 10 ** ((ACTIVE_DB - level) / 20)
        return self.cache[clip["id"]]


def draw_turn(voices, pool, rng, target_s):
    """1–3 utterances of one voice, joined by 0.15–0.6 s pauses: (audio, speech intervals relative to it, per method)."""
    parts, segs, t = [], {m: [] for m in TRUTH_METHODS}, 0
    for k in range(int(rng.integers(1, 4))):
        clip = pool[int(rng.integers(0, len(pool)))]
        x = voices.audio(clip) * 10 ** (rng.uniform(-3, 3) / 20)
        if k:
            gap = int(rng.uniform(0.15, 0.6) * SR)
            parts.append(np.zeros(gap)); t += gap
        parts.append(x)
        for m in TRUTH_METHODS:
            segs[m] += [[t / SR + a, t / SR + b] for a, b in clip[m]]
        t += len(x)
        if t / SR > target_s:
            break
    return np.concatenate(parts), segs


def place_turns(voices, cast, rng, c, total_target_s=150.0):
    """make-call.py's placement: gamma gaps, overlapping starts, listener backchannels in long turns."""
    placed, t, prev_end, k = [], int(0.8 * SR), int(0.8 * SR), 0
    while prev_end < total_target_s * SR:
        spk = ("clinician", "patient")[k % 2]
        other = ("patient", "clinician")[k % 2]
        x, segs = draw_turn(voices, cast[spk]["all"], rng, rng.uniform(2.0, 9.0))
        if placed and rng.random() < c.overlap:
            start = prev_end - int(rng.uniform(0.15, 0.7) * SR)
        else:
            start = prev_end + int(np.clip(rng.gamma(2.0, 0.25), 0.08, 2.5) * SR)
        start = max(start, int(0.3 * SR))
        placed.append((spk, start, x, segs, False))
        dur = len(x) / SR
        if dur > 4.0 and rng.random() < c.backchannel and cast[other]["short"]:
            bc = cast[other]["short"][int(rng.integers(0, len(cast[other]["short"])))]
            at = start + int(rng.uniform(1.5, dur - 1.0) * SR)
            placed.append((other, at, voices.audio(bc) * 0.8, {m: bc[m] for m in TRUTH_METHODS}, True))
        prev_end = max(prev_end, start + len(x))
        k += 1
    return placed, prev_end + SR


def babble(voices, cast_voices, total, rng):
    """Background talkers: six real utterances of voices neither side uses, looped and summed."""
    pool = [c for c in voices.clips if c["voice"] not in cast_voices and c["duration_s"] > 1.5 and c["speech"]]
    bab = np.zeros(total)
    for _ in range(6):
        x = voices.audio(pool[int(rng.integers(0, len(pool)))])
        reps = np.tile(x, int(np.ceil(total / len(x))) + 1)
        off = int(rng.integers(0, len(x)))
        bab += reps[off:off + total]
    return bab / (np.sqrt(np.mean(bab ** 2)) + 1e-12)


def mix(mc, voices, placed, total, c, rng, cast_voices):
    """make-call.py's acoustics, line for line, with real babble (the same random draws in the same order)."""
    track = {"clinician": np.zeros(total), "patient": np.zeros(total)}
    for spk, start, x, _, _ in placed:
        track[spk][start:start + len(x)] += x
    b, aa = butter(4, 7000 / (SR / 2), "low")
    remote = lfilter(b, aa, track["patient"]) + mc.db(c.remote_noise_db) * mc.pink(total, rng)
    for _ in range(int(rng.poisson(c.dropouts * total / SR / 60))):
        at = int(rng.uniform(0, total - SR)); remote[at:at + int(rng.uniform(0.08, 0.3) * SR)] = 0.0
    delay = int(rng.uniform(0.02, 0.06) * SR)
    b2, a2 = butter(2, 3400 / (SR / 2), "low")
    echo = np.concatenate([np.zeros(delay), lfilter(b2, a2, track["patient"])])[:total] * mc.db(c.echo_db)
    near = track["clinician"] * mc.db(c.mic_gain_db)
    if c.reverb_s > 0:
        n_rir = int(c.reverb_s * SR)
        rir = rng.standard_normal(n_rir) * np.exp(-6.9 * np.arange(n_rir) / n_rir)
        rir *= 0.5 / np.sqrt(np.sum(rir ** 2))
        rir[0] += 1.0
        near = fftconvolve(near, rir)[:total]  # make-call.py's np.convolve, by FFT (same result, 1000x faster)
    mic = near + echo + mc.db(c.noise_db) * mc.pink(total, rng)
    if c.babble_db > -90:
        mic = mic + mc.db(c.babble_db) * babble(voices, cast_voices, total, rng)
    for _ in range(int(rng.poisson(c.clicks * total / SR / 60))):
        at = int(rng.uniform(0, total - SR))
        for k in range(int(rng.integers(3, 12))):
            pos = at + int(k * rng.uniform(0.08, 0.2) * SR)
            if pos + 400 < total:
                mic[pos:pos + 400] += mc.db(-30) * rng.standard_normal(400) * np.exp(-np.arange(400) / 60)
    return mic, remote, delay


def build(mc, voices, row, out):
    name, cv, pv, seed, opts, duck, split = row
    d = os.path.join(out, name)
    condition = f"{split} {cv}/{pv} {seed} {opts} duck={duck}\n"
    done = os.path.join(d, "condition.txt")
    built = all(os.path.exists(os.path.join(d, f)) for f in TRUTH_METHODS.values())
    if built and os.path.exists(done) and open(done).read() == condition:
        return  # built already, with the same recipe
    rng = np.random.default_rng(seed)
    c = parse_conditions(opts)
    cast = {}
    for spk, v in (("clinician", cv), ("patient", pv)):
        pool = voices.of(v)
        if not pool:
            raise SystemExit(f"make-real-visits: no clips of voice {v} in the manifest")
        cast[spk] = {"all": [p for p in pool if p["duration_s"] <= 12], "short": [p for p in pool if p["duration_s"] <= BACKCHANNEL_MAX_S]}
        cast[spk]["all"] = cast[spk]["all"] or pool
    placed, total = place_turns(voices, cast, rng, c)
    mic, remote, delay = mix(mc, voices, placed, total, c, rng, {cv, pv})
    os.makedirs(d, exist_ok=True)
    w = lambda f, x: wavfile.write(os.path.join(d, f), SR, (np.clip(x, -1, 1) * 32767).astype(np.int16))
    w("mic.wav", mic); w("remote.wav", remote); w("call.wav", np.stack([mic, remote], axis=1))
    truth = {m: {"clinician": [], "patient": []} for m in TRUTH_METHODS}
    turns = []
    for spk, start, x, segs, bc in sorted(placed, key=lambda p: p[1]):
        for m in TRUTH_METHODS:
            truth[m][spk] += [[start / SR + a, start / SR + b] for a, b in segs[m]]
        turns.append({"speaker": spk, "start": round(start / SR, 3), "end": round((start + len(x)) / SR, 3),
                      "text": "(backchannel)" if bc else "", **({"backchannel": True} if bc else {})})
    conditions = {"seed": seed, "voices": {"clinician": cv, "patient": pv}, "split": split,
                  "options": opts, "duck_db": duck, "echo_delay_ms": round(delay / SR * 1000)}
    for m, file in TRUTH_METHODS.items():
        out_truth = {"duration_s": round(total / SR, 3), "clinician": mc.union(truth[m]["clinician"]),
                     "patient": mc.union(truth[m]["patient"]), "turns": turns, "conditions": conditions, "method": m}
        cs = sum(b - a for a, b in out_truth["clinician"]); ps = sum(b - a for a, b in out_truth["patient"])
        out_truth.update(clinician_s=round(cs, 3), patient_s=round(ps, 3), clinician_share=round(cs / (cs + ps), 4))
        json.dump(out_truth, open(os.path.join(d, file), "w"), indent=1)
        if m == "speech":
            primary = out_truth
    out_truth, cs, ps = primary, primary["clinician_s"], primary["patient_s"]
    if duck:
        import subprocess
        subprocess.run([sys.executable, os.path.join(HERE, "..", "talk", "duck.py"), d, str(duck)], check=True)
    with open(os.path.join(d, "condition.txt"), "w") as f:
        f.write(condition)
    print(f"{d}: {total / SR:.1f} s, clinician {cv} {cs:.1f} s, patient {pv} {ps:.1f} s, share {out_truth['clinician_share']}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("voices"); p.add_argument("out"); p.add_argument("--only", nargs="*")
    a = p.parse_args()
    if not os.path.exists(MAKE_CALL):
        raise SystemExit(f"make-real-visits: {MAKE_CALL} not found (set MAKE_CALL)")
    mc, voices = load_make_call(), Voices(a.voices)
    for row in VISITS:
        if not a.only or row[0] in a.only:
            build(mc, voices, row, a.out)


if __name__ == "__main__":
    main()
