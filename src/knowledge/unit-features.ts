import type { Analyzer } from "./analyze.js";
import { attributedParties } from "./attribution.js";
import { extractFigures, hasDate } from "./facts.js";
import type { QuestionHints } from "./question.js";
import type { Topic } from "./types.js";
import { RANKING } from "./ranking.js";
import type { AnswerUnit } from "./units.js";

const DATE = 1;
const FIGURE = 2;
const MONEY = 4;
const NAME = 8;
const CAPACITY_TEXT = 16;
/** A bullet under a lead-in, or a table row. */
const LIST_ITEM = 32;
/** States where something stands: "not yet", "no lawsuit", "still in talks", "has already". */
const STANDING = 64;
const STANDING_RE = /\b(?:not|no|never|yet|still|already|so far|remains?|pending|ongoing|reportedly)\b|n['’]t\b/i;
/** Gives a reason: "because", "due to", "to protect", "a safety net for". */
const CAUSE = 128;
const CAUSE_RE = /\b(?:because|since|due to|owing to|as a result|so that|in order to|reasons?|why|led to|leads to|driven by|given that|amid|stems from|in case|safety net|to (?:protect|avoid|ensure|keep|secure|stay|prevent|preserve|guard))\b/i;

/** Per-unit hint features packed into typed arrays, so ranking touches no objects. */
export interface UnitFeatures {
  readonly flags: Uint8Array;
  /** Bit i set: the unit attributes a position to party i (topic order). */
  readonly speakers: Uint32Array;
}

const PROPER_NAME = /(?:^|[^.!?]\s)([A-Z][a-z]+(?:\s[A-Z][a-zA-Z]+)*)/;
const OTHER_FIGURE = /\b\d+(\.\d+)?\s?(%|percent|gigawatts?|GW)\b/i;

/**
 * Computes and packs the hint features of units: dates, figures (money or other), names, and the
 * parties each sentence attributes a position to.
 */
export function packFeatures(units: readonly AnswerUnit[], analyzer: Analyzer, topic: Topic): UnitFeatures {
  const partyOrder = topic.parties.map((p) => p.id);
  const flags = new Uint8Array(units.length);
  const speakers = new Uint32Array(units.length);
  units.forEach((u, i) => {
    const text = u.text;
    const figures = extractFigures(text);
    const hasMoney = figures.some((f) => f.key.startsWith("usd:"));
    flags[i] =
      (hasDate(text, u.document.meta.published) ? DATE : 0) |
      (figures.length > 0 || OTHER_FIGURE.test(text) ? FIGURE : 0) |
      (hasMoney ? MONEY : 0) |
      (PROPER_NAME.test(text) || analyzer.concepts(text).size > 0 ? NAME : 0) |
      (/gigawatt|GW/.test(text) ? CAPACITY_TEXT : 0) |
      ((u.passage.kind === "bullet" && u.passage.leadIn) || u.passage.kind === "table-row" ? LIST_ITEM : 0) |
      (STANDING_RE.test(text) ? STANDING : 0) |
      (CAUSE_RE.test(text) ? CAUSE : 0);
    let bits = 0;
    for (const s of attributedParties(u.passage, u.passage.kind === "paragraph" ? text : u.passage.text, analyzer, topic)) {
      const at = partyOrder.indexOf(s);
      if (at >= 0 && at < 32) bits |= 1 << at;
    }
    speakers[i] = bits;
  });
  return { flags, speakers };
}

/** Whether a unit is a bullet under a lead-in or a table row. */
export function isListItem(features: UnitFeatures, unit: number): boolean {
  return (features.flags[unit]! & LIST_ITEM) !== 0;
}

/** The hint multipliers of one query, ready to apply to packed features. */
export interface HintPlan {
  /** The largest factor any unit can get: an upper bound for pruning. */
  readonly max: number;
  /** The factor from the cheap hints (packed features only). */
  factor(unit: number): number;
  /** The extra factor a definition of the asked subject gets, or 1 when the query asks none. */
  readonly definitionBoost: number;
  /** Whether the unit defines the asked subject (a regular expression: test only when it matters). */
  defines(unit: number): boolean;
}

/**
 * Plans the question-type hints of a query: when → dated units, how much → units with the kind of
 * figure asked for, who → units naming someone, what is X → units defining X (`defines`), what
 * does a party say → units attributing a position to it (`askedParties` as a bitmask), a list →
 * bullets and table rows, a yes/no question → units that say where something stands, why → units
 * that give a reason, a quote → units that quote someone (`quoted`).
 */
export function planHints(
  features: UnitFeatures,
  hints: QuestionHints,
  defines: ((unit: number) => boolean) | null,
  askedParties: number,
  quoted: ((unit: number) => boolean) | null = null,
): HintPlan {
  const boost = RANKING.hintBoost;
  const max =
    (hints.when ? boost : 1) *
    (hints.amount ? boost : 1) *
    (hints.who ? RANKING.whoBoost : 1) *
    (defines ? boost : 1) *
    (askedParties ? RANKING.stanceBoost : 1) *
    (hints.list ? boost : 1) *
    (hints.yesNo ? RANKING.standingBoost : 1) *
    (hints.why ? boost : 1) *
    (hints.quote && quoted ? boost : 1);
  return {
    max,
    factor(u) {
      const f = features.flags[u]!;
      let factor = 1;
      if (hints.when && f & DATE) factor *= boost;
      if (hints.amount && f & FIGURE) {
        const fits = hints.amountKind === "money" ? f & MONEY : !(f & MONEY) || f & CAPACITY_TEXT;
        factor *= fits ? boost : Math.sqrt(boost);
      }
      if (hints.who && f & NAME) factor *= RANKING.whoBoost;
      if (askedParties && features.speakers[u]! & askedParties) factor *= RANKING.stanceBoost;
      if (hints.list && f & LIST_ITEM) factor *= boost;
      if (hints.yesNo && f & STANDING) factor *= RANKING.standingBoost;
      if (hints.why && f & CAUSE) factor *= boost;
      if (hints.quote && quoted?.(u)) factor *= boost;
      return factor;
    },
    definitionBoost: defines ? boost : 1,
    defines: (u) => defines?.(u) ?? false,
  };
}
