/**
 * Lines of a text stream with a length cap: a line longer than `maxChars` is never held in
 * memory whole (Node's readline would buffer a 20 MB line, and more); it is reported as
 * `{ tooLongChars }` and skipped up to its newline.
 */
export type BoundedLine = string | { tooLongChars: number };

export async function* boundedLines(input: AsyncIterable<string | Buffer>, maxChars: number): AsyncGenerator<BoundedLine> {
  let line = '';
  let overflowChars = 0; // > 0 while skipping the rest of a too-long line
  const decoder = new TextDecoder();
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let newline = text.indexOf('\n', start); ; newline = text.indexOf('\n', start)) {
      const piece = text.slice(start, newline === -1 ? text.length : newline);
      if (overflowChars > 0) overflowChars += piece.length;
      else if (line.length + piece.length > maxChars) {
        overflowChars = line.length + piece.length;
        line = '';
      } else line += piece;
      if (newline === -1) break;
      yield overflowChars > 0 ? { tooLongChars: overflowChars } : line;
      line = '';
      overflowChars = 0;
      start = newline + 1;
    }
  }
  if (overflowChars > 0) yield { tooLongChars: overflowChars };
  else if (line !== '') yield line;
}
