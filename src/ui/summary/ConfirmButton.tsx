/** A destructive action in two clicks: the first asks, the second does it (no modal dialog to trap focus). */
import { useState } from 'preact/hooks';

export interface ConfirmButtonProps {
  label: string;
  confirmLabel: string;
  onConfirm(): void;
}

export function ConfirmButton({ label, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" class="attune-btn attune-btn--danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span class="attune-confirm" role="group" aria-label={label}>
      <button
        type="button"
        class="attune-btn attune-btn--danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" class="attune-btn" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
