import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Topic } from "../../../src/knowledge/types.js";
import { aboutTheStory } from "../../../src/sources/web/relevance.js";

const seeds = new URL("../../../seeds/", import.meta.url);
const topic = JSON.parse(readFileSync(new URL("topic.json", seeds), "utf8")) as Topic;

describe("aboutTheStory", () => {
  it("finds every seed article relevant", () => {
    const files = readdirSync(seeds).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const result = aboutTheStory(readFileSync(new URL(file, seeds), "utf8"), topic);
      expect(result.relevant, `${file}: ${result.reason}`).toBe(true);
      expect(result.score).toBeGreaterThan(0.7);
    }
  });

  it("counts parties and terms by their aliases, overlapping names once", () => {
    const text =
      "Redmond is angry. Microsoft says OpenAI's deal with Amazon Web Services breaks the Joint Collaboration Agreement; AWS disagrees and the SRE runs on Bedrock.";
    const result = aboutTheStory(text, topic);
    expect(result.parties).toEqual({ microsoft: 2, openai: 1, amazon: 2 });
    expect(result.terms).toEqual({ sre: 1, bedrock: 1, jca: 1 });
    expect(result.relevant).toBe(true);
    expect(result.reason).toBe(
      "names Microsoft (2), OpenAI (1) and Amazon (2) and the terms Stateful Runtime Environment, Bedrock and Joint Collaboration Agreement",
    );
  });

  it("matches acronyms in capitals only", () => {
    const result = aboutTheStory("Latency fell to 5 ms on aws regions, the sre team said; Amazon and Microsoft agreed.", topic);
    expect(result.parties).toEqual({ microsoft: 1, amazon: 1 });
    expect(result.terms).toEqual({});
  });

  it("does not count outlets as story terms", () => {
    const result = aboutTheStory("Microsoft and Amazon told Reuters and the Financial Times that Microsoft is fine.", topic);
    expect(result.terms).toEqual({ press: 2 });
    const outletsOnly = aboutTheStory("Microsoft, Amazon and OpenAI spoke to the FT.", topic);
    expect(outletsOnly.terms).toEqual({});
    expect(outletsOnly.relevant).toBe(false);
  });

  it("turns down an article about one party, and says why", () => {
    const result = aboutTheStory("Microsoft reported higher quarterly revenue as Azure grew 40%. Microsoft shares rose.", topic);
    expect(result.relevant).toBe(false);
    expect(result.reason).toBe("names Microsoft (2) and the term Azure; needs at least 2 parties");
  });

  it("turns down a round-up that names two parties in passing", () => {
    const result = aboutTheStory(
      "Tech stocks: Microsoft rose 2% and Amazon fell 1% after a court in Delaware ruled on an unrelated patent case.",
      topic,
    );
    expect(result.relevant).toBe(false);
    expect(result.reason).toMatch(/needs 3 party mentions$/);
  });

  it("turns down two parties without a story term", () => {
    const result = aboutTheStory("Microsoft and OpenAI held a joint event. Microsoft showed a new laptop and OpenAI a new voice.", topic);
    expect(result.relevant).toBe(false);
    expect(result.reason).toMatch(/none of the story's terms; needs at least 1 story term$/);
  });

  it("scores from 0 to 1", () => {
    expect(aboutTheStory("", topic)).toMatchObject({ relevant: false, score: 0, parties: {}, terms: {} });
    expect(aboutTheStory("nothing here", topic).reason).toBe("names none of the parties and none of the story's terms; needs at least 2 parties and at least 1 story term");
  });
});
