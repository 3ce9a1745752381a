// Turns the bytes of one article into analysable text, or says why they are not one:
// empty, binary, not UTF-8, too large. The only changes made to valid text are dropping a
// byte-order mark and turning CRLF/CR line ends into LF, so offsets stay meaningful.

const utf8 = new TextDecoder("utf-8", { fatal: true });

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

export function decodeArticleBytes(bytes: Uint8Array, maxBytes: number): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, message: `too large: ${formatBytes(bytes.length)} (the limit is ${formatBytes(maxBytes)}; raise it with --max-bytes)` };
  }
  const binaryAt = findBinary(bytes);
  if (binaryAt >= 0) return { ok: false, message: `binary data, not text (control byte 0x${bytes[binaryAt].toString(16).padStart(2, "0")} at byte ${binaryAt})` };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: `invalid UTF-8 (first bad byte at ${firstInvalidUtf8(bytes)})` };
  }
  return checkText(text, maxBytes);
}

/** The same checks for text that arrived as a string (a JSONL field). */
export function checkText(text: string, maxBytes: number): Decoded {
  if (text.length > maxBytes) return { ok: false, message: `too large: ${formatBytes(text.length)} characters (the limit is ${formatBytes(maxBytes)})` };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return { ok: false, message: "empty: no text to analyse" };
  // eslint-disable-next-line no-control-regex
  const ctl = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.exec(text);
  if (ctl) return { ok: false, message: `binary data, not text (control character U+${ctl[0].charCodeAt(0).toString(16).padStart(4, "0")} at offset ${ctl.index})` };
  return { ok: true, text };
}

/** A NUL or a run of control bytes is binary; a few stray ones in text are reported by checkText. */
function findBinary(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return i;
  return -1;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search on prefix validity would mis-handle a cut sequence; a linear scan is clear and rare.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}
