// Stable ordering by an integer key without a comparator callback: each (key, index) pair
// is packed into one float64 and the array sorted natively, which beats Array.prototype.sort
// with a closure on every comparison (the actors stage orders mentions this way per document).

import type { ScratchArrays } from "./scratchArrays.js";

const INDEX_BITS = 2 ** 21;

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
  packed.sort();
  for (let i = 0; i < n; i++) order[i] = packed[i] % INDEX_BITS;
  return order;
}
