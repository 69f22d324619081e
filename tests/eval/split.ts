/**
 * Splits the chat-style sets written from the articles (written-a.json to written-z.json, then written-aa.json to written-aj.json) once into
 * a tuning part (about 70%) and a held-out part (about 30%), by a hash of each text, so the split
 * never changes: `npx tsx tests/eval/split.ts`. Tune on chat-tune.json only; chat-heldout.json
 * is for judging. Each item keeps its writer (`writer`: "ai" for written-ai.json).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

interface Written {
  questions: { q: string }[];
  outOfScope: { q: string }[];
  claims: { claim: string }[];
}

const dir = new URL("./", import.meta.url);
const files = ["written-a.json", "written-b.json", "written-c.json", "written-d.json", "written-e.json", "written-f.json", "written-g.json", "written-h.json", "written-i.json", "written-j.json", "written-k.json", "written-l.json", "written-m.json", "written-n.json", "written-o.json", "written-p.json", "written-q.json", "written-r.json", "written-s.json", "written-t.json", "written-u.json", "written-v.json", "written-w.json", "written-x.json", "written-y.json", "written-z.json", "written-aa.json", "written-ab.json", "written-ac.json", "written-ad.json", "written-ae.json", "written-af.json", "written-ag.json", "written-ah.json", "written-ai.json", "written-aj.json"];
// each item keeps its writer ("ai" for written-ai.json), so fitting can leave whole writers out
const sets = files.map((f) => {
  const writer = /^written-(\w+)\.json$/.exec(f)![1]!;
  const set = JSON.parse(readFileSync(new URL(f, dir), "utf8")) as Written;
  const mark = <T extends object>(items: T[]): (T & { writer: string })[] => items.map((x) => ({ ...x, writer }));
  return { questions: mark(set.questions), outOfScope: mark(set.outOfScope), claims: mark(set.claims) };
});
const heldOut = (text: string): boolean => createHash("sha256").update(text).digest()[0]! < 0.3 * 256;
const part = (held: boolean): Written => ({
  questions: sets.flatMap((s) => s.questions).filter((x) => heldOut(x.q) === held),
  outOfScope: sets.flatMap((s) => s.outOfScope).filter((x) => heldOut(x.q) === held),
  claims: sets.flatMap((s) => s.claims).filter((x) => heldOut(x.claim) === held),
});
const about = (name: string): string =>
  `${name} of the chat-style questions written from the articles alone by writers who never saw the ranker (written-a.json to written-z.json, then written-aa.json to written-aj.json), split once by a hash of each text (tests/eval/split.ts).`;
for (const [file, held] of [["chat-tune.json", false], ["chat-heldout.json", true]] as const) {
  const data = part(held);
  writeFileSync(new URL(file, dir), `${JSON.stringify({ about: about(held ? "The held-out part (about 30%)" : "The tuning part (about 70%)"), ...data }, null, 2)}\n`);
  console.log(`${file}: ${data.questions.length} questions, ${data.outOfScope.length} out of scope, ${data.claims.length} claims`);
}
