/** Saves bytes or text as a file through the browser (an object URL, never a network request). */
export function downloadFile(name: string, data: BlobPart, type: string): void {
  saveBlob(name, new Blob([data], { type }));
}

/** Saves a Blob as it is (one made in a worker: the page neither copies nor reads its bytes). */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** What a download prepared off the page's thread is given: its stop, and where to say how far it is. */
export interface DownloadOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (text: string, fraction?: number) => void;
}
