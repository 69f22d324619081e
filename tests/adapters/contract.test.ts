import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDispatcher } from "../support/knowledge.js";
import { consoleDriver } from "./console-driver.js";
import { discordDriver } from "./discord-driver.js";
import { discordHttpDriver } from "./discord-http-driver.js";
import { slackDriver } from "./slack-driver.js";
import type { AdapterDriver } from "./driver.js";

/**
 * The adapter contract: the same user inputs give the same facts on every platform.
 * Each adapter contributes a driver; the expectations below are shared.
 */
const drivers: (() => AdapterDriver)[] = [consoleDriver, slackDriver, discordDriver, discordHttpDriver];

for (const makeDriver of drivers) {
  const driver = makeDriver();
  describe(`adapter contract: ${driver.name}`, () => {
    beforeAll(async () => {
      await driver.start(seedDispatcher());
    });
    afterAll(async () => {
      await driver.stop();
    });

    it("answers a question with a verbatim, cited passage", async () => {
      const text = await driver.command("ask How much did Amazon commit to invest in OpenAI?");
      expect(text).toContain("$50 billion");
      expect(text).toMatch(/¶\d+/);
    });

    it("says plainly when the sources do not answer", async () => {
      const text = await driver.command("ask What is the capital of France?");
      expect(text).toMatch(/not in my sources/i);
      expect(text).not.toMatch(/¶\d+/);
    });

    it("shows each party's positions, attributed", async () => {
      const text = await driver.command("positions openai");
      expect(text).toContain("OpenAI");
      expect(text).toContain("backdoor access");
    });

    it("gives the status as of the newest source", async () => {
      expect(await driver.command("status")).toContain("2026-03-19");
    });

    it("lists the timeline in order", async () => {
      const text = await driver.command("timeline");
      expect(text.indexOf("2019")).toBeGreaterThanOrEqual(0);
      expect(text.indexOf("2019")).toBeLessThan(text.indexOf("February 27, 2026"));
    });

    it("lists its sources", async () => {
      expect(await driver.command("sources")).toContain("Neowin");
    });

    it("answers an unknown subcommand with help", async () => {
      expect(await driver.command("frobnicate")).toMatch(/ask <question>/);
    });

    it("answers an empty question with usage", async () => {
      expect(await driver.command("ask")).toMatch(/usage/i);
    });

    it("refuses a question over 500 characters", async () => {
      expect(await driver.command(`ask ${"why ".repeat(200)}`)).toMatch(/too long/i);
    });

    it("gives a claim's verdict before its evidence", async () => {
      const text = await driver.command("cite Amazon is investing $60 billion in OpenAI");
      const verdict = text.search(/Contradicted/);
      expect(verdict).toBeGreaterThanOrEqual(0);
      expect(text).toMatch(/\$50 billion, not \$60 billion/);
      expect(verdict).toBeLessThan(text.search(/¶\d+/));
    });

    it("gives a message's verdict from Find sources too", async () => {
      const text = await driver.findSources("Amazon is investing $60 billion in OpenAI");
      expect(text.search(/Contradicted/)).toBeGreaterThanOrEqual(0);
      expect(text.search(/Contradicted/)).toBeLessThan(text.search(/¶\d+/));
    });

    it.skipIf(driver.mention === undefined)("answers a mention: a question with a cited passage, a command typed after it as the command", async () => {
      const answer = await driver.mention!("How much did Amazon commit to invest in OpenAI?");
      expect(answer).toContain("$50 billion");
      expect(answer).toMatch(/¶\d+/);
      expect(await driver.mention!("status")).toContain("2026-03-19");
      expect(await driver.mention!("")).toMatch(/ask <question>/);
    });

    it("finds sources for a message", async () => {
      const text = await driver.findSources("Microsoft says they will sue if Amazon and OpenAI breach the contract");
      expect(text).toMatch(/sue|breach/i);
      expect(text).toMatch(/¶\d+/);
    });
  });
}
