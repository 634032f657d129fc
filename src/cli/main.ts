import { ANALYZE_USAGE, runAnalyze } from './analyze';
import { CliError } from './cli-error';
import { MAX_CLASSIFY_LINE_CHARS, runClassify } from './classify';
import { boundedLines } from './bounded-lines';

const USAGE = `attune — on-device talk-time analysis of clinical video visits

${ANALYZE_USAGE}
       attune classify < utterances.jsonl   (lines {"id", "text", "prev_text"} → {"id", "label", …})
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
      case 'classify':
        await runClassify(boundedLines(process.stdin, MAX_CLASSIFY_LINE_CHARS), (line) => write(line + '\n'));
        return 0;
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
