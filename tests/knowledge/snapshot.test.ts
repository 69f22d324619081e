import { cpSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge, snapshotKey } from "../../src/sources/snapshot.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

function tempSeeds(): { seeds: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), "dispute-snapshot-"));
  const seeds = join(root, "seeds");
  cpSync(DEFAULT_SEEDS_DIR, seeds, { recursive: true });
  return { seeds, cache: join(root, "cache") };
}

describe("index snapshots", () => {
  it("builds once, then loads the snapshot with the same answers", () => {
    const { seeds, cache } = tempSeeds();
    const first = loadKnowledge(seeds, cache);
    expect(first.from).toBe("build");
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/^index-[0-9a-f]+\.bin$/)]);
    const second = loadKnowledge(seeds, cache);
    expect(second.from).toBe("snapshot");
    for (const q of ["Is there a lawsuit yet?", "how much is amazon investing", "what is the capital of france"]) {
      expect(second.knowledge.ask(q)).toEqual(first.knowledge.ask(q));
    }
    expect(second.knowledge.timeline()).toEqual(first.knowledge.timeline());
  });

  it("answers chat-style questions and claims from a snapshot exactly as from a build (the lexicon comes along)", () => {
    const { seeds, cache } = tempSeeds();
    const built = loadKnowledge(seeds, cache).knowledge;
    const restored = loadKnowledge(seeds, cache);
    expect(restored.from).toBe("snapshot");
    // words the index lacks are matched through the lexicon: "global" for "world", "argue" for "arguments"
    for (const q of ["who won the world cup", "list ms arguments", "wait so did msft actually sue??", "does statless mean the model remebers nothing between sesions"]) {
      expect(restored.knowledge.ask(q)).toEqual(built.ask(q));
    }
    expect(restored.knowledge.cite("amazon put 60 billion into openai")).toEqual(built.cite("amazon put 60 billion into openai"));
  });

  it("is keyed by the seeds: a changed or added article rebuilds it", () => {
    const { seeds, cache } = tempSeeds();
    const before = snapshotKey(seeds);
    loadKnowledge(seeds, cache);
    writeFileSync(join(seeds, "zzz_new.txt"), "Microsoft filed a lawsuit against Amazon and OpenAI on Monday in a federal court.\n");
    writeFileSync(join(seeds, "zzz_new.meta.json"), JSON.stringify({ title: "Suit filed", titleFrom: "text", outlet: "Example Wire", author: null, published: "2026-12-01", publishedAt: null, url: null }));
    expect(snapshotKey(seeds)).not.toBe(before);
    const after = loadKnowledge(seeds, cache);
    expect(after.from).toBe("build");
    expect(after.knowledge.corpus.documents.map((d) => d.id)).toContain("zzz_new");
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it("ignores an unreadable snapshot and rebuilds", () => {
    const { seeds, cache } = tempSeeds();
    const built = loadKnowledge(seeds, cache);
    writeFileSync(built.snapshotPath!, "not a snapshot");
    const again = loadKnowledge(seeds, cache);
    expect(again.from).toBe("build");
    expect(again.knowledge.ask("Is there a lawsuit yet?").abstained).toBe(false);
  });
});
