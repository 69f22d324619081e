import { describe, expect, it } from "vitest";
import { answerabilityFeatures, answerTypeMatch, FEATURE_NAMES, quotedPassage } from "../../src/knowledge/answerability.js";
import { questionHints } from "../../src/knowledge/question.js";
import { seedKnowledge } from "../support/knowledge.js";

describe("answer type of a question", () => {
  it("wants a sum of money for how-much questions, and a capacity for compute or power", () => {
    expect(answerTypeMatch("how much did amazon put in", "Amazon committed $50 billion to OpenAI.", null)).toBe(1);
    // a figure of another kind is near, not it
    // a capacity alone is no sum of money
    expect(answerTypeMatch("how much did amazon put in", "Amazon secured 2GW of Trainium capacity.", null)).toBe(0);
    expect(answerTypeMatch("aws revenue last quarter, what's the actual number", "AWS currently generates more revenue than Microsoft's Cloud and Server business combined.", null)).toBe(0);
    // a price per unit wants a figure per unit
    expect(answerTypeMatch("how much does frontier cost per agent per month", "Amazon committed $50 billion for AWS to become the exclusive provider.", null)).toBe(0);
    expect(answerTypeMatch("how much does it cost per 1M tokens", "Input costs $2.50 per 1M tokens.", null)).toBe(1);
    expect(answerTypeMatch("how much did amazon put in", "Amazon's investment terms require purchases.", null)).toBe(0);
    expect(answerTypeMatch("how much compute capacity does openai get", "Amazon secured 2GW of Trainium capacity.", null)).toBe(1);
    // what a chip costs is money, though it asks about chips
    expect(questionHints("how much does one trainium chip cost").amountKind).toBe("money");
    expect(questionHints("what do they pay per gigawatt of compute").amountKind).toBe("money");
    expect(questionHints("how much trainium capacity does openai get").amountKind).toBe("capacity");
    expect(answerTypeMatch("how much does one trainium chip cost", "Amazon also secured 2GW of Trainium chip capacity commitments.", null)).toBe(0);
  });

  it("wants more than the one example a list gives when the question sets that example aside", () => {
    const q = "besides the ipo, what other milestones unlock the 35b";
    expect(answerTypeMatch(q, "$35 billion contingent on milestones including IPO)", null)).toBe(0);
    expect(answerTypeMatch(q, "$35 billion contingent on milestones including IPO and revenue targets", null)).toBe(0.5);
    expect(answerTypeMatch("what other milestones unlock the 35b", "$35 billion contingent on milestones including IPO)", null)).toBe(0.5);
    // what the question sets aside, named outside a list, leaves the sentence as it was
    expect(answerTypeMatch("who else wins besides amazon", "Amazon and OpenAI would benefit rivals like Google Cloud and Oracle", null)).toBe(0.5);
    expect(seedKnowledge().ask("apart from the ipo, which milestones release the 35 billion?").abstained).toBe(true);
  });

  it("wants a remedy, fine or penalty imposed or set for a question asking for one, not a finding", () => {
    const row = "UK CMA cloud probe | Strategic Market Status investigation; authority found \"competition not working well\" in cloud";
    expect(answerTypeMatch("what remedies did the uk cma impose on msft and aws", row, null)).toBe(0);
    expect(answerTypeMatch("what did the uk cma find", row, null)).toBe(0.5);
    expect(answerTypeMatch("what remedies are on the table", "Microsoft accepts additional compensation or revenue share", null)).toBe(1);
    expect(answerTypeMatch("whats the exact penalty if openai breaches the azure clause", "Amazon's and OpenAI's approach could breach the exclusivity arrangement", null)).toBe(0);
  });

  it("wants a percentage for what-percent questions and a date for when-questions", () => {
    expect(answerTypeMatch("what % of revenue does ms get", "Microsoft gets 20% of revenue.", null)).toBe(1);
    expect(answerTypeMatch("what percent of openai does msft own", "Microsoft invested $13 billion.", null)).toBe(0);
    expect(answerTypeMatch("when was frontier launched", "Frontier launched February 5, 2026.", null)).toBe(1);
    // a market share or an equity stake is a percentage
    expect(answerTypeMatch("what's google cloud's market share", "This would benefit rivals like Google Cloud and Oracle.", null)).toBe(0);
    expect(answerTypeMatch("what equity stake does amazon get", "Amazon gets a 10% stake.", null)).toBe(1);
    expect(answerTypeMatch("when was frontier launched", "Frontier is an enterprise platform.", null)).toBe(0);
  });

  it("is neutral when the question asks for no particular type", () => {
    expect(answerTypeMatch("why is microsoft upset", "Microsoft says the deal breaches its contract.", null)).toBe(0.5);
  });

  it("wants a count for how-many questions about things, an amount for how many gigawatts", () => {
    expect(answerTypeMatch("how many dma probes did the eu open", "Three DMA investigations into cloud computing gatekeeper designation", null)).toBe(1);
    expect(answerTypeMatch("how many trainium chips is 2GW", "Amazon also secured 2GW of Trainium chip capacity commitments.", null)).toBe(0);
    expect(answerTypeMatch("how many gw of trainium is oai getting", "Amazon also secured 2GW of Trainium chip capacity commitments.", null)).toBe(1);
    // a count of other things is only near: "three companies" counts no employees
    expect(answerTypeMatch("how many openai employees work on frontier", "All three companies are reportedly in discussions.", null)).toBe(0.5);
    expect(answerTypeMatch("how many probes are there", "Three probes into cloud computing.", null)).toBe(1);
  });

  it("does not take the sum a how-much question names itself for its answer", () => {
    const closed = "The company closed a $110 billion funding round last month.";
    expect(answerTypeMatch("whats oai valued at after the $110B round", closed, null)).toBe(0);
    expect(answerTypeMatch("how much did oai raise", closed, null)).toBe(1);
    // a question about the figure it names is answered by a sentence with that figure
    expect(answerTypeMatch("what is the $110B", closed, null)).toBe(1);
  });

  it("wants an outcome for a question about how something turned out", () => {
    const row = "Musk v. OpenAI & Altman | Elon Musk vs. Sam Altman and OpenAI | Trial begins April 27 in Oakland";
    expect(answerTypeMatch("who won the musk v openai trial", row, null)).toBe(0);
    expect(answerTypeMatch("what was the verdict in musk v openai", row, null)).toBe(0);
    expect(answerTypeMatch("did ms and oai end up settling", "The three companies were still in talks as of Wednesday.", null)).toBe(0);
    expect(answerTypeMatch("who won the case", "Amazon won an injunction against Perplexity.", null)).toBe(1);
    // what a regulator or a court decided: a fine, a remedy, a conclusion
    const probe = "EU Digital Markets Act | European Commission vs. Microsoft & AWS | Three DMA investigations into cloud computing | Opened Nov. 2025";
    expect(answerTypeMatch("did the EU fine microsoft under the DMA yet", probe, null)).toBe(0);
    expect(answerTypeMatch("what remedies did the uk cma impose on aws and ms", probe, null)).toBe(0);
    expect(answerTypeMatch("did a judge already rule for ms", row, null)).toBe(0);
    expect(answerTypeMatch("what did the uk cma conclude abt cloud", 'UK CMA cloud probe | authority found "competition is not working well"', null)).toBe(1);
    // a question that only names a verdict, or ends up somewhere, asks for none
    expect(answerTypeMatch("how could the musk verdict mess with openai going public", row, null)).toBe(0.5);
    expect(answerTypeMatch("how did most businesses end up getting at gpt-4", row, null)).toBe(0.5);
  });

  it("wants a sentence about a stock or a market value for a question about how one moved", () => {
    const report = "According to a report by the Financial Times, Microsoft is planning to pursue legal action.";
    expect(answerTypeMatch("did msft stock tank after the ft report", report, null)).toBe(0);
    expect(answerTypeMatch("how did amzn shares react to the lawsuit threat", report, null)).toBe(0);
    expect(answerTypeMatch("how did msft's market cap move", "Microsoft's market cap surged past $3 trillion.", null)).toBe(1);
    // naming a stock asks for no move
    expect(answerTypeMatch("msft marketcap?", report, null)).toBe(0.5);
  });

  it("wants a name for a question about who holds a role, and a figure per share for a share price", () => {
    expect(answerTypeMatch("which law firm is microsoft using", "They want to take a bet on the creativity of their contractual lawyers, I would back us.", null)).toBe(0);
    expect(answerTypeMatch("what will oai's share price be", "The company closed a $110 billion funding round.", null)).toBe(0);
    expect(answerTypeMatch("what valuation did oai get in that 110B round", "The company closed a $110 billion funding round last month.", null)).toBe(0);
    const round = "The company closed a $110 billion funding round last month.";
    expect(answerTypeMatch("who led openai's $110b funding round", round, null)).toBe(0);
    expect(answerTypeMatch("which law firm is microsoft using", "Microsoft has framed the issue as one of contractual interpretation.", null)).toBe(0);
    expect(answerTypeMatch("which judge is handling musk v openai", "Trial begins April 27 in Oakland before Judge Yvonne Gonzalez Rogers.", null)).toBe(1);
    expect(answerTypeMatch("who led the round", "The round was led by SoftBank, according to people familiar.", null)).toBe(1);
  });

  it("wants a place for a question asking where or which court or region", () => {
    expect(answerTypeMatch("which court would ms file in", "No lawsuit has been filed yet.", null)).toBe(0);
    expect(answerTypeMatch("where are the 2gw of trainium data centers located", "Amazon also secured 2GW of Trainium chip capacity commitments from OpenAI.", null)).toBe(0);
    expect(answerTypeMatch("which court is the musk trial in", "Trial begins April 27 in Oakland", null)).toBe(1);
    // "what keeping state buys you" asks for no place
    expect(answerTypeMatch("what keeping state actually buys you", "No lawsuit has been filed yet.", null)).toBe(0.5);
  });

  it("does not take a figure, a stake or a winner the question only mentions for one it asks for", () => {
    const row = "Musk v. OpenAI & Altman | Elon Musk vs. Sam Altman and OpenAI | $79B-$134B in damages";
    // "at stake" is no equity stake; "100%" is a figure of speech
    expect(answerTypeMatch("musk v oai — what's at stake in $", row, null)).toBe(1);
    expect(answerTypeMatch("is ms 100% going to sue or only if something happens", "We will sue them if they breach it.", null)).toBe(0.5);
    expect(answerTypeMatch("what's microsoft's equity stake in openai", row, null)).toBe(0);
    // "who wins if" asks who gains, not how a case ended
    expect(answerTypeMatch("who wins if oai goes multi-cloud besides amzn", "It opens a multi-cloud future where companies can deploy frontier AI.", null)).toBe(0.5);
    expect(questionHints("is it even doable at that size").amount).toBe(false);
    expect(questionHints("deal size?").amount).toBe(true);
  });

  it("wants what someone said for a question about whether they responded", () => {
    const row = "Musk v. OpenAI & Altman | Elon Musk vs. Sam Altman and OpenAI | $79B-$134B in damages";
    expect(answerTypeMatch("has sam altman commented on the ms threat", row, null)).toBe(0);
    expect(answerTypeMatch("andy jassy comment on the ms threat?", "Microsoft is weighing legal action.", null)).toBe(0);
    expect(answerTypeMatch("did any of the 3 companies comment to reporters", "None of the three companies immediately provided comment to reporters.", null)).toBe(1);
  });

  it("wants a version's name for a question asking which version", () => {
    expect(answerTypeMatch("which trainium generation is oai getting, trn2 or trn3?", "2 gigawatts of Trainium capacity from Amazon for OpenAI's compute needs", null)).toBe(0);
    expect(answerTypeMatch("which gpt model version runs behind the sre", "Azure OpenAI became the default way to access GPT-4, DALL-E, and other models.", null)).toBe(1);
  });

  it("takes a time said without a date for an answer to when", () => {
    expect(answerTypeMatch("when might oai go public", "The company is targeting a public listing as early as this year.", null)).toBe(1);
    expect(answerTypeMatch("still negotiating as of when?", "The three companies were still in talks as of Wednesday.", null)).toBe(1);
  });

  it("takes a sum said in words for money, and a when that joins clauses for no question of time", () => {
    expect(answerTypeMatch("how much did ms spend on its edge", "Microsoft spent tens of billions building its moat.", null)).toBe(1);
    expect(answerTypeMatch("what did redmond let go of when they redid the terms", "Microsoft gave up its total cloud exclusivity.", null)).toBe(0.5);
  });
});

describe("question hints", () => {
  it("reads when as a question of time only where it asks", () => {
    expect(questionHints("when might oai go public").when).toBe(true);
    expect(questionHints("still negotiating as of when?").when).toBe(true);
    expect(questionHints("so when did ms restructure its deal").when).toBe(true);
    expect(questionHints("what did redmond let go of when they redid the terms").when).toBe(false);
    expect(questionHints("what happens when the trial is over").when).toBe(false);
  });

  it("reads why-questions, and claims about where things stand", () => {
    expect(questionHints("why'd ms insist on keeping that one clause").why).toBe(true);
    expect(questionHints("how come amazon is paying so much").why).toBe(true);
    expect(questionHints("what did amazon pay").why).toBe(false);
    expect(questionHints("so MS already sued them").yesNo).toBe(true);
    expect(questionHints("ms's arguments").stance).toBe(true);
    expect(questionHints("whats the spicy quote from the ms source").quote).toBe(true);
    expect(questionHints("what does the ms source say").quote).toBe(false);
    expect(questionHints("per the table, who controls stateless access").list).toBe(true);
  });
});

describe("answer or abstain", () => {
  it("abstains when the question asks for a sum or a date that the passage it finds does not have", () => {
    const knowledge = seedKnowledge();
    // the sources speak of Nvidia's investment terms, never of a sum
    const nvidia = knowledge.ask("how much did nvidia put into openai");
    expect(nvidia.abstained).toBe(true);
    expect(nvidia.confidence).toBe("none");
    const amazon = knowledge.ask("how much did amazon put into openai");
    expect(amazon.abstained).toBe(false);
    expect(amazon.items[0]!.text).toContain("$50 billion");
  });

  it("judges the kind of answer asked for on the passage shown first when the first by words lacks it", () => {
    const knowledge = seedKnowledge();
    const question = "exact date the amzn/oai partnership went public?";
    const byWords = knowledge.retriever.rank(question, 60, 2);
    const at = FEATURE_NAMES.indexOf("typeMatch");
    expect(answerabilityFeatures(question, byWords, knowledge.retriever, knowledge.analyzer, knowledge.corpus.topic)[at]).toBe(0);
    const answer = knowledge.ask(question);
    expect(answer.abstained).toBe(false);
    expect(answer.items.map((i) => i.text).join(" ")).toContain("February 27, 2026");
  });

  it("finds words the question quotes, leads with the passage holding them, and answers whatever the model says", () => {
    const knowledge = seedKnowledge();
    const question = "who said 'we know our contract'?";
    const ranked = knowledge.retriever.rank(question, 60, 2);
    // by words it is not first: the question shares one word with it
    expect(ranked[0]!.passage.text).not.toContain("We know our contract");
    expect(quotedPassage(question, ranked)?.passage.text).toContain("We know our contract");
    const answer = knowledge.ask(question);
    expect(answer.abstained).toBe(false);
    expect(answer.items[0]!.text).toContain("We know our contract");
    expect(quotedPassage("who said we know our contract", ranked)).toBeUndefined();
    expect(quotedPassage("who said 'we never signed anything'", ranked)).toBeUndefined();
  });

  it("abstains when the question is about another company that the passage it finds does not name", () => {
    const knowledge = seedKnowledge();
    expect(knowledge.ask("did google cloud sign a frontier deal too").abstained).toBe(true);
    expect(knowledge.ask("did oracle sign a frontier deal too").abstained).toBe(true);
    expect(knowledge.ask("is anthropic hosting openai models now").abstained).toBe(true);
    // "… Nvidia's investment terms likely require continued hardware purchases."
    const nvidia = knowledge.ask("what is nvidia's investment tied to");
    expect(nvidia.abstained).toBe(false);
    expect(nvidia.items[0]!.text).toContain("Nvidia's investment terms");
  });
});

describe("answers the sources cannot give", () => {
  it("wants a sum beside what the question names: damages, a value, a price, a fine", () => {
    const row = "Musk v. OpenAI & Altman | Elon Musk vs. Sam Altman and OpenAI | $79B-$134B in damages; claims Altman abandoned nonprofit mission.";
    expect(answerTypeMatch("how much is musk going after in damages", row, null)).toBe(1);
    expect(answerTypeMatch("how much in damages would msft ask for", "Amazon committed $50 billion to OpenAI.", null)).toBe(0);
    expect(answerTypeMatch("how much is microsoft worth now", "Microsoft's market cap surged past $3 trillion, driven largely by AI momentum.", null)).toBe(1);
    expect(answerTypeMatch("what's the oracle stargate deal worth", "Amazon committed $50 billion for AWS to become the exclusive distributor.", null)).toBe(0);
    expect(answerTypeMatch("how much did the uk cma fine msft", "The authority is looking into a $100 billion market.", null)).toBe(0);
    // "pricing" asks for a sum too
    expect(answerTypeMatch("what's the per-seat pricing for frontier", "Amazon committed $50 billion for AWS to become the exclusive distributor.", null)).toBe(0);
    expect(answerTypeMatch("what's the pricing for frontier", "Frontier is priced at $2 million a year.", null)).toBe(1);
    // "fine print" is no fine
    expect(answerTypeMatch("how much of the fine print is public, in dollars", "Amazon committed $50 billion to OpenAI.", null)).toBe(1);
  });

  it("wants the sum given where the one who pays, invests or asks for it is named", () => {
    const knowledge = seedKnowledge();
    // the damages in the sources are Musk's, not Microsoft's
    expect(knowledge.ask("how much is microsoft asking for in damages from openai").abstained).toBe(true);
    expect(knowledge.ask("how much in damages would msft ask for if it sues").abstained).toBe(true);
    expect(knowledge.ask("how much is musk asking for in damages").abstained).toBe(false);
    expect(knowledge.ask("how many gigawatts does amazon give openai").abstained).toBe(false);
    // "The company closed a $110 billion funding round …" refers back to OpenAI in the sentence before
    const raised = knowledge.ask("how much did oai raise last month");
    expect(raised.abstained).toBe(false);
    expect(raised.items[0]!.text).toContain("$110 billion");
    expect(knowledge.ask("how much did microsoft invest in openai in 2019").abstained).toBe(false);
  });

  it("wants a day where the question asks for the exact date", () => {
    expect(answerTypeMatch("exact date frontier leaves limited preview?", "Frontier is in limited preview, with broader availability expected in the coming months.", "2026-03-01")).toBe(0);
    expect(answerTypeMatch("what exact day in 2025 did microsoft and openai redo their deal", "In late 2025, when Microsoft restructured its partnership with OpenAI …", null)).toBe(0);
    expect(answerTypeMatch("exact date amzn and oai announced the partnership?", "On February 27, 2026, Amazon and OpenAI announced a sweeping partnership.", null)).toBe(1);
    expect(answerTypeMatch("as of what exact day were they still talking", "The three companies were still in talks as of Wednesday.", "2026-03-19")).toBe(1);
  });

  it("wants an outcome where the question asks whether someone won, ruled, fined or designated", () => {
    const row = "Musk v. OpenAI & Altman | Elon Musk vs. Sam Altman and OpenAI | $79B-$134B in damages | Trial begins April 27 in Oakland";
    expect(answerTypeMatch("did musk win the trial against altman", row, null)).toBe(0);
    expect(answerTypeMatch("did the eu end up designating aws a gatekeeper", "Three DMA investigations into cloud computing gatekeeper designation", null)).toBe(0);
    expect(answerTypeMatch("what did the eu dma investigations end up deciding", "Three DMA investigations into cloud computing gatekeeper designation", null)).toBe(0);
    expect(answerTypeMatch("did the judge rule for microsoft", "The judge ruled for Microsoft.", null)).toBe(1);
    expect(answerTypeMatch("has public info settled the fine print yet", "Public information does not yet resolve the fine print.", null)).not.toBe(0);
  });

  it("does not take a name of the story for the person or the place a question asks for", () => {
    const knowledge = seedKnowledge();
    const typeMatch = (question: string) => {
      const ranked = knowledge.retriever.rank(question, 60, 2);
      return answerabilityFeatures(question, ranked, knowledge.retriever, knowledge.analyzer, knowledge.corpus.topic)[FEATURE_NAMES.indexOf("typeMatch")];
    };
    // the passages name the Financial Times and Business Insider, not a reporter
    expect(typeMatch("who wrote the ft piece, reporter name?")).toBe(0);
    expect(typeMatch("who at amazon wrote the internal memo")).toBe(0);
    expect(knowledge.ask("who wrote the ft piece, reporter name?").abstained).toBe(true);
    // nor a place: "in Oakland" is one, "on AWS" is a company of the story
    expect(answerTypeMatch("which court is the musk trial in", "Trial begins April 27 in Oakland", null)).toBe(1);
    expect(knowledge.ask("which aws regions will frontier / the SRE be available in?").abstained).toBe(true);
  });

  it("abstains on what someone the sources never name said, and answers for those they name", () => {
    const knowledge = seedKnowledge();
    expect(knowledge.ask("what did satya nadella personally say about suing openai").abstained).toBe(true);
    expect(knowledge.ask("what did aws ceo matt garman say about the SRE").abstained).toBe(true);
    expect(knowledge.ask("has andy jassy commented on the microsoft threat").abstained).toBe(true);
    // a party, the source the articles quote, and a part of the article are no one unknown
    expect(knowledge.ask("what did openai say about backdoor access").abstained).toBe(false);
    expect(knowledge.ask("what did the ms source say about the lawyers").abstained).toBe(false);
    expect(knowledge.ask("what does the table say stateful access means").abstained).toBe(false);
    // a company of the story beyond the parties is named, but nothing it said is given
    expect(knowledge.ask("did anthropic say anything about oai going onto trainium").abstained).toBe(true);
    expect(knowledge.ask("what did google say about the whole thing").abstained).toBe(true);
    // a thing of a company is no speaker: "Nvidia's investment terms likely require continued hardware purchases"
    expect(knowledge.ask("what does nvidia's deal say").abstained).toBe(false);
    // a typo of a name of the story is that name
    expect(knowledge.ask("what did micrsoft say about the deal").abstained).toBe(false);
    // nor is a yes-or-no question about a doer the sources never name answered
    expect(knowledge.ask("did meta sign a cloud deal with openai too").abstained).toBe(true);
    expect(knowledge.ask("did micrsoft sue yet").abstained).toBe(false);
    expect(knowledge.ask("did anyone comment to reporters").abstained).toBe(false);
  });
});

describe("quote questions", () => {
  it("lean to what someone said in their words", () => {
    const first = seedKnowledge().ask("whats the spicy quote from the ms source").items[0]!.text;
    expect(first).toContain("We know our contract");
  });
});
