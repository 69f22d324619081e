import { existsSync } from "node:fs";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createRuntime } from "../src/runtime.js";
import { ENGINES, useEngine } from "./support/engines.js";

describe.each(ENGINES)("a running bot and the article store on %s", (engine) => {
  const harness = useEngine(engine);

  it("answers from an article another process stored, after its periodic check", async () => {
    const { DATABASE_PATH, DATABASE_URL } = harness.settings();
    const config = loadConfig({ DATABASE_PATH, ...(DATABASE_URL ? { DATABASE_URL } : {}), INDEX_CACHE_DIR: "off", LOG_LEVEL: "silent" }, null);
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let printed = "";
    stdout.on("data", (chunk: Buffer) => (printed += chunk.toString("utf8")));
    const runtime = await createRuntime(config, { stdin, stdout });

    // another process (the CLI, a replica) adds an article to the shared database
    const other = await harness.open();
    await other.articles.add({
      url: "https://wire.example.test/suit",
      title: "Microsoft sues Amazon and OpenAI",
      outlet: "Example Wire",
      author: null,
      published: "2026-12-01",
      text: "Microsoft sues Amazon and OpenAI\nMicrosoft filed a lawsuit against Amazon and OpenAI on Monday in a federal court in Seattle over the Frontier deal.\n",
      addedVia: "url",
      feed: null,
    });
    await runtime.syncSources();

    const running = runtime.start();
    stdin.end("ask did microsoft file a lawsuit in seattle\nsources\n");
    await running;
    await runtime.stop();
    expect(printed).toContain("federal court in Seattle");
    expect(printed).toContain("Example Wire, 2026-12-01");
    expect(printed).toMatch(/Added by URL on \d{4}-\d{2}-\d{2}/);
    // with DATABASE_URL nothing is written to DATABASE_PATH
    expect(existsSync(DATABASE_PATH)).toBe(engine === "sqlite");
  }, 60_000);
});
