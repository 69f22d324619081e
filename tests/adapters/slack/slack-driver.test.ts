import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDispatcher } from "../../support/knowledge.js";
import { slackDriver } from "../slack-driver.js";

/** The contract suite runs the full set; this checks the driver itself works. */
describe("slack driver", () => {
  const driver = slackDriver();
  beforeAll(async () => {
    await driver.start(seedDispatcher());
  });
  afterAll(async () => {
    await driver.stop();
  });

  it("returns what the user sees as plain text", async () => {
    const text = await driver.command("ask How much did Amazon commit to invest in OpenAI?");
    expect(text).toContain("$50 billion");
    expect(text).toMatch(/¶\d+/);
    expect(text).not.toMatch(/&(amp|lt|gt);/);
  });

  it("runs Find sources", async () => {
    expect(await driver.findSources("Amazon is investing $50 billion in OpenAI")).toMatch(/¶\d+/);
  });
});
