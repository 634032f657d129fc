/**
 * An on/off switch: a native button with role=switch, so it is focusable, toggles with Space/Enter
 * and announces its state. The visible label names it; the description explains it.
 */
import '../theme.css';
import './components.css';
import { useId } from 'preact/hooks';

export interface SwitchProps {
  label: string;
  description?: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

export function Switch({ label, description, checked, disabled, onChange }: SwitchProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const descId = `${id}-desc`;
  return (
    <div class="attune-switch">
      <div class="attune-switch__row">
        <span id={labelId} class="attune-switch__label">
          {label}
        </span>
        <button
          type="button"
          role="switch"
          class="attune-switch__control"
          aria-checked={checked}
          aria-labelledby={labelId}
          aria-describedby={description ? descId : undefined}
          disabled={disabled}
          onClick={() => onChange(!checked)}
        >
          <span class="attune-switch__thumb" aria-hidden="true" />
          {/* Text state for sighted users too: position and colour alone are not enough. */}
          <span class="attune-switch__state" aria-hidden="true">
            {checked ? 'On' : 'Off'}
          </span>
        </button>
      </div>
      {description && (
        <p id={descId} class="attune-switch__desc">
          {description}
        </p>
      )}
    </div>
  );
}
