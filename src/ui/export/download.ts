// Saving a file the person asked for, from a page or a widget (nothing is added to the page).
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  // The browser has started the download by the next task; the address can go then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from words: lower case, dashes, nothing a file system minds. */
export function fileName(...parts: readonly (string | number)[]): string {
  return parts
    .map((p) => String(p).toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter((p) => p !== '')
    .join('-');
}
