import { ANALYZE_USAGE, runAnalyze } from './analyze';
import { CliError } from './cli-error';
import { MAX_CLASSIFY_LINE_CHARS, runClassify } from './classify';
import { boundedLines } from './bounded-lines';
import { parseArgs } from 'node:util';
import { IDENTITY_LAYER, type AdaptationLayer } from '../core/questions/adaptation';

const USAGE = `attune — on-device talk-time analysis of clinical video visits

${ANALYZE_USAGE}
       attune classify [--adaptation PROFILE.json] < utterances.jsonl   (lines {"id", "text", "prev_text"} → {"id", "label", …})
         --adaptation  label as adapted to one clinician's corrections (the profile the extension keeps)
`;

/** Runs one command; returns the process exit code (0 ok, 2 bad input). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const write = (text: string) => void process.stdout.write(text);
  try {
    switch (command) {
      case 'analyze':
        await runAnalyze(rest, write);
        return 0;
      case 'classify': {
        // The profile first: a line reader opened before an await would miss the end of a short stdin.
        const adaptation = await classifyAdaptation(rest);
        await runClassify(boundedLines(process.stdin, MAX_CLASSIFY_LINE_CHARS), (line) => write(line + '\n'), adaptation);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command '${command}' (see: attune help)`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`attune: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function classifyAdaptation(argv: string[]): Promise<AdaptationLayer> {
  let values;
  try {
    // Not strict: `attune classify` has always ignored other arguments, and scripts may pass some.
    ({ values } = parseArgs({ args: argv, options: { adaptation: { type: 'string' } }, strict: false, allowPositionals: true }));
  } catch (error) {
    throw new CliError(`${(error as Error).message} (see: attune help)`);
  }
  if (values.adaptation === undefined) return IDENTITY_LAYER;
  if (typeof values.adaptation !== 'string') throw new CliError('--adaptation needs a profile file (see: attune help)');
  const { readAdaptationFile } = await import('./adaptation-file'); // validation code only when asked for
  return readAdaptationFile(values.adaptation);
}
