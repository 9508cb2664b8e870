/**
 * Saving a file the page made (CSV, PNG, JSON) through a temporary <a download>: nothing leaves
 * the browser. File names may contain user text (workspace names), so they are sanitised.
 */

const MAX_NAME = 80;

/**
 * A file name safe on Windows, macOS and Linux: letters and digits of any script, `-`, `_` and
 * `.`; everything else (path separators, reserved characters, controls, spaces) becomes `-`;
 * no leading dots; at most 80 characters before the extension.
 */
export function safeFileName(base: string, extension: string): string {
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, MAX_NAME)
    .replace(/[.-]+$/g, '');
  const ext = extension.replace(/[^a-z0-9]/gi, '').toLowerCase();
  return `${cleaned || 'keepwise'}.${ext || 'txt'}`;
}

function clickLink(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  clickLink(url, fileName);
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A data: URL the page made itself (Chart.js toBase64Image). */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  if (!dataUrl.startsWith('data:image/')) throw new Error('not an image');
  clickLink(dataUrl, fileName);
}

export function downloadJson(value: unknown, fileName: string): void {
  downloadBlob(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName);
}
