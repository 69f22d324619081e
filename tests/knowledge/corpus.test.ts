import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus, SeedError } from "../../src/sources/seeds.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

function copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "dispute-corpus-")), "seeds");
  cpSync(DEFAULT_SEEDS_DIR, dir, { recursive: true });
  return dir;
}

describe("loading seeds", () => {
  it("reads every article with its metadata", () => {
    const corpus = loadCorpus(DEFAULT_SEEDS_DIR);
    expect(corpus.documents.map((d) => d.meta.title)).toContain("OpenAI's $50B Amazon Deal Sparks Legal Threat from Microsoft");
    expect(corpus.documents.find((d) => d.meta.outlet === "Neowin")?.meta.published).toBe("2026-03-19");
    expect(corpus.topic.parties.map((p) => p.name)).toEqual(["Microsoft", "OpenAI", "Amazon"]);
  });

  it("picks up a new article dropped into the folder, with no code change", () => {
    const dir = copy();
    writeFileSync(join(dir, "004_new.txt"), "Microsoft filed a lawsuit against Amazon and OpenAI on Monday in a federal court in Seattle.\n");
    writeFileSync(join(dir, "004_new.meta.json"), JSON.stringify({ title: "Suit filed", titleFrom: "text", outlet: "Example Wire", author: null, published: "2026-12-01", publishedAt: null, url: "https://example.test/suit" }));
    const corpus = loadCorpus(dir);
    expect(corpus.documents.map((d) => d.id)).toContain("004_new");
  });

  it("skips an article with malformed metadata, naming the file and field, and serves the rest", () => {
    const dir = copy();
    writeFileSync(join(dir, "000_598b52fffe793390.meta.json"), JSON.stringify({ title: "x", titleFrom: "capture", outlet: null, author: null, published: "19 March 2026", publishedAt: null, url: null }));
    const skipped: string[] = [];
    const corpus = loadCorpus(dir, { onSkipped: (file, reason) => skipped.push(`${file}: ${reason}`) });
    expect(skipped).toEqual([expect.stringMatching(/000_598b52fffe793390\.meta\.json: published must be YYYY-MM-DD$/)]);
    expect(corpus.documents.map((d) => d.id)).toEqual(["001_95726b0dba58b25f", "002_fe4c9072057f4f2d", "003_1c2bf20c0f6f61d5"]);
  });

  it("stops on a malformed topic file, naming it", () => {
    const dir = copy();
    writeFileSync(join(dir, "topic.json"), "{ not json");
    expect(() => loadCorpus(dir)).toThrow(SeedError);
    expect(() => loadCorpus(dir)).toThrow(/topic\.json: /);
  });

  it("serves an article without metadata, titled by its first line, outlet and date unknown", () => {
    const dir = copy();
    rmSync(join(dir, "001_95726b0dba58b25f.meta.json"));
    const doc = loadCorpus(dir).documents.find((d) => d.id === "001_95726b0dba58b25f")!;
    expect(doc.meta).toMatchObject({ titleFrom: "text", outlet: null, author: null, published: null, url: null });
    expect(doc.meta.title.length).toBeGreaterThan(0);
    expect(doc.raw.trimStart().startsWith(doc.meta.title)).toBe(true);
    expect(doc.passages.length).toBeGreaterThan(0);
  });
});
