/** Keeps the k best (score, id) pairs seen so far in a binary min-heap over typed arrays. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.ids = new Int32Array(Math.max(1, k));
  }

  /** The score an entry must beat to get in (−∞ until the heap is full). */
  get floor(): number {
    return this.size < this.k ? -Infinity : this.scores[0]!;
  }

  /** Offers an entry; ties are kept in arrival order. */
  push(score: number, id: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent]! <= score) break;
        this.scores[i] = this.scores[parent]!;
        this.ids[i] = this.ids[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = id;
      return;
    }
    if (score <= this.scores[0]!) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.scores[right]! < this.scores[left]! ? right : left;
      if (this.scores[child]! >= score) break;
      this.scores[i] = this.scores[child]!;
      this.ids[i] = this.ids[child]!;
      i = child;
    }
    this.scores[i] = score;
    this.ids[i] = id;
  }

  /** The kept ids, best first. */
  drain(): number[] {
    const entries = Array.from({ length: this.size }, (_, i) => [this.scores[i]!, this.ids[i]!] as const);
    this.size = 0;
    return entries.sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, id]) => id);
  }
}
