import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inline, markdownToHtml } from '../../../scripts/build/markdown';
import { privacyPageHtml } from '../../../scripts/build/privacy-page';

describe('the privacy-policy page (from docs/PRIVACY.md)', () => {
  it('converts headings, lists, tables and emphasis, and escapes everything else', () => {
    expect(markdownToHtml('# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n  continued\n\n1. first\n2. second')).toBe(
      '<h1>Title</h1>\n<p>Some <strong>bold</strong> and <code>code</code>.</p>\n<ul>\n<li>one</li>\n<li>two continued</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
    );
    expect(markdownToHtml('| a | b |\n|---|---|\n| 1 | **2** |')).toBe(
      '<table>\n<thead><tr><th scope="col">a</th><th scope="col">b</th></tr></thead>\n<tbody>\n<tr><td>1</td><td><strong>2</strong></td></tr>\n</tbody>\n</table>',
    );
    expect(inline('<script>alert(1)</script> [x](javascript:void) [ok](https://example.org)')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; x <a href="https://example.org">ok</a>',
    );
  });

  it('keeps every heading and table of the real document, with no Markdown left over and no script', () => {
    const markdown = readFileSync('docs/PRIVACY.md', 'utf8');
    const html = privacyPageHtml(markdown);
    const headings = [...markdown.matchAll(/^#{1,6}\s+(.*)$/gm)].map((m) => m[1]!.replace(/\*\*|`/g, ''));
    const text = html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    for (const heading of headings) expect(text).toContain(heading);
    expect(html.match(/<table>/g)?.length).toBe(markdown.match(/^\|[-| ]+\|$/gm)?.length);
    expect(text).not.toMatch(/\*\*|^#+ /m);
    expect(html).not.toMatch(/<script|https?:\/\/[^"]*"\s*(src|rel)/i);
    expect(html).toContain('<title>Attune — privacy policy</title>');
  });
});
