/**
 * `npm run eval`: answers the evaluation questions and prints top-1, top-3, abstentions and
 * whether every item is verbatim and cited. Exits 1 below the floors (top-3 all, abstain all).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { loadCorpus } from "../knowledge/corpus.js";
import { createKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import type { Answer } from "../knowledge/types.js";
import { DEFAULT_SEEDS_DIR } from "../paths.js";

const questionsSchema = z.object({
  questions: z.array(z.object({ q: z.string(), expect: z.array(z.string()).min(1) })),
  outOfScope: z.array(z.string()),
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
  readonly outOfScope: number;
  readonly abstained: number;
  readonly items: number;
  readonly verbatimCited: number;
  readonly misses: readonly { q: string; got: string[] }[];
  readonly falseAnswers: readonly string[];
}

/** Runs the questions file against a knowledge base. */
export function evaluate(knowledge: Knowledge, questionsJson: unknown): EvalResult {
  const { questions, outOfScope } = questionsSchema.parse(questionsJson);
  const raw = new Map(knowledge.corpus.documents.map((d) => [d.id, d.raw]));
  let top1 = 0;
  let top3 = 0;
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
  for (const { q, expect } of questions) {
    const answer = knowledge.ask(q);
    check(answer);
    const hit = (i: number): boolean => answer.items.slice(0, i).some((item) => expect.some((e) => fold(item.text).includes(fold(e))));
    if (hit(1)) top1++;
    if (hit(3)) top3++;
    else misses.push({ q, got: answer.items.map((i) => i.text.slice(0, 100)) });
  }
  const falseAnswers: string[] = [];
  let abstained = 0;
  for (const q of outOfScope) {
    const answer = knowledge.ask(q);
    check(answer);
    if (answer.abstained && answer.items.length === 0) abstained++;
    else falseAnswers.push(q);
  }
  return { total: questions.length, top1, top3, outOfScope: outOfScope.length, abstained, items, verbatimCited, misses, falseAnswers };
}

const DEFAULT_QUESTIONS = fileURLToPath(new URL("../../tests/eval/questions.json", import.meta.url));

function main(): void {
  const file = process.argv[2] ?? DEFAULT_QUESTIONS;
  const knowledge = createKnowledge(loadCorpus(process.env.SEEDS_DIR || DEFAULT_SEEDS_DIR));
  const r = evaluate(knowledge, JSON.parse(readFileSync(file, "utf8")));
  for (const m of r.misses) console.log(`miss: ${m.q}\n      got: ${m.got.join(" | ") || "(nothing)"}`);
  for (const q of r.falseAnswers) console.log(`answered out-of-scope: ${q}`);
  const pct = (n: number, d: number): string => (d === 0 ? "n/a" : `${Math.round((100 * n) / d)}%`);
  console.log(`top-1: ${r.top1}/${r.total} (${pct(r.top1, r.total)})`);
  console.log(`top-3: ${r.top3}/${r.total} (${pct(r.top3, r.total)})`);
  console.log(`abstain: ${r.abstained}/${r.outOfScope} (${pct(r.abstained, r.outOfScope)})`);
  console.log(`verbatim and cited: ${r.verbatimCited}/${r.items} items (${pct(r.verbatimCited, r.items)})`);
  const ok = r.top3 === r.total && r.abstained === r.outOfScope && r.verbatimCited === r.items;
  if (!ok) {
    console.log("FAIL: below the floor (top-3 all, abstain all, every item verbatim and cited)");
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
