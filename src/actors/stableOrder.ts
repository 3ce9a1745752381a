// Stable ordering by an integer key without a comparator callback: each (key, index) pair
// is packed into one float64 and the array sorted natively, which beats Array.prototype.sort
// with a closure on every comparison (the actors stage orders mentions this way per document).

const INDEX_BITS = 2 ** 21;

/** Indices 0..n-1 ordered by keys[i] (non-negative integers below 2^32), equal keys by index. */
export function stableOrder(keys: ArrayLike<number>): Int32Array {
  const n = keys.length;
  const order = new Int32Array(n);
  if (n >= INDEX_BITS) {
    // Too many to pack: the slow, equally stable way.
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b]);
    order.set(idx);
    return order;
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = keys[i] * INDEX_BITS + i;
  packed.sort();
  for (let i = 0; i < n; i++) order[i] = packed[i] % INDEX_BITS;
  return order;
}
