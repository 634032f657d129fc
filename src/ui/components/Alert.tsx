/** Error or notice text. role=alert so screen readers announce it when it appears. */
import '../theme.css';

export interface AlertProps {
  message: string | null;
}

export function Alert({ message }: AlertProps) {
  if (!message) return null;
  return (
    <div class="attune-alert" role="alert">
      {message}
    </div>
  );
}
