/** Saves text as a file through the browser's own download (no downloads permission, nothing leaves the computer). */
export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click has started the download; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
