/** An error the user can act on: printed as one line on stderr, exit code 2. */
export class CliError extends Error {
  override name = 'CliError';
}
