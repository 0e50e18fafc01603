// Typed arrays are read within bounds fixed when the index was built, so the hot loops below index them with `!`
// (biome.json allows it in this folder only).

/** The best `limit` of many (document, score) pairs, in a min-heap: O(n log limit), not a sort of all n. */
export class TopK {
  private readonly docs: number[] = [];
  private readonly values: number[] = [];
  constructor(private readonly limit: number) {}

  push(doc: number, value: number): void {
    if (this.limit <= 0) return;
    const { docs, values } = this;
    if (docs.length < this.limit) {
      docs.push(doc);
      values.push(value);
      this.up(docs.length - 1);
    } else if (value > values[0]! || (value === values[0]! && doc < docs[0]!)) {
      docs[0] = doc;
      values[0] = value;
      this.down(0);
    }
  }

  /** Best first; ties in document order (the catalogue's order). */
  sorted(): Array<{ doc: number; value: number }> {
    return this.docs
      .map((doc, i) => ({ doc, value: this.values[i]! }))
      .sort((a, b) => b.value - a.value || a.doc - b.doc);
  }

  // The root is the weakest kept: lowest value, and among equal values the latest document.
  private weaker(i: number, j: number): boolean {
    const { docs, values } = this;
    return values[i]! < values[j]! || (values[i] === values[j] && docs[i]! > docs[j]!);
  }
  private swap(i: number, j: number): void {
    const { docs, values } = this;
    [docs[i], docs[j]] = [docs[j]!, docs[i]!];
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.weaker(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }
  private down(i: number): void {
    const n = this.docs.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let weakest = i;
      if (left < n && this.weaker(left, weakest)) weakest = left;
      if (right < n && this.weaker(right, weakest)) weakest = right;
      if (weakest === i) return;
      this.swap(i, weakest);
      i = weakest;
    }
  }
}
