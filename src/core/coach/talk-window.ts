/**
 * Talk seconds of each side over a rolling window, from the cumulative totals of the live state.
 * The live state only carries totals since the start (and a fixed 60 s recent share), so the
 * coach keeps the totals it has seen and subtracts the ones from `windowS` ago, interpolating
 * between the two samples that bracket the window's start. Memory is bounded by the window.
 */
export interface TalkSample {
  atS: number;
  clinicianS: number;
  patientS: number;
}

export interface WindowTalk {
  clinicianS: number;
  patientS: number;
  /** How much of the window the samples cover, s (less than windowS early in a visit). */
  spanS: number;
  /** clinicianS / (clinicianS + patientS); null when nobody spoke in the window. */
  clinicianShare: number | null;
}

export interface TalkWindow {
  push(sample: TalkSample): void;
  /** Talk in the last windowS seconds up to the newest sample; null before the first sample. */
  read(): WindowTalk | null;
}

export function createTalkWindow(windowS: number): TalkWindow {
  const samples: TalkSample[] = [];

  /** Cumulative totals at time t (within the samples' span), linear between the samples around it. */
  const valueAt = (t: number): TalkSample => {
    const i = samples.findIndex((s) => s.atS >= t);
    const b = samples[i]!;
    const a = samples[i - 1];
    if (!a || b.atS === t) return b;
    const k = (t - a.atS) / (b.atS - a.atS);
    return { atS: t, clinicianS: a.clinicianS + k * (b.clinicianS - a.clinicianS), patientS: a.patientS + k * (b.patientS - a.patientS) };
  };

  return {
    push(sample) {
      const last = samples[samples.length - 1];
      // A restarted clock (a new visit in the same coach) starts the window over.
      if (last && sample.atS < last.atS) samples.length = 0;
      samples.push(sample);
      // Keep one sample at or before the window's start so it can be interpolated.
      const from = sample.atS - windowS;
      while (samples.length > 2 && samples[1]!.atS <= from) samples.shift();
    },
    read() {
      const now = samples[samples.length - 1];
      if (!now) return null;
      const start = valueAt(Math.max(samples[0]!.atS, now.atS - windowS));
      const clinicianS = Math.max(0, now.clinicianS - start.clinicianS);
      const patientS = Math.max(0, now.patientS - start.patientS);
      const total = clinicianS + patientS;
      return { clinicianS, patientS, spanS: now.atS - start.atS, clinicianShare: total > 0 ? clinicianS / total : null };
    },
  };
}
