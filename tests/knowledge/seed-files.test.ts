import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus, SeedError } from "../../src/sources/seeds.js";
import { createKnowledgeHolder } from "../../src/sources/holder.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

const ARTICLE = "Microsoft filed a lawsuit against Amazon and OpenAI on Monday in a federal court in Seattle.\n";
const README_META = { title: "Suit filed", outlet: "Example Wire", author: "A. Writer", published: "2026-12-01", url: "https://example.test/suit" };

function copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "dispute-seedfiles-")), "seeds");
  cpSync(DEFAULT_SEEDS_DIR, dir, { recursive: true });
  return dir;
}

function addArticle(dir: string, id: string, text: string | Uint8Array, meta: Record<string, unknown> = README_META): void {
  writeFileSync(join(dir, `${id}.txt`), text);
  writeFileSync(join(dir, `${id}.meta.json`), JSON.stringify(meta));
}

function loadWithWarnings(dir: string, maxArticleBytes?: number) {
  const warnings: { file: string; reason: string }[] = [];
  const corpus = loadCorpus(dir, { ...(maxArticleBytes ? { maxArticleBytes } : {}), onSkipped: (file, reason) => warnings.push({ file, reason }) });
  return { ids: corpus.documents.map((d) => d.id), corpus, warnings };
}

describe("seed files", () => {
  it("serves an article whose metadata has only what the README lists (title, outlet, author, published, url)", () => {
    const dir = copy();
    addArticle(dir, "004_readme", ARTICLE);
    addArticle(dir, "005_title_only", ARTICLE, { title: "Only a title" });
    const { corpus, warnings } = loadWithWarnings(dir);
    expect(warnings).toEqual([]);
    expect(corpus.documents.find((d) => d.id === "004_readme")?.meta).toMatchObject({ ...README_META, titleFrom: "capture", publishedAt: null });
    expect(corpus.documents.find((d) => d.id === "005_title_only")?.meta).toMatchObject({ title: "Only a title", outlet: null, published: null, url: null });
  });

  it("refuses an article over the size limit with one warning naming the file", () => {
    const dir = copy();
    addArticle(dir, "004_big", `${"Microsoft and Amazon argue about the contract. ".repeat(50_000)}\n`);
    const { ids, warnings } = loadWithWarnings(dir, 1024 * 1024);
    expect(ids).not.toContain("004_big");
    expect(ids).toHaveLength(4);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.file).toMatch(/004_big\.txt$/);
    expect(warnings[0]!.reason).toMatch(/over the 1048576-byte limit \(MAX_ARTICLE_BYTES\)/);
  });

  it("refuses a 3 MB article at the default limit of 2 MiB", () => {
    const dir = copy();
    addArticle(dir, "004_big", "x ".repeat(1_500_000));
    const { ids, warnings } = loadWithWarnings(dir);
    expect(ids).not.toContain("004_big");
    expect(warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/2097152-byte limit/)]);
  });

  it.each([
    ["empty", new Uint8Array(0), /is empty/],
    ["blank", Buffer.from(" \n\n \t\n"), /is empty/],
    ["binary", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /NUL bytes/],
    ["Latin-1", Buffer.from("Microsoft’s café déjà vu — naïve", "latin1"), /not valid UTF-8/],
    ["UTF-16 with a byte-order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, "utf16le")]), /UTF-16/],
    ["UTF-16 without a byte-order mark", Buffer.from(ARTICLE, "utf16le"), /NUL bytes/],
  ])("skips a %s .txt with one warning naming the file", (_label, bytes, reason) => {
    const dir = copy();
    addArticle(dir, "004_bad", bytes);
    const { ids, warnings } = loadWithWarnings(dir);
    expect(ids).not.toContain("004_bad");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.file).toMatch(/004_bad\.txt$/);
    expect(warnings[0]!.reason).toMatch(reason);
  });

  it("accepts UTF-8 with a byte-order mark, without the mark", () => {
    const dir = copy();
    addArticle(dir, "004_bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]));
    const { corpus, warnings } = loadWithWarnings(dir);
    expect(warnings).toEqual([]);
    expect(corpus.documents.find((d) => d.id === "004_bom")?.raw.startsWith("Microsoft")).toBe(true);
  });

  it("keeps serving when a big article is dropped into a running bot, and names the file", () => {
    const dir = copy();
    const warnings: string[] = [];
    const holder = createKnowledgeHolder(dir, null, { onSkipped: (file) => warnings.push(file) });
    addArticle(dir, "004_huge", "y ".repeat(3 * 1024 * 1024));
    addArticle(dir, "005_fine", ARTICLE);
    const result = holder.reload();
    expect(result).toEqual({ ok: true, added: ["005_fine"] });
    expect(warnings).toEqual([expect.stringMatching(/004_huge\.txt$/)]);
  });

  it("skips an article with malformed metadata on reload, naming the file and the reason", () => {
    const dir = copy();
    const skipped: string[] = [];
    const holder = createKnowledgeHolder(dir, null, { onSkipped: (file, reason) => skipped.push(`${file}: ${reason}`) });
    addArticle(dir, "004_bad_meta", ARTICLE, { ...README_META, published: "1 December 2026" });
    addArticle(dir, "005_fine", ARTICLE);
    expect(holder.reload()).toEqual({ ok: true, added: ["005_fine"] });
    expect(skipped).toEqual([expect.stringMatching(/004_bad_meta\.meta\.json: published must be YYYY-MM-DD$/)]);
  });

  it("reports a failed reload with the file and the reason, and keeps serving the previous index", () => {
    const dir = copy();
    const holder = createKnowledgeHolder(dir, null);
    const before = holder.current();
    writeFileSync(join(dir, "topic.json"), JSON.stringify({ story: "x" }));
    const result = holder.reload();
    expect(result.ok).toBe(false);
    const error = (result as { error: Error }).error as SeedError;
    expect(error).toBeInstanceOf(SeedError);
    expect(error.file).toMatch(/topic\.json$/);
    expect(error.reason).toMatch(/parties/);
    expect(holder.current()).toBe(before);
  });
});
