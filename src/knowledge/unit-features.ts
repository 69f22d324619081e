import type { QuestionHints } from "./question.js";
import { RANKING } from "./ranking.js";
import type { AnswerUnit } from "./units.js";

const DATE = 1;
const FIGURE = 2;
const MONEY = 4;
const NAME = 8;
const CAPACITY_TEXT = 16;

/** Per-unit hint features packed into typed arrays, so ranking touches no objects. */
export interface UnitFeatures {
  readonly flags: Uint8Array;
  /** Bit i set: the unit attributes a position to party i (topic order). */
  readonly speakers: Uint32Array;
}

/** Packs the hint features of units. */
export function packFeatures(units: readonly AnswerUnit[], partyOrder: readonly string[]): UnitFeatures {
  const flags = new Uint8Array(units.length);
  const speakers = new Uint32Array(units.length);
  units.forEach((u, i) => {
    flags[i] = (u.hasDate ? DATE : 0) | (u.hasFigure ? FIGURE : 0) | (u.hasMoney ? MONEY : 0) | (u.hasName ? NAME : 0) | (/gigawatt|GW/.test(u.text) ? CAPACITY_TEXT : 0);
    let bits = 0;
    for (const s of u.speakers) {
      const at = partyOrder.indexOf(s);
      if (at >= 0 && at < 32) bits |= 1 << at;
    }
    speakers[i] = bits;
  });
  return { flags, speakers };
}

/** The hint multipliers of one query, ready to apply to packed features. */
export interface HintPlan {
  /** The largest factor any unit can get: an upper bound for pruning. */
  readonly max: number;
  factor(unit: number): number;
}

/**
 * Plans the question-type hints of a query: when → dated units, how much → units with the kind of
 * figure asked for, who → units naming someone, what is X → units defining X (`defines`), what
 * does a party say → units attributing a position to it (`askedParties` as a bitmask).
 */
export function planHints(features: UnitFeatures, hints: QuestionHints, defines: ((unit: number) => boolean) | null, askedParties: number): HintPlan {
  const boost = RANKING.hintBoost;
  const max =
    (hints.when ? boost : 1) * (hints.amount ? boost : 1) * (hints.who ? RANKING.whoBoost : 1) * (defines ? boost : 1) * (askedParties ? boost : 1);
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
      if (askedParties && features.speakers[u]! & askedParties) factor *= boost;
      if (defines?.(u)) factor *= boost;
      return factor;
    },
  };
}
