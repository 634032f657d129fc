import { describe, expect, it } from 'vitest';
import { createTalkWindow } from '../../../src/core/coach/talk-window';

describe('rolling talk window', () => {
  it('is null before the first sample', () => {
    expect(createTalkWindow(60).read()).toBeNull();
  });

  it('covers only what it has seen early in a visit', () => {
    const w = createTalkWindow(60);
    w.push({ atS: 0, clinicianS: 0, patientS: 0 });
    w.push({ atS: 20, clinicianS: 5, patientS: 10 });
    expect(w.read()).toEqual({ clinicianS: 5, patientS: 10, spanS: 20, clinicianShare: 5 / 15 });
  });

  it('subtracts the totals from windowS ago, interpolating between samples', () => {
    const w = createTalkWindow(60);
    // The clinician speaks for the first 100 s, then the patient for the next 100 s.
    for (let t = 0; t <= 200; t += 7) w.push({ atS: t, clinicianS: Math.min(t, 100), patientS: Math.max(0, t - 100) });
    // Last sample at 196 s: the window is [136, 196] → all patient.
    const r = w.read()!;
    expect(r.spanS).toBeCloseTo(60, 9);
    expect(r.clinicianS).toBeCloseTo(0, 9);
    expect(r.patientS).toBeCloseTo(60, 9);
    w.push({ atS: 130, clinicianS: 100, patientS: 30 }); // a restarted clock starts over
    expect(w.read()!.spanS).toBe(0);
  });

  it('interpolates a window start between two samples', () => {
    const w = createTalkWindow(60);
    w.push({ atS: 0, clinicianS: 0, patientS: 0 });
    w.push({ atS: 40, clinicianS: 40, patientS: 0 }); // clinician 0–40
    w.push({ atS: 100, clinicianS: 40, patientS: 60 }); // patient 40–100
    // Window [40, 100]: the linear estimate at 40 is exact here.
    expect(w.read()).toEqual({ clinicianS: 0, patientS: 60, spanS: 60, clinicianShare: 0 });
    w.push({ atS: 120, clinicianS: 60, patientS: 60 }); // clinician 100–120; window [60, 120], start between 40 and 100
    const r = w.read()!;
    expect(r.clinicianS).toBeCloseTo(20, 9);
    expect(r.patientS).toBeCloseTo(40, 9);
  });

  it('keeps memory bounded by the window', () => {
    const w = createTalkWindow(10);
    for (let t = 0; t < 100_000; t++) w.push({ atS: t / 4, clinicianS: t / 8, patientS: t / 8 });
    expect(w.read()!.spanS).toBeCloseTo(10, 9);
  });
});
