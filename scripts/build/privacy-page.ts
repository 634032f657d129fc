import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { markdownToHtml } from './markdown';

/** Where the page lands in the build; the options page and the popup link to it. */
export const PRIVACY_PAGE_DEST = 'privacy.html';

const STYLE = `
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b2327; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; display: block; overflow-x: auto; margin: 1rem 0; }
th, td { border: 1px solid #c3ccd1; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
code { font-size: 0.9em; }
a { color: #0b6b66; }
@media (prefers-color-scheme: dark) { body { color: #e6ecee; background: #14191b; } th, td { border-color: #4a565c; } a { color: #7fd6cc; } }
`;

/**
 * The privacy policy as a page inside the extension (the stores require one, and it must be
 * readable offline): docs/PRIVACY.md, converted at build time so there is one source.
 */
export function privacyPageHtml(markdown = readFileSync(resolve(import.meta.dirname, '../../docs/PRIVACY.md'), 'utf8')): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attune — privacy policy</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${markdownToHtml(markdown)}
</main>
</body>
</html>
`;
}

type PublicFile = { relativeDest: string } & ({ absoluteSrc: string } | { contents: string });

export function addPrivacyPage(files: PublicFile[]): void {
  files.push({ contents: privacyPageHtml(), relativeDest: PRIVACY_PAGE_DEST });
}
