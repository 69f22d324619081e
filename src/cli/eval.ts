/**
 * `npm run eval [file …]`: answers the evaluation sets and prints, per set, top-1 and top-3, how
 * often in-scope questions were answered, abstentions on out-of-scope questions, precision and
 * recall of answering, claim evidence and verdicts, and whether every item is verbatim and cited.
 * With no file it runs every set in tests/eval; it exits 1 when the public set
 * (questions.json) falls below its floors (top-3 all, abstain all, every item verbatim and cited).
 */
import { readFileSync } from "node:fs";
import { basename, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { loadCorpus } from "../sources/seeds.js";
import { createKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import type { Answer } from "../knowledge/types.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../paths.js";

const questionsSchema = z.object({
  questions: z.array(z.object({ q: z.string(), expect: z.array(z.string()).min(1) })),
  outOfScope: z.array(z.union([z.string(), z.object({ q: z.string() })])),
  claims: z.array(z.object({ claim: z.string(), label: z.enum(["supported", "contradicted"]), expect: z.array(z.string()).min(1) })).default([]),
});

/** Folds white space and case the way the questions file says answers are compared. */
export function fold(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/** True when every fragment of an item (split at "…") stands in the seed, white space folded. */
export function isVerbatim(itemText: string, seedRaw: string): boolean {
  const seed = seedRaw.replace(/[\s\u00a0]+/g, " ");
  return itemText
    .split("…")
    .map((f) => f.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((f) => f.length > 0)
    .every((f) => seed.includes(f));
}

/** Results of one evaluation run. */
export interface EvalResult {
  readonly total: number;
  readonly top1: number;
  readonly top3: number;
  /** In-scope questions answered (not abstained). */
  readonly answered: number;
  /** In-scope questions answered with confidence "high". */
  readonly confident: number;
  readonly outOfScope: number;
  readonly abstained: number;
  readonly items: number;
  readonly verbatimCited: number;
  readonly claims: number;
  /** Claims whose evidence phrase is in the top 3 items. */
  readonly claimEvidence: number;
  readonly verdictsRight: number;
  /** Contradicted claims called "supported": must be 0. */
  readonly falseSupported: number;
  readonly misses: readonly { q: string; got: string[] }[];
  readonly falseAnswers: readonly string[];
  readonly wrongVerdicts: readonly { claim: string; label: string; verdict: string; reason: string }[];
}

/** Precision and recall of the decision to answer: in-scope answered vs out-of-scope answered. */
export function answeringFigures(r: EvalResult): { precision: number; recall: number } {
  const falseAnswered = r.outOfScope - r.abstained;
  const precision = r.answered + falseAnswered === 0 ? 1 : r.answered / (r.answered + falseAnswered);
  return { precision, recall: r.total === 0 ? 1 : r.answered / r.total };
}

/** Runs a questions file against a knowledge base. */
export function evaluate(knowledge: Knowledge, questionsJson: unknown): EvalResult {
  const { questions, outOfScope, claims } = questionsSchema.parse(questionsJson);
  const raw = new Map(knowledge.corpus.documents.map((d) => [d.id, d.raw]));
  let top1 = 0;
  let top3 = 0;
  let answered = 0;
  let confident = 0;
  let items = 0;
  let verbatimCited = 0;
  const misses: { q: string; got: string[] }[] = [];
  const check = (answer: Answer): void => {
    for (const item of answer.items) {
      items++;
      const c = item.citation;
      if (raw.has(c.document) && c.title && c.paragraph > 0 && isVerbatim(item.text, raw.get(c.document)!)) verbatimCited++;
    }
  };
  const hits = (answer: Answer, expect: readonly string[], n: number): boolean =>
    answer.items.slice(0, n).some((item) => expect.some((e) => fold(item.text).includes(fold(e))));
  for (const { q, expect } of questions) {
    const answer = knowledge.ask(q);
    check(answer);
    if (!answer.abstained) answered++;
    if (answer.confidence === "high") confident++;
    if (hits(answer, expect, 1)) top1++;
    if (hits(answer, expect, 3)) top3++;
    else misses.push({ q, got: answer.items.map((i) => i.text.slice(0, 100)) });
  }
  const falseAnswers: string[] = [];
  let abstained = 0;
  for (const entry of outOfScope) {
    const q = typeof entry === "string" ? entry : entry.q;
    const answer = knowledge.ask(q);
    check(answer);
    if (answer.abstained && answer.items.length === 0) abstained++;
    else falseAnswers.push(q);
  }
  let claimEvidence = 0;
  let verdictsRight = 0;
  let falseSupported = 0;
  const wrongVerdicts: { claim: string; label: string; verdict: string; reason: string }[] = [];
  for (const { claim, label, expect } of claims) {
    const result = knowledge.cite(claim);
    check(result);
    if (hits(result, expect, 3)) claimEvidence++;
    if (result.verdict === label) verdictsRight++;
    else wrongVerdicts.push({ claim, label, verdict: result.verdict, reason: result.reason });
    if (label === "contradicted" && result.verdict === "supported") falseSupported++;
  }
  return {
    total: questions.length,
    top1,
    top3,
    answered,
    confident,
    outOfScope: outOfScope.length,
    abstained,
    items,
    verbatimCited,
    claims: claims.length,
    claimEvidence,
    verdictsRight,
    falseSupported,
    misses,
    falseAnswers,
    wrongVerdicts,
  };
}

const EVAL_DIR = `${join(PROJECT_ROOT, "tests", "eval")}${sep}`;
/** The sets `npm run eval` runs by default: the public set, the project's chat set, and the tuning and held-out parts. */
export const DEFAULT_SETS = ["questions.json", "chat-questions.json", "chat-tune.json", "chat-heldout.json"].map((f) => `${EVAL_DIR}${f}`);

const pct = (n: number, d: number): string => (d === 0 ? "n/a" : `${Math.round((100 * n) / d)}%`);

/** The printed report of one set. */
export function formatResult(name: string, r: EvalResult, verbose: boolean): string[] {
  const lines: string[] = [];
  if (verbose) {
    for (const m of r.misses) lines.push(`miss: ${m.q}\n      got: ${m.got.join(" | ") || "(nothing)"}`);
    for (const q of r.falseAnswers) lines.push(`answered out-of-scope: ${q}`);
    for (const w of r.wrongVerdicts) lines.push(`verdict: ${w.claim} → ${w.verdict} (expected ${w.label}): ${w.reason}`);
  }
  const { precision, recall } = answeringFigures(r);
  lines.push(`== ${name} ==`);
  lines.push(`top-1: ${r.top1}/${r.total} (${pct(r.top1, r.total)})   top-3: ${r.top3}/${r.total} (${pct(r.top3, r.total)})`);
  lines.push(`answered: ${r.answered}/${r.total} in scope (${r.confident} with high confidence); abstain: ${r.abstained}/${r.outOfScope} out of scope (${pct(r.abstained, r.outOfScope)})`);
  lines.push(`answering: precision ${pct(precision * 1000, 1000)}, recall ${pct(recall * 1000, 1000)}`);
  if (r.claims > 0) {
    lines.push(`claims: evidence in top 3 ${r.claimEvidence}/${r.claims}, verdicts right ${r.verdictsRight}/${r.claims} (${pct(r.verdictsRight, r.claims)}), false claims called supported: ${r.falseSupported}`);
  }
  lines.push(`verbatim and cited: ${r.verbatimCited}/${r.items} items (${pct(r.verbatimCited, r.items)})`);
  return lines;
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose") || args.includes("-v");
  const files = args.filter((a) => !a.startsWith("-"));
  const knowledge = createKnowledge(loadCorpus(process.env.SEEDS_DIR || DEFAULT_SEEDS_DIR));
  let ok = true;
  for (const file of files.length > 0 ? files : DEFAULT_SETS) {
    const r = evaluate(knowledge, JSON.parse(readFileSync(file, "utf8")));
    console.log(formatResult(basename(file), r, verbose || files.length > 0).join("\n"));
    if (basename(file) === "questions.json" && !(r.top3 === r.total && r.abstained === r.outOfScope && r.verbatimCited === r.items)) {
      console.log("FAIL: below the floor (top-3 all, abstain all, every item verbatim and cited)");
      ok = false;
    }
  }
  if (!ok) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
