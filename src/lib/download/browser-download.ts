/**
 * Hands a Blob to the browser as a download with the given file name: an object URL on a
 * temporary `<a download>` that is clicked and removed. The URL is revoked a little later, not at
 * once: Firefox and older Safari cancel a download whose URL is revoked in the same task.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.appendChild(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Bytes or text as a Blob of the given type; the bytes are copied, so the caller may reuse them. */
export function toBlob(content: Uint8Array | string, type: string): Blob {
	return new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type });
}

export const MIME = {
	csv: 'text/csv;charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	png: 'image/png',
	svg: 'image/svg+xml',
	zip: 'application/zip',
	txt: 'text/plain;charset=utf-8',
	json: 'application/json;charset=utf-8'
} as const;
