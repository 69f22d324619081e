/**
 * Gradient-boosted decision trees for a yes/no label: small trees fitted one after another, each
 * to what the ones before it got wrong (logistic loss, Newton steps), their sum read as log odds.
 * Pure: fitting and reading do no I/O.
 */

/** A tree: a leaf's value, or a split sending `x[f] <= t` left and the rest right. */
export type Tree = number | { readonly f: number; readonly t: number; readonly l: Tree; readonly r: Tree };

/** A fitted ensemble: P(yes) = σ(rate · Σ tree(x)). */
export interface BoostedTrees {
  readonly rate: number;
  readonly trees: readonly Tree[];
}

/** How the trees are grown. */
export interface BoostingSettings {
  /** How many trees. */
  readonly rounds: number;
  /** Share of each tree's values added to the sum. */
  readonly rate: number;
  /** Splits from the root to a leaf. */
  readonly depth: number;
  /** Fewest examples on either side of a split. */
  readonly minLeaf: number;
  /** L2 penalty on a leaf's value. */
  readonly lambda: number;
}

/** An example: its features and its label (1 yes, 0 no). */
export interface LabelledExample {
  readonly x: readonly number[];
  readonly y: 0 | 1;
}

/** The value of one tree for features `x`. */
export function treeValue(tree: Tree, x: readonly number[]): number {
  let node = tree;
  while (typeof node !== "number") node = x[node.f]! <= node.t ? node.l : node.r;
  return node;
}

/** The trees with their leaves' values rounded to six decimals, for a model file that reads well and diffs small. */
export function roundedLeaves(model: BoostedTrees): BoostedTrees {
  const round = (tree: Tree): Tree => (typeof tree === "number" ? Math.round(tree * 1e6) / 1e6 : { f: tree.f, t: tree.t, l: round(tree.l), r: round(tree.r) });
  return { rate: model.rate, trees: model.trees.map(round) };
}

/** The ensemble's probability that `x` is a yes. */
export function boostedProbability(model: BoostedTrees, x: readonly number[]): number {
  let z = 0;
  for (const tree of model.trees) z += model.rate * treeValue(tree, x);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits the trees. Both labels weigh the same in total, however many examples each has, so the
 * probabilities rank examples without leaning to the commoner label.
 */
export function fitBoostedTrees(examples: readonly LabelledExample[], settings: BoostingSettings): BoostedTrees {
  const n = examples.length;
  const positives = examples.filter((e) => e.y === 1).length;
  if (positives === 0 || positives === n) throw new Error("boosting needs examples of both labels");
  const weight = examples.map((e) => (e.y === 1 ? n / (2 * positives) : n / (2 * (n - positives))));
  const xs = examples.map((e) => e.x);
  const features = xs[0]!.length;
  // each feature's examples in ascending order, sorted once
  const order = Array.from({ length: features }, (_, f) => xs.map((_, i) => i).sort((a, b) => xs[a]![f]! - xs[b]![f]!));
  const sum = new Float64Array(n);
  const trees: Tree[] = [];
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  for (let round = 0; round < settings.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-sum[i]!));
      g[i] = (p - examples[i]!.y) * weight[i]!;
      h[i] = Math.max(p * (1 - p), 1e-6) * weight[i]!;
    }
    const member = new Uint8Array(n).fill(1);
    const tree = grow(xs, order, g, h, member, settings.depth, settings);
    trees.push(tree);
    for (let i = 0; i < n; i++) sum[i]! += settings.rate * treeValue(tree, xs[i]!);
  }
  return { rate: settings.rate, trees };
}

/** Grows one tree over the examples marked in `member`, splitting where the loss falls most. */
function grow(xs: readonly (readonly number[])[], order: readonly number[][], g: Float64Array, h: Float64Array, member: Uint8Array, depth: number, settings: BoostingSettings): Tree {
  let G = 0;
  let H = 0;
  let count = 0;
  for (let i = 0; i < member.length; i++) {
    if (!member[i]) continue;
    G += g[i]!;
    H += h[i]!;
    count++;
  }
  const leaf = -G / (H + settings.lambda);
  if (depth === 0 || count < 2 * settings.minLeaf) return leaf;
  const parent = (G * G) / (H + settings.lambda);
  let best = { gain: 1e-12, f: -1, t: 0 };
  for (let f = 0; f < order.length; f++) {
    let gl = 0;
    let hl = 0;
    let left = 0;
    let previous = -1;
    for (const i of order[f]!) {
      if (!member[i]) continue;
      if (previous >= 0 && xs[i]![f]! !== xs[previous]![f]! && left >= settings.minLeaf && count - left >= settings.minLeaf) {
        const gain = (gl * gl) / (hl + settings.lambda) + ((G - gl) * (G - gl)) / (H - hl + settings.lambda) - parent;
        if (gain > best.gain) best = { gain, f, t: (xs[previous]![f]! + xs[i]![f]!) / 2 };
      }
      gl += g[i]!;
      hl += h[i]!;
      left++;
      previous = i;
    }
  }
  if (best.f < 0) return leaf;
  const below = new Uint8Array(member.length);
  const above = new Uint8Array(member.length);
  for (let i = 0; i < member.length; i++) {
    if (!member[i]) continue;
    if (xs[i]![best.f]! <= best.t) below[i] = 1;
    else above[i] = 1;
  }
  return { f: best.f, t: best.t, l: grow(xs, order, g, h, below, depth - 1, settings), r: grow(xs, order, g, h, above, depth - 1, settings) };
}
