import { describe, expect, it } from "vitest";
import { SYNONYM_GROUPS } from "../../src/knowledge/lexicon.js";
import { createAnalyzer, normalizeText } from "../../src/knowledge/analyze.js";
import { seedKnowledge } from "../support/knowledge.js";

const analyzer = createAnalyzer(seedKnowledge().corpus.topic);

describe("number normalisation", () => {
  it("treats $50B, $50 billion, 50 billion and 50bn as one term", () => {
    const forms = ["$50B", "$50 billion", "50 billion", "50bn", "US$50 billion"].map((f) => analyzer.terms(f));
    for (const terms of forms) expect(terms).toContain("50b");
  });

  it("normalises gigawatts and thousands separators", () => {
    expect(analyzer.terms("2 gigawatts")).toContain("2gw");
    expect(analyzer.terms("2GW")).toContain("2gw");
    expect(normalizeText("5,800 posts")).toContain("5800");
  });

  it("does not confuse different amounts", () => {
    expect(analyzer.terms("$15B")).not.toContain("50b");
  });
});

describe("aliases and stop words", () => {
  it("drops modal verbs, which say nothing of the topic", () => {
    expect(analyzer.terms("when might OpenAI go public, and must it")).toEqual(["openai", "ipo"]);
  });

  it("maps party aliases to the party", () => {
    expect(analyzer.terms("did MS sue")).toContain("microsoft");
    expect(analyzer.terms("the Redmond giant")).toContain("microsoft");
    expect(analyzer.terms("AWS")).toContain("amazon");
    expect(analyzer.terms("Amazon Web Services")).toContain("amazon");
  });

  it("lets one word name a term and a wider one: Reuters is Reuters and the press", () => {
    expect([...analyzer.concepts("Reuters reported it")].sort()).toEqual(["press", "reuters"]);
    expect(analyzer.terms("Reuters")).toEqual(["press", "reuters"]);
    expect([...analyzer.concepts("the outlet")]).toEqual(["press"]);
  });

  it("maps SRE and its long form to one term", () => {
    expect(analyzer.terms("SRE")).toContain("sre");
    expect(analyzer.terms("the Stateful Runtime Environment")).toContain("sre");
  });

  it("drops stop words and stems the rest", () => {
    expect(analyzer.terms("What is the status of the investigations?")).toEqual(["statu", "investig"]);
  });

  it("reports which topic concepts a text names", () => {
    expect([...analyzer.concepts("OpenAI and AWS on Bedrock")].sort()).toEqual(["amazon", "bedrock", "openai"]);
  });
});

describe("general near-synonyms", () => {
  it("reads earning, forecasting, keeping and restructuring phrases as the words the articles use", () => {
    // chat's phrase, then the article's
    const pairs: [string, string][] = [
      ["AWS brings in more revenue", "AWS generates more revenue"],
      ["Microsoft's cloud and server business put together", "Microsoft's Cloud and Server business combined"],
      ["openai is projecting demand", "openai is forecasting demand"],
      ["ms kept exclusivity", "Microsoft retained exclusivity"],
      ["when ms reworked the deal", "when Microsoft restructured the deal"],
      ["what did it concede", "what did it give up"],
      ["the aws azure rivalry", "the AWS Azure competition"],
      ["strings attached to the money", "tied to the money"],
      ["two clouds squabbling", "two clouds quarrel"],
      ["ms higher-ups", "Microsoft executives"],
      ["things to keep an eye on", "things to watch"],
      ["redmond's pushback", "Microsoft's argument"],
    ];
    for (const [chat, article] of pairs) expect(analyzer.terms(chat), chat).toEqual(analyzer.terms(article));
  });
});

describe("the lexicon", () => {
  it("names each group by one word, which phrases of the group stand for", () => {
    expect(SYNONYM_GROUPS.filter(([head]) => /\s/.test(head!))).toEqual([]);
  });
});
