import type { ComponentChildren } from 'preact';

/** The You / Patient colour key under the summary's charts; charts may add keys of their own. */
export function SpeakerLegend({ children }: { children?: ComponentChildren }) {
  return (
    <figcaption class="attune-timeline__caption">
      <span class="attune-timeline__key">
        <span class="attune-swatch attune-swatch--you" aria-hidden="true" /> You
      </span>
      <span class="attune-timeline__key">
        <span class="attune-swatch attune-swatch--patient" aria-hidden="true" /> Patient
      </span>
      {children}
    </figcaption>
  );
}
