import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentIdOf, openArticleStore, storedSeeds } from "../../src/sources/article-store.js";
import { createKnowledgeHolder } from "../../src/sources/holder.js";
import { loadKnowledge } from "../../src/sources/snapshot.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

const article = {
  url: "https://news.example.test/microsoft-sues",
  title: "Microsoft sues Amazon and OpenAI",
  outlet: "Example Wire",
  author: "A. Writer",
  published: "2026-12-01",
  text: "Microsoft sues Amazon and OpenAI\nMicrosoft filed a lawsuit against Amazon and OpenAI on Monday in a federal court in Seattle, claiming the Frontier deal breaches its exclusive cloud contract.\nThe companies said they would fight the suit.\n",
  addedVia: "url" as const,
  feed: null,
};

function tempStore() {
  const dir = mkdtempSync(join(tmpdir(), "dispute-articles-"));
  return { store: openArticleStore(join(dir, "bot.db")), cache: join(dir, "cache") };
}

describe("article store", () => {
  it("stores an article once per canonical URL, lists and removes it by document or URL", () => {
    const { store } = tempStore();
    const added = store.add(article, new Date("2026-12-01T10:00:00Z"));
    expect(added).toMatchObject({ document: documentIdOf(article.url), url: article.url, addedVia: "url", addedAt: "2026-12-01T10:00:00.000Z" });
    expect(store.add(article)).toBeNull();
    expect(store.list().map((a) => a.document)).toEqual([added!.document]);
    const before = store.version();
    expect(store.remove(article.url)?.document).toBe(added!.document);
    expect(store.list()).toEqual([]);
    expect(store.version()).not.toBe(before);
    expect(store.remove(added!.document)).toBeNull();
    store.close();
  });

  it("serves a stored article beside the seeds, cited with its outlet and date, from a build and from a snapshot", () => {
    const { store, cache } = tempStore();
    store.add(article);
    const stored = () => ({ seeds: storedSeeds(store.list()), version: store.version() });
    const built = loadKnowledge(DEFAULT_SEEDS_DIR, cache, { stored });
    const answer = built.knowledge.ask("has microsoft filed a lawsuit in seattle?");
    expect(answer.abstained).toBe(false);
    expect(answer.items[0]!.text).toContain("filed a lawsuit against Amazon and OpenAI on Monday");
    expect(answer.items[0]!.citation).toMatchObject({ outlet: "Example Wire", published: "2026-12-01", url: article.url });
    expect(built.knowledge.sources().find((s) => s.document === documentIdOf(article.url))).toMatchObject({ addedVia: "url", outlet: "Example Wire" });
    expect(built.knowledge.status().asOf).toBe("2026-12-01");

    const restored = loadKnowledge(DEFAULT_SEEDS_DIR, cache, { stored });
    expect(restored.from).toBe("snapshot");
    expect(restored.knowledge.ask("has microsoft filed a lawsuit in seattle?")).toEqual(answer);

    store.remove(article.url);
    const after = loadKnowledge(DEFAULT_SEEDS_DIR, cache, { stored });
    expect(after.from).toBe("build");
    expect(after.knowledge.sources().some((s) => s.document === documentIdOf(article.url))).toBe(false);
    store.close();
  });

  it("adds a stored article to a running index in place, answerable at once", () => {
    const { store } = tempStore();
    const holder = createKnowledgeHolder(DEFAULT_SEEDS_DIR, null, { stored: () => ({ seeds: storedSeeds(store.list()), version: store.version() }) });
    const before = holder.current();
    expect(before.ask("has microsoft filed a lawsuit in seattle?").items[0]?.text ?? "").not.toContain("federal court in Seattle");
    store.add(article);
    expect(holder.extend(storedSeeds(store.list()))).toEqual([documentIdOf(article.url)]);
    const after = holder.current();
    expect(after.passageCount).toBeGreaterThan(before.passageCount);
    expect(after.ask("has microsoft filed a lawsuit in seattle?").items[0]!.text).toContain("federal court in Seattle");
    expect(holder.extend(storedSeeds(store.list()))).toEqual([]);
    store.close();
  });
});
