// Typed arrays for the document being analysed, carved out of one buffer the actors stage
// keeps from document to document. Each typed array with a buffer of its own costs an
// allocation outside the JavaScript heap and a finaliser — microseconds apiece, a dozen per
// document — while a view onto a kept buffer costs next to nothing.
// The arrays handed out are valid until the next reset(): nothing may keep one after the
// document it was made for (the finders hold them only in their per-document context).

export class ScratchArrays {
  private buffer = new ArrayBuffer(1 << 16);
  private used = 0;

  /** Gives back every array handed out since the last reset, for the next document. */
  reset(): void { this.used = 0; }

  /**
   * Zero-filled arrays of n elements — unless `zeroed` is false, for an array its caller
   * writes in full (or up to a count it keeps) before reading: what an earlier document
   * left there is then never seen, and the filling is saved.
   */
  int32(n: number, zeroed = true): Int32Array { const at = this.take(4 * n); const a = new Int32Array(this.buffer, at, n); return zeroed ? a.fill(0) : a; }
  uint32(n: number): Uint32Array { const at = this.take(4 * n); return new Uint32Array(this.buffer, at, n).fill(0); }
  uint16(n: number, zeroed = true): Uint16Array { const at = this.take(2 * n); const a = new Uint16Array(this.buffer, at, n); return zeroed ? a.fill(0) : a; }
  uint8(n: number, zeroed = true): Uint8Array { const at = this.take(n); const a = new Uint8Array(this.buffer, at, n); return zeroed ? a.fill(0) : a; }
  float64(n: number): Float64Array { const at = this.take(8 * n); return new Float64Array(this.buffer, at, n).fill(0); }

  /** Offset in `buffer` of the next `bytes` (8-aligned), growing to a new buffer if they do not fit. */
  private take(bytes: number): number {
    let offset = (this.used + 7) & ~7;
    if (offset + bytes > this.buffer.byteLength) {
      // Arrays handed out already keep the old buffer alive until they are dropped.
      let size = 2 * this.buffer.byteLength;
      while (size < bytes) size *= 2;
      this.buffer = new ArrayBuffer(size);
      offset = 0;
    }
    this.used = offset + bytes;
    return offset;
  }
}
