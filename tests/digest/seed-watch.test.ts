import { afterEach, describe, expect, it } from "vitest";
import { watchSeeds } from "../../src/digest/seed-watch.js";
import { addArticle, captureLogger, NEW_ARTICLE_ID, NEW_ARTICLE_TITLE, replyText } from "./helpers.js";
import { digestWorld, type DigestWorld } from "./runner-setup.js";

let world: DigestWorld;
afterEach(() => world?.cleanup());

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("seeds watcher", () => {
  it("reloads once files settle, and the dropped article is new in the next digest", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "changes", "2026-03-19T00:00:00Z");
    const results: unknown[] = [];
    const watcher = watchSeeds({ dir: world.seedsDir, debounceMs: 150, log: captureLogger().log, reload: () => results.push(world.holder.reload()) });
    try {
      addArticle(world.seedsDir);
      await until(() => world.holder.current().corpus.documents.some((d) => d.id === NEW_ARTICLE_ID));
      expect(results).toContainEqual({ ok: true, added: [NEW_ARTICLE_ID] });
    } finally {
      watcher.close();
    }
    const report = await world.runner.tick(new Date("2026-03-20T08:00:00Z"));
    expect(report.sent).toHaveLength(1);
    expect(replyText(report.sent[0]!.reply)).toContain(NEW_ARTICLE_TITLE);
  });

  it("logs a failing reload instead of throwing, and stops after close", async () => {
    world = await digestWorld();
    const captured = captureLogger();
    let calls = 0;
    const watcher = watchSeeds({
      dir: world.seedsDir,
      debounceMs: 50,
      log: captured.log,
      reload: () => {
        calls++;
        throw new Error("broken seed");
      },
    });
    addArticle(world.seedsDir, "901_other", "Other");
    await until(() => calls > 0);
    expect(captured.lines().some((l) => l.msg === "seeds reload failed")).toBe(true);
    watcher.close();
    const seen = calls;
    addArticle(world.seedsDir, "902_other", "Other again");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls).toBe(seen);
  });
});
