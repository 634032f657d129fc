/**
 * A labelled number input with its unit and range. The value is saved when the clinician
 * leaves the field (or presses Enter); a value out of range is not saved and says why, and the
 * field keeps what was typed so nothing is lost.
 */
import '../theme.css';
import './components.css';
import { useEffect, useId, useState } from 'preact/hooks';

export interface NumberFieldProps {
  label: string;
  /** Shown after the input: "s", "min", "%", "in a row". */
  unit: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  disabled?: boolean;
  onCommit(value: number): void;
}

export function NumberField({ label, unit, value, min, max, step = 1, disabled, onCommit }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(String(value));
    setError(null);
  }, [value]);

  const commit = () => {
    const n = Number(draft.trim().replace(',', '.'));
    if (draft.trim() === '' || !Number.isFinite(n)) return setError(`Enter a number from ${min} to ${max}.`);
    if (n < min || n > max) return setError(`Choose a value from ${min} to ${max} ${unit}.`);
    if (step >= 1 && !Number.isInteger(n)) return setError('Enter a whole number.');
    setError(null);
    if (n !== value) onCommit(n);
  };

  return (
    <div class="attune-number">
      <label for={id} class="attune-number__label">
        {label}
      </label>
      <span class="attune-number__input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={draft}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          onChange={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <span aria-hidden="true">{unit}</span>
      </span>
      {error && (
        <p id={`${id}-error`} class="attune-number__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
