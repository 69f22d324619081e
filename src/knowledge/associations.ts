import FITTED from "./associations.json" with { type: "json" };

/**
 * Words that questions use where the passages answering them use others, learned from
 * questions and their answers: a question word's index term → the index terms that stand in
 * for it in passages, best first ("probe" → "investig", "cut" → "revenu", "share").
 */
export type WordAssociations = Readonly<Record<string, readonly string[]>>;

/** How much evidence a learned association needs. */
export const ASSOCIATION_FIT = {
  /** Questions that asked with the word and were answered by passages holding the other… */
  minQuestions: 3,
  /**
   * …by at least this many different passages. One is enough: three questions asking with "spicy"
   * for the line about contract lawyers teach the fourth. Leaving each writer out in turn, two
   * (a word's meaning spread over passages) gave top-1 691 and top-3 861 of 1,120, one 731 and 876.
   */
  minPassages: 1,
  /** …as at least this share of the questions asking with the word… */
  minShare: 0.2,
  /** …and this many times as often as passages hold the other word at all. */
  minLift: 3,
  /** Associations kept per word, at most. */
  perWord: 3,
} as const;

/** A question of the fitting set: its index terms, and which of the passages answer it. */
export interface AssociationExample {
  readonly terms: ReadonlySet<string>;
  readonly answers: readonly number[];
}

/**
 * Learns, from questions and the passages that answer them, which passage words stand in for a
 * question word that those passages lack: counted once per question, among words the question
 * does not use itself, kept when frequent, spread over several passages and far above chance,
 * ranked by count times log lift. `passages` holds every passage's index terms.
 */
export function fitAssociations(
  examples: readonly AssociationExample[],
  passages: readonly ReadonlySet<string>[],
  fit: { readonly [K in keyof typeof ASSOCIATION_FIT]: number } = ASSOCIATION_FIT,
): Record<string, string[]> {
  const passageCount = new Map<string, number>();
  for (const terms of passages) for (const t of terms) passageCount.set(t, (passageCount.get(t) ?? 0) + 1);
  const asked = new Map<string, number>();
  const seen = new Map<string, Map<string, { questions: number; passages: Set<number> }>>();
  for (const { terms, answers } of examples) {
    if (answers.length === 0) continue;
    const answerTerms = new Set(answers.flatMap((a) => [...passages[a]!]));
    for (const q of terms) {
      asked.set(q, (asked.get(q) ?? 0) + 1);
      if (answerTerms.has(q)) continue;
      let row = seen.get(q);
      if (!row) seen.set(q, (row = new Map()));
      for (const w of answerTerms) {
        if (terms.has(w)) continue;
        let cell = row.get(w);
        if (!cell) row.set(w, (cell = { questions: 0, passages: new Set() }));
        cell.questions++;
        for (const a of answers) if (passages[a]!.has(w)) cell.passages.add(a);
      }
    }
  }
  const learned: Record<string, string[]> = {};
  for (const [q, row] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const kept = [...row]
      .map(([w, cell]) => {
        const share = cell.questions / asked.get(q)!;
        return { w, questions: cell.questions, passages: cell.passages.size, share, lift: share / (passageCount.get(w)! / passages.length) };
      })
      .filter((c) => c.questions >= fit.minQuestions && c.passages >= fit.minPassages && c.share >= fit.minShare && c.lift >= fit.minLift)
      .sort((a, b) => b.questions * Math.log(b.lift) - a.questions * Math.log(a.lift) || (a.w < b.w ? -1 : 1))
      .slice(0, fit.perWord);
    if (kept.length > 0) learned[q] = kept.map((c) => c.w);
  }
  return learned;
}

/** The associations fitted on the tuning questions (`npm run fit`). */
export const ASSOCIATIONS: WordAssociations = FITTED.associations;
