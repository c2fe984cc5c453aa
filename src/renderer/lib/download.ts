/** Saving bytes from main as a download: a Blob URL on an <a download>, revoked afterwards. */

/** Offers `bytes` to the user under `fileName`. */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
