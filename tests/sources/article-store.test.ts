import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SUIT_ARTICLE } from "../support/articles.js";
import { documentIdOf, readStored, storedSeeds } from "../../src/sources/article-store.js";
import { tempSqliteStore } from "../support/stores.js";
import { createKnowledgeHolder } from "../../src/sources/holder.js";
import { loadKnowledge } from "../../src/sources/snapshot.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

const article = SUIT_ARTICLE;

async function tempStore() {
  const { store, dir } = await tempSqliteStore("dispute-articles-");
  return { store: store.articles, cache: join(dir, "cache"), close: () => store.close() };
}

describe("article store", () => {
  it("stores an article once per canonical URL, lists and removes it by document or URL", async () => {
    const { store, close } = await tempStore();
    const added = await store.add(article, new Date("2026-12-01T10:00:00Z"));
    expect(added).toMatchObject({ document: documentIdOf(article.url), url: article.url, addedVia: "url", addedAt: "2026-12-01T10:00:00.000Z" });
    expect(await store.add(article)).toBeNull();
    expect((await store.list()).map((a) => a.document)).toEqual([added!.document]);
    const before = await store.version();
    expect((await store.remove(article.url))?.document).toBe(added!.document);
    expect(await store.list()).toEqual([]);
    expect(await store.version()).not.toBe(before);
    expect(await store.remove(added!.document)).toBeNull();
    await close();
  });

  it("serves a stored article beside the seeds, cited with its outlet and date, from a build and from a snapshot", async () => {
    const { store, cache, close } = await tempStore();
    await store.add(article);
    let snapshot = await readStored(store);
    const stored = () => snapshot;
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

    await store.remove(article.url);
    snapshot = await readStored(store);
    const after = loadKnowledge(DEFAULT_SEEDS_DIR, cache, { stored });
    expect(after.from).toBe("build");
    expect(after.knowledge.sources().some((s) => s.document === documentIdOf(article.url))).toBe(false);
    await close();
  });

  it("adds a stored article to a running index in place, answerable at once", async () => {
    const { store, close } = await tempStore();
    const snapshot = await readStored(store);
    const holder = createKnowledgeHolder(DEFAULT_SEEDS_DIR, null, { stored: () => snapshot });
    const before = holder.current();
    expect(before.ask("has microsoft filed a lawsuit in seattle?").items[0]?.text ?? "").not.toContain("federal court in Seattle");
    await store.add(article);
    expect(holder.extend(storedSeeds(await store.list()))).toEqual([documentIdOf(article.url)]);
    const after = holder.current();
    expect(after.passageCount).toBeGreaterThan(before.passageCount);
    // first by words; where it is shown among the passages is the fitted reordering's call
    expect(after.retriever.rank("has microsoft filed a lawsuit in seattle?", 1, 2)[0]!.passage.text).toContain("federal court in Seattle");
    const answer = after.ask("has microsoft filed a lawsuit in seattle?");
    expect(answer.abstained).toBe(false);
    expect(answer.items.some((item) => item.text.includes("federal court in Seattle") && item.citation.outlet === "Example Wire")).toBe(true);
    expect(holder.extend(storedSeeds(await store.list()))).toEqual([]);
    await close();
  });
});
