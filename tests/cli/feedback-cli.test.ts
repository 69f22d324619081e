import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/main.js";
import { openStore } from "../../src/db/open-store.js";
import { runFeedbackCli } from "../support/cli-feedback.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("cli feedback report", () => {
  it("prints the votes as JSON and as text, and refuses bad input with one line and exit 2", async () => {
    const settings = { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "dispute-feedback-")), "bot.db") };
    const store = await openStore(settings);
    try {
      const at = new Date("2026-03-10T09:00:00Z");
      await store.conversations.rememberAnswer("k1", { platform: "slack", channel: "C1", question: "is there a lawsuit?", passages: ["doc_a#3", "doc_a#4"], verdict: null }, at);
      await store.conversations.recordVote("k1", "hash-1", "down", at);
    } finally {
      await store.close();
    }

    // a real process, as an operator runs it
    const env = { ...process.env, DATABASE_PATH: settings.DATABASE_PATH, DATABASE_URL: "", INDEX_CACHE_DIR: "off", LOG_LEVEL: "silent" };
    const json = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "feedback", "report", "--json"], { cwd: root, encoding: "utf8", env });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ total: { up: 0, down: 1 }, questions: [{ question: "is there a lawsuit?", up: 0, down: 1, passages: ["doc_a#3", "doc_a#4"] }] });
    const refused = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "feedback", "report", "--since", "2026-13-01"], { cwd: root, encoding: "utf8", env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("error: --since “2026-13-01” is not a date; use YYYY-MM-DD, e.g. 2026-03-01\n");
    expect(refused.stdout).toBe("");

    const text = (await runFeedbackCli(settings, ["report", "--since", "2026-03-01"])).join("\n");
    expect(text).toContain("👎 1 not helpful since 2026-03-01");
    expect(text).toContain("“is there a lawsuit?”");
    expect((await runFeedbackCli(settings, ["report", "--since=2026-03-11"])).join("\n")).toContain("No votes since 2026-03-11");
    for (const bad of [["report", "--since", "yesterday"], ["report", "--since"], ["report", "--until", "2026-01-01"], ["summary"]]) {
      await expect(runFeedbackCli(settings, bad)).rejects.toThrow(UsageError);
    }
  }, 60_000);
});
