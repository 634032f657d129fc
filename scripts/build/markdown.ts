/**
 * Just enough Markdown for docs/PRIVACY.md to become the privacy-policy page the stores ask for:
 * headings, paragraphs, bullet and numbered lists, tables, **bold**, *italic*, `code` and
 * [links](url). Everything else is escaped text, so a change in the document can never inject markup.
 */

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => (/^(https?:|#|\.?\/|[\w-]+\.html)/.test(href) ? `<a href="${href}">${label}</a>` : label));
}

const cells = (row: string): string[] => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

function table(rows: string[]): string {
  const [head, , ...body] = rows;
  const th = cells(head!).map((c) => `<th scope="col">${inline(c)}</th>`).join('');
  const tr = body.map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${tr}\n</tbody>\n</table>`;
}

function list(lines: string[], ordered: boolean): string {
  const items: string[] = [];
  for (const line of lines) {
    const start = ordered ? /^\d+\.\s+(.*)$/.exec(line) : /^[-*]\s+(.*)$/.exec(line);
    if (start) items.push(start[1]!);
    else items[items.length - 1] += ` ${line.trim()}`; // a continuation line
  }
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>\n${items.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</${tag}>`;
}

/** The HTML body for `markdown` (blocks separated by blank lines). */
export function markdownToHtml(markdown: string): string {
  const blocks = markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  return blocks
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.length > 0)
    .map((block) => {
      const lines = block.split('\n');
      const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]!);
      if (heading && lines.length === 1) return `<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`;
      if (heading) return `<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>\n${markdownToHtml(lines.slice(1).join('\n'))}`;
      if (lines.every((l) => l.trim().startsWith('|'))) return table(lines);
      if (/^[-*]\s/.test(lines[0]!)) return list(lines, false);
      if (/^\d+\.\s/.test(lines[0]!)) return list(lines, true);
      return `<p>${inline(lines.join(' '))}</p>`;
    })
    .join('\n');
}
