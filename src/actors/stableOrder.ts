// Stable ordering by an integer key without a comparator callback: each (key, index) pair
// is packed into one float64 and the array sorted natively, which beats Array.prototype.sort
// with a closure on every comparison (the actors stage orders mentions this way per document).

import type { ScratchArrays } from "./scratchArrays.js";

const INDEX_BITS = 2 ** 21;
/**
 * Up to this many keys (a document's mentions, usually) an insertion sort in place: the
 * native sort of a typed array is a call into the runtime that costs more than sorting a
 * few dozen numbers, above all when its code is out of the cache, as it is once per
 * document. The packed values are all different, so both sorts give the same order.
 */
const SMALL = 64;

/**
 * Indices 0..n-1 ordered by keys[i] (non-negative integers below 2^32), equal keys by index.
 * With `scratch`, the arrays are the document's scratch arrays (no buffer of their own).
 */
export function stableOrder(keys: ArrayLike<number>, scratch?: ScratchArrays): Int32Array {
  const n = keys.length;
  const order = scratch ? scratch.int32(n) : new Int32Array(n);
  if (n >= INDEX_BITS) {
    // Too many to pack: the slow, equally stable way.
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b]);
    order.set(idx);
    return order;
  }
  const packed = scratch ? scratch.float64(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = keys[i] * INDEX_BITS + i;
  if (n <= SMALL) sortSmall(packed, n); else packed.sort();
  for (let i = 0; i < n; i++) order[i] = packed[i] % INDEX_BITS;
  return order;
}

/** Sorts a[0..n) ascending by insertion. */
function sortSmall(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) { a[j + 1] = a[j]; j--; }
    a[j + 1] = x;
  }
}
