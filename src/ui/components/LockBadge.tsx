/** "On-device" badge shown when privacy-local mode is on. Inline SVG: the CSP forbids remote images. */
import '../theme.css';
import './components.css';

export function LockBadge() {
  return (
    <span class="attune-lock" title="Privacy-local mode: nothing leaves this computer">
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <rect x="2" y="5" width="8" height="6" rx="1" fill="currentColor" />
        <path d="M4 5V3.5a2 2 0 0 1 4 0V5" fill="none" stroke="currentColor" stroke-width="1.4" />
      </svg>
      On-device
    </span>
  );
}
