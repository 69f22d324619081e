import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { quotedPhrases } from "../../src/knowledge/verdict.js";
import { coordinated } from "../../src/knowledge/claim-reading.js";
import { seedKnowledge } from "../support/knowledge.js";

const cite = (claim: string) => seedKnowledge().cite(claim);

describe("claim verdicts", () => {
  it("contradicts a wrong figure and says what the sources give", () => {
    const r = cite("Amazon is investing $60 billion in OpenAI");
    expect(r.verdict).toBe("contradicted");
    expect(r.reason).toBe("Sources say $50 billion, not $60 billion.");
    const gw = cite("OpenAI is getting 5 gigawatts of Trainium capacity");
    expect(gw.verdict).toBe("contradicted");
    expect(gw.reason).toMatch(/2 ?GW|2 gigawatts/i);
  });

  it("supports a claim a source states with the same figure or date", () => {
    expect(cite("Amazon is investing $50 billion in OpenAI").verdict).toBe("supported");
    expect(cite("Amazon and OpenAI announced their partnership on February 27, 2026").verdict).toBe("supported");
    // the year beside its own words, though the sentence gives 2019 and 2023
    expect(cite("ms started with oai in 2019 with a 1B investment").verdict).toBe("supported");
  });

  it("supports a claim whose figures and dates a sentence gives with fewer of its words, unless passages about it use a word the sentence lacks", () => {
    // "first check" is the sentence's "began … with a $1 billion investment"
    expect(cite("microsoft's first check into openai was $1 billion in 2019").verdict).toBe("supported");
    // "stateless api calls" is what other passages say Microsoft kept, not what this one says it gave up
    expect(cite("in 2025 ms gave up exclusivity over stateless api calls").verdict).toBe("unverified");
    // a conflict outweighs support from figures alone
    expect(cite("the whole 50b from amazon is paid upfront, no strings").verdict).toBe("contradicted");
  });

  it("lets no sentence naming both the claim's name and the one another source puts in its place support it, unless it lists them together", () => {
    // "… from OpenAI … making OpenAI the second-largest Trainium customer after Anthropic"
    expect(cite("anthropic is getting 2 gigawatts of trainium from amazon").verdict).toBe("contradicted");
    expect(cite("openai is getting 2 gigawatts of trainium from amazon").verdict).toBe("supported");
    // "citing the Financial Times and Reuters"
    expect(cite("the reports came citing the FT and reuters").verdict).toBe("supported");
    const { analyzer } = seedKnowledge();
    expect(coordinated("Multiple outlets, citing the Financial Times and Reuters, reported", "ft", "reuters", analyzer)).toBe(true);
    expect(coordinated("commitments from OpenAI, making OpenAI the second-largest customer after Anthropic", "openai", "anthropic", analyzer)).toBe(false);
  });

  it("reads who the claim says said it without a comma, a belief as a belief, and 'if not the letter, then the spirit' as no condition", () => {
    // "per the joint statement ms …": the statement is who said it, and the passage around the sentence names it
    expect(cite("per the joint statement ms keeps exclusive rights to stateless oai apis via azure").verdict).toBe("supported");
    expect(cite("the joint statement said msft keeps exclusive rights to stateful openai APIs").reason).toBe("Sources say stateless, not stateful.");
    // "executives believe the AWS arrangement is “unworkable” and violates—if not the letter, then the spirit—of their agreement"
    expect(cite("per the ft ms execs think the aws arrangement is unworkable").verdict).toBe("supported");
    expect(cite("ms execs believe the aws arrangement is unworkable").verdict).toBe("supported");
  });

  it("takes no word of hedging, approximation or ending, nor two known words run together, for a word the sources never use", () => {
    expect(cite("microsoft is mulling a lawsuit against amazon").verdict).toBe("supported");
    // "winding down" says the partnership is ending, which the joint statement denies
    expect(cite("the joint statement said the partnership was winding down").verdict).toBe("contradicted");
    expect(cite("musk wants somewhere between 79 and 134 billion in damages").verdict).toBe("supported");
    expect(cite("musk wants somewhere between 79 and 200 billion in damages").verdict).toBe("contradicted");
    // "two terms engineers use every day"
    expect(cite("stateful and stateless are everyday engineering terms").verdict).toBe("supported");
  });

  it("contradicts a claim that swaps who does a deed and whom it is done from", () => {
    // "… a commitment to purchase $138 billion in cloud services from Amazon Web Services"
    expect(cite("the $138B commitment is amazon buying cloud services from openai").reason).toBe("Sources say from Amazon, not from OpenAI.");
    expect(cite("the $138B commitment is openai buying cloud services from amazon").verdict).toBe("supported");
  });

  it("reads a first-person quote as said by the party the passage credits it to, and a claim opening with a company as about it", () => {
    // "“We know our contract,” one person familiar with Microsoft's position told the Financial Times. “We will sue them if they breach it.”"
    expect(cite("amazon is thinking about suing openai").verdict).not.toBe("supported");
    expect(cite("microsoft will sue them if they breach it").verdict).toBe("supported");
    // "Amazon also secured 2GW of Trainium … from OpenAI … making OpenAI the second-largest Trainium customer after Anthropic"
    expect(cite("anthropic is getting 2 gigawatts of trainium capacity").verdict).not.toBe("supported");
    expect(cite("anthropic adopted trainium before openai did").verdict).toBe("supported");
  });

  it("contradicts a wrong date, rank, place and a claim that something happened that has not", () => {
    expect(cite("Amazon and OpenAI announced their partnership on January 27, 2026").reason).toBe("Sources say February 27, 2026, not January 27, 2026.");
    expect(cite("The Musk trial begins April 17").reason).toBe("Sources say April 27, not April 17.");
    // "may" after a word of time is the month; elsewhere it is the verb
    expect(cite("iirc the musk trial starts in may").reason).toBe("Sources say April 27, not may.");
    expect(cite("the musk trial may start april 27").verdict).toBe("supported");
    // a version's number is a fact of its own ("Azure OpenAI became the default way for businesses to access GPT-4")
    expect(cite("so azure openai was basically the default way businesses got gpt-6 right").reason).toBe("Sources say GPT-4, not gpt-6.");
    // "only" before the one party, where the row names another beside it
    expect(cite("the EU DMA probe only targets amazon").reason).toBe("Sources name Microsoft as well as Amazon.");
    expect(cite("the EU DMA probe targets amazon").verdict).toBe("supported");
    // "trying to" and a negation's own word are not what a source must hold: "still in talks as of Wednesday to resolve the matter without going to court"
    expect(cite("the three were still talking as of wednesday trying to avoid court").verdict).toBe("supported");
    // a part of a year is a fact of its own: "In late 2025, when Microsoft restructured …"
    expect(cite("MS restructured the openai partnership in early 2025").reason).toBe("Sources say late 2025, not early 2025.");
    expect(cite("MS restructured the openai partnership in late 2025").verdict).toBe("supported");
    // "only" bears on the party after it, whatever else the claim names
    expect(cite("microsoft is only threatening amazon, not openai").reason).toBe("Sources name OpenAI as well as Amazon.");
    // how long ago, in the same unit ("However, last month, OpenAI and Amazon signed …"); "last month" is no rank
    expect(cite("the amazon-openai deal was signed like six months ago").reason).toBe("Sources say last month, not six months ago.");
    expect(cite("the amazon-openai deal was signed last month").verdict).toBe("supported");
    // the same sum beside other parties is another sum: "a whopping $50 billion partnership that was signed between Amazon and OpenAI"
    expect(cite("msft has put something like 50B into openai total").verdict).not.toBe("supported");
    expect(cite("amazon put 50b into openai").verdict).toBe("supported");
    // "70-134b" is 70 billion to 134 billion
    expect(cite("musk wants 70-134b in damages").reason).toBe("Sources say $79B, not 70b.");
    expect(cite("OpenAI is the first major AI lab to adopt Trainium").reason).toBe("Sources say second, not first.");
    expect(cite("The Stateful Runtime Environment runs on Microsoft Azure").reason).toBe("Sources say Bedrock, not Azure.");
    const sued = cite("Microsoft has filed a lawsuit against OpenAI");
    expect(sued.verdict).toBe("contradicted");
    expect(sued.reason).toContain("No lawsuit has been filed yet");
  });

  it("takes nothing a source only asks as saying it", () => {
    // "Key questions to watch: … Will Microsoft's regulatory exposure deter it from actually filing suit?"
    expect(cite("microsoft's regulatory exposure will deter it from actually filing suit").verdict).not.toBe("supported");
    expect(cite("other ai labs face similar exclusivity constraints with their cloud backers").verdict).not.toBe("supported");
  });

  it("reads a table row with its column headers", () => {
    // "Case / Probe | Parties Involved | …": the row's "Musk v. OpenAI & Altman" is a case
    expect(cite("ms is a co-defendant in the musk v oai case").verdict).toBe("supported");
    // the row says "Active, 2026": a claim closing on another state of its subject holds more than the row
    expect(cite("the uk cma probe is closed").verdict).not.toBe("supported");
    expect(cite("ftc investigation status is finished").verdict).not.toBe("supported");
  });

  it("holds the first-named party to the source's when the claim names two parties, or opens with its one", () => {
    // one party named, not first: the source may name another first ("OpenAI and Amazon co-created … hosted on Amazon Bedrock")
    expect(cite("The SRE is hosted on Amazon Bedrock").verdict).toBe("supported");
    // two parties: who does what to whom still counts
    expect(cite("OpenAI invested $50 billion in Amazon").verdict).not.toBe("supported");
  });

  it("reads a negation to the end of its clause, and lets a hedged source contradict a claim hedged the same way", () => {
    // "AWS employees may tell customers … but are banned from saying it “enables access” or “calls on” ChatGPT"
    const r = cite("AWS employees may say that the SRE calls on ChatGPT");
    expect(r.verdict).toBe("contradicted");
    expect(r.reason).toContain("banned from saying");
    expect(cite("AWS staff may say the SRE is powered by OpenAI").verdict).toBe("supported");
  });

  it("finds the phrases a claim quotes", () => {
    expect(quotedPhrases(`the source said 'we know our contract' and “powered by” it`)).toEqual(["we know our contract", "powered by"]);
    // one quoted word, or an apostrophe, is no quotation
    expect(quotedPhrases(`Microsoft's "lawsuit" isn't filed`)).toEqual([]);
  });

  it("supports a claim quoting words a passage about it holds verbatim, only for whoever the passage gives them to", () => {
    const r = cite("a Microsoft source said 'we know our contract'");
    expect(r.verdict).toBe("supported");
    expect(r.reason).toContain("We know our contract");
    expect(cite("an Amazon source said 'we know our contract'").verdict).not.toBe("supported");
    // quoted words the passage negates ("banned from saying it … “calls on” ChatGPT")
    expect(cite("Amazon told staff to say the SRE 'calls on' ChatGPT").verdict).not.toBe("supported");
  });

  it("weighs who does the claim's deed: the same party in the source, a negation of another party's says nothing", () => {
    // "OpenAI and Amazon signed … where Amazon committed $50 billion"; "… capacity Microsoft couldn't match"
    expect(cite("Amazon committed $50B to OpenAI").verdict).toBe("supported");
    expect(cite("OpenAI committed $50 billion to Amazon").verdict).not.toBe("supported");
    expect(cite("OpenAI got 2GW of Trainium capacity from Amazon").verdict).not.toBe("contradicted");
    // "$50 billion Amazon investment in OpenAI" is not a figure for what Microsoft invested
    expect(cite("Microsoft invested $13 billion in OpenAI").verdict).not.toBe("contradicted");
    expect(cite("Microsoft invested $20 billion in OpenAI").verdict).toBe("contradicted");
  });

  it("says unverified when the sources do not settle it, and never supports a false claim", () => {
    expect(cite("Amazon gets 20 percent of the deal").verdict).toBe("unverified");
    expect(cite("what is the capital of France").verdict).toBe("unverified");
    for (const claim of [
      "OpenAI invested $50 billion in Amazon",
      "Amazon is investing $35 billion immediately",
      "Microsoft has sued Amazon",
      "AWS staff are allowed to say the SRE 'calls on' OpenAI",
    ]) {
      expect(cite(claim).verdict).not.toBe("supported");
    }
  });

  it("reads chat's sums, relative times and negations", () => {
    expect(cite("15B up front and 35B later depending on milestones").verdict).toBe("supported");
    // "last week" is when, not what: the claim is that a lawsuit was filed
    expect(cite("ms already filed the lawsuit last week").verdict).toBe("contradicted");
    expect(cite("nobody's actually filed a lawsuit yet").verdict).toBe("supported");
    expect(cite("the deal has openai buying like 183B of aws cloud").verdict).not.toBe("supported");
  });

  it("reads light verbs as nothing, and a party after a preposition as no subject", () => {
    expect(cite("amazon put 50 billion into openai").verdict).toBe("supported");
    expect(cite("amazon put 40 billion into openai").reason).toBe("Sources say $50 billion, not 40 billion.");
    // "2 gigawatts of Trainium capacity from Amazon for OpenAI's compute needs"
    expect(cite("openai is getting 2 gigawatts of trainium").verdict).toBe("supported");
    expect(cite("openai is getting 20 gigawatts of trainium").verdict).toBe("contradicted");
  });

  it("takes a passage's parties behind its sentences, reads 'without' as a negation, and sets no figure against a claim that shares only a party", () => {
    // "All three companies—Microsoft, Amazon, and OpenAI—are reportedly in discussions … No lawsuit has been filed yet."
    expect(cite("microsoft hasn't sued anyone yet").verdict).toBe("supported");
    // "… still in talks with Microsoft to resolve the conflict without litigation."
    expect(cite("microsoft has already sued openai").verdict).toBe("contradicted");
    // "Microsoft's partnership … began in 2019 with a $1 billion investment" says nothing of what Microsoft is worth
    expect(cite("msft is worth more than 3 trillion").reason).not.toContain("$1 billion");
  });

  it("sets no plain negation against a hedged claim, reads 'declined to' as one, and 'could not come at a worse time' as none", () => {
    // "… still in talks with Microsoft to resolve the conflict without litigation" denies no threat
    expect(cite("microsoft threatened to sue amazon and openai").verdict).not.toBe("contradicted");
    // "none of the three companies immediately provided comment"
    expect(cite("the companies declined to comment").verdict).toBe("supported");
    expect(cite("microsoft is threatening to sue").verdict).not.toBe("contradicted");
  });

  it("reads 'came out' as a launch", () => {
    expect(cite("frontier came out in feb").verdict).toBe("supported");
    expect(cite("frontier came out in march").reason).toBe("Sources say February 5, 2026, not march.");
  });

  it("compares counts of things, and tells a specific outlet from the press", () => {
    expect(cite("the eu opened three dma investigations").verdict).toBe("supported");
    // both parties are objects ("into ms and aws"), as in the row ("European Commission vs. Microsoft & AWS")
    expect(cite("eu opened 3 dma probes into ms and aws in nov 2025").verdict).toBe("supported");
    expect(cite("the eu opened five dma investigations").reason).toBe("Sources say Three DMA investigations, not five dma investigations.");
    expect(cite("reuters reported the amazon memo").reason).toBe("Sources say Business Insider, not Reuters.");
    expect(cite("business insider reported the amazon memo").verdict).toBe("supported");
    // "… from FT and Reuters; none of the three companies immediately provided comment to reporters": the "none" is of another clause
    expect(cite("the FT and reuters reported it").verdict).toBe("supported");
    expect(cite("the companies commented to reporters").verdict).toBe("contradicted");
  });

  it("contradicts an order or rank the source reverses, and a word the source gives to another party", () => {
    expect(cite("openai got on trainium before anthropic did").verdict).toBe("contradicted");
    expect(cite("anthropic was the second lab on trainium").verdict).toBe("contradicted");
    expect(cite("business insider was first to report the amazon memo").verdict).toBe("supported");
    const bedrock = cite("the sre is hosted on microsoft bedrock");
    expect(bedrock.verdict).toBe("contradicted");
    expect(bedrock.reason).toBe("Sources say “Amazon Bedrock”, not “microsoft bedrock”.");
    expect(cite("microsoft brings in more revenue than msft's cloud and server biz combined").verdict).not.toBe("supported");
    // the claim's own word for its deed, known to the index only through synonyms, is still its deed
    expect(cite("aws out-earns ms cloud + server combined apparently").verdict).toBe("supported");
  });

  it("contradicts a company named where the source names another, when only one could stand there", () => {
    const anthropic = cite("rivals like google cloud and anthropic would benefit");
    expect(anthropic.verdict).toBe("contradicted");
    expect(anthropic.reason).toBe("Sources say Oracle, not Anthropic.");
    expect(cite("rivals like google cloud and oracle would benefit").verdict).toBe("supported");
    // the Musk row names OpenAI and Microsoft: either could be meant, so nothing is settled, and nothing supported
    expect(cite("musk v google trial kicks off april 27 in oakland").verdict).toBe("unverified");
    expect(cite("ms restructured the google deal in late 2025 and gave up some exclusivity").verdict).not.toBe("supported");
  });

  it("never supports a claim naming what no source names, and says what", () => {
    // a source names the place: "Trial begins April 27 in Oakland"
    const seattle = cite("the musk trial kicks off april 27 in seattle");
    expect(seattle.verdict).toBe("contradicted");
    expect(seattle.reason).toBe("Sources say Oakland, not seattle.");
    expect(cite("the musk trial kicks off april 27 in oakland").verdict).toBe("supported");
    // no source names a place for it
    const weighing = cite("ms is weighing legal action in seattle");
    expect(weighing.verdict).toBe("unverified");
    expect(weighing.reason).toBe("The sources do not mention “seattle”.");
    expect(cite("the verge reported the amazon memo").verdict).toBe("unverified");
    // a short reason, however many such words
    expect(cite("zorblax glorped frumious bandersnatch gyre wabe microsoft lawsuit").reason).toBe("The sources do not mention “zorblax” or “glorped” or “frumious” and more.");
  });

  it("a hedged sentence contradicts nothing, and a negation that looks ahead bears on what follows it", () => {
    // "executives believe the arrangement … violates—if not the letter, …"
    expect(cite("the FT reported that ms execs think it violates the deal").verdict).not.toBe("contradicted");
    // "… “powered by” OpenAI while avoiding language that implies direct access to ChatGPT"
    expect(cite("amazon told staff to say the sre is 'powered by' openai").verdict).toBe("supported");
    expect(cite("aws staff were told to say the SRE gives direct access to chatgpt").verdict).not.toBe("supported");
  });

  it("weighs a hedge only where it bears on the claim's words, reads permission as a modal and 'only' before a sum as no rank", () => {
    // "… so long as they are not primarily offered as APIs that would contravene agreements" hedges another clause
    expect(cite("openai says there is no backdoor access into its stateless models").verdict).toBe("supported");
    // "… could breach the exclusivity arrangement" hedges the very words of the claim
    expect(cite("amazon and openai's approach breaches the exclusivity arrangement").verdict).not.toBe("supported");
    expect(cite("amazon and openai's approach could breach the exclusivity arrangement").verdict).toBe("supported");
    // "would" with no condition tells the past's future: "… it gave up some of its total cloud exclusivity … Microsoft would retain …"
    expect(cite("microsoft retains exclusive rights to the stateless apis through azure").verdict).toBe("supported");
    // "may tell customers … but are banned from saying it “enables access”"
    expect(cite("aws employees are cleared to say the sre 'enables access' to chatgpt").verdict).toBe("contradicted");
    // a limit, not a rank: "$15 billion immediate, $35 billion contingent"
    expect(cite("amazon put only $15 billion in up front").verdict).toBe("supported");
    expect(cite("amazon put only $35 billion in up front").verdict).not.toBe("supported");
  });

  it("contradicts a figure paired with a year the source gives to another figure", () => {
    // "began in 2019 with a $1 billion investment, followed by $10 billion in 2023"
    expect(cite("microsoft sank 10B into openai back in 2019").reason).toBe("Sources say $1 billion in 2019, not 10B.");
    expect(cite("microsoft put $1 billion into openai in 2023").reason).toBe("Sources say $10 billion in 2023, not $1 billion.");
    expect(cite("microsoft put $10 billion into openai in 2023").verdict).toBe("supported");
  });

  it("reads parties joined as doers together, a possessive as the doer, and holds every figure of a claim to the sentence", () => {
    // "On February 27, 2026, Amazon and OpenAI announced a sweeping strategic partnership"
    expect(cite("the amazon/openai partnership got announced on march 27, 2026").reason).toBe("Sources say February 27, 2026, not march 27, 2026.");
    // "Microsoft's partnership with OpenAI began in 2019 with a $1 billion investment"
    expect(cite("microsoft's first openai investment was $10 billion in 2019").reason).toBe("Sources say $1 billion in 2019, not $10 billion.");
    // "$50 billion Amazon investment in OpenAI ($15 billion immediate, $35 billion contingent …)"
    expect(cite("amazon's $40 billion is $15 billion now and $35 billion later on milestones").reason).toBe("Sources say $50 billion, not $40 billion.");
    // a party right before the deed qualifies it: "says the amazon deal gives …" is said by OpenAI ("OpenAI: Has said its deal with Amazon …")
    expect(cite("openai says the amazon deal gives no backdoor into its stateless models").verdict).toBe("supported");
    expect(cite("microsoft says the amazon deal gives no backdoor into its stateless models").verdict).not.toBe("supported");
  });

  it("judges a claim closing on what it is not by what comes before, and never on a sentence naming the other", () => {
    expect(cite("the sre runs on bedrock and not on azure").verdict).toBe("supported");
    expect(cite("the stateful runtime environment sits in amazon bedrock, not microsoft azure").verdict).toBe("supported");
    expect(cite("the stateful runtime environment sits in azure, not bedrock").reason).toBe("Sources say Bedrock, not Azure.");
    // a negated claim keeps its negation: "not … , not …" is not read as a contrast
    expect(cite("the sre does not run on bedrock, not at all").verdict).not.toBe("supported");
  });

  it("reads a negation as bearing on quoted words only where it reaches them", () => {
    // "may tell customers that the SRE is "powered by" or "enabled by" OpenAI, but are banned from saying it "enables access" or "calls on" ChatGPT"
    expect(cite("aws staff can tell customers the sre is 'enabled by' openai").verdict).toBe("supported");
    expect(cite("aws staff can't say the sre is 'enabled by' openai").verdict).toBe("contradicted");
    expect(cite("aws staff can tell customers the sre 'calls on' chatgpt").verdict).toBe("contradicted");
  });

  it("supports only where each of the claim's words is negated in the sentence as in the claim", () => {
    // "still in talks as of Wednesday to resolve the matter without going to court"
    expect(cite("as of wednesday the three were still negotiating to avoid court").verdict).toBe("supported");
    expect(cite("as of wednesday the three were not still negotiating to avoid court").verdict).not.toBe("supported");
  });

  it("contradicts one party named where the sentence names another alone, and weighs possibility against conditions", () => {
    // "FTC antitrust investigation | US FTC vs Microsoft | Broad antitrust review …"
    expect(cite("the FTC antitrust investigation is aimed at amazon").reason).toBe("Sources say Microsoft, not Amazon.");
    expect(cite("the ftc antitrust investigation is targeting amazon").reason).toBe("Sources say Microsoft, not Amazon.");
    // "Multiple outlets, citing the Financial Times and Reuters, reported that Microsoft is weighing legal action …"
    expect(cite("the ms-might-sue reports cited both the FT and reuters").verdict).toBe("supported");
    // "Possible outcomes: … Legal battle: Microsoft sues to enforce its contract …" is a possibility
    expect(cite("microsoft might sue to enforce its contract").verdict).toBe("supported");
    expect(cite("microsoft is going to sue to enforce its contract").verdict).not.toBe("supported");
  });

  it("weighs a negation only in the clause, between semicolons or dashes, that speaks of the claim", () => {
    // "The company is now forecasting data center demand of 250 gigawatts—a scale that no single cloud provider could satisfy."
    expect(cite("openai is forecasting something like 250GW of data center demand").verdict).toBe("supported");
    expect(cite("openai is forecasting something like 25GW of data center demand").verdict).not.toBe("supported");
  });

  it("takes a sentence saying how something began for 'first'", () => {
    // "Microsoft's partnership with OpenAI began in 2019 with a $1 billion investment"
    expect(cite("microsoft first invested in openai in 2019 with a billion").verdict).toBe("supported");
    expect(cite("microsoft first invested in openai in 2023").verdict).not.toBe("supported");
    expect(cite("microsoft's second investment in openai was in 2019").verdict).not.toBe("supported");
  });

  it("contradicts a name no source uses where a source names another after the same preposition", () => {
    // "Trial begins April 27 in Oakland"; "… according to an internal memo first reported by Business Insider"
    expect(cite("the musk trial starts april 27 in san francisco").reason).toBe("Sources say Oakland, not san francisco.");
    expect(cite("the amazon wording memo was first reported by the wall street journal").reason).toBe("Sources say Business Insider, not wall street journal.");
    // a capitalised name that names nothing of the story stands in the same place
    expect(cite("the amazon memo about SRE wording was first reported by The Information").reason).toBe("Sources say Business Insider, not The Information.");
    expect(cite("the amazon memo was first reported by Business Insider").verdict).toBe("supported");
    // only words right after the preposition stand in the name's place
    expect(cite("the trial starts april 27 in oakland ca").verdict).not.toBe("contradicted");
  });

  it("reads chat's way of saying what a company earns", () => {
    // "In fact, AWS currently generates more revenue than Microsoft's Cloud and Server business combined."
    expect(cite("aws brings in more revenue than microsoft's cloud and server business put together").verdict).toBe("supported");
    expect(cite("microsoft's cloud brings in more revenue than aws").verdict).toBe("contradicted");
  });

  it("holds a claim's small closing word of state to the sentence: 'was over' is not 'remained strong'", () => {
    // "… released a joint statement insisting their partnership remained "strong and central.""
    expect(cite("openai and microsoft said their partnership remained strong").verdict).toBe("supported");
    expect(cite("the joint statement said the partnership is basically over lol").verdict).not.toBe("supported");
    expect(cite("openai and microsoft said their partnership was over").verdict).not.toBe("supported");
  });

  it("reads an aside in brackets as qualifying the words before it, not the next of two things joined", () => {
    // "a technical distinction between "stateless" AI model access (covered by the exclusivity clause) and "stateful" memory …"
    expect(cite("stateful memory is covered by the exclusivity clause").verdict).not.toBe("supported");
    expect(cite("the exclusivity clause covers the memory layers").verdict).not.toBe("supported");
    // "making OpenAI the second major AI lab (after Anthropic) to adopt Amazon's Nvidia alternative"
    expect(cite("anthropic adopted trainium before openai did").verdict).toBe("supported");
  });

  it("holds a party after a preposition, or beside its deed, to the one the sentence names there", () => {
    // "… a commitment to purchase $138 billion in cloud services from Amazon Web Services …"
    expect(cite("oai committed to buying 138b of cloud services from aws").verdict).toBe("supported");
    expect(cite("oai committed to buying 138b of cloud services from microsoft")).toMatchObject({ verdict: "contradicted", reason: "Sources say Amazon, not Microsoft." });
    expect(cite("oai committed to buying 138 billion dollars of microsoft cloud services").verdict).not.toBe("supported");
    // a platform the claim names that the passage gives only elsewhere, beside a sentence naming another party's side
    expect(cite("the $138B commitment is for azure cloud services").verdict).not.toBe("supported");
    expect(cite("the 138B commitment is for aws cloud services").verdict).toBe("supported");
  });

  it("reads 'not just Y' as adding Y, 'thinking about' as a hedge, parties joined to an object as objects, and an unsettled sentence as asserting nothing", () => {
    // "Microsoft is weighing legal action against both Amazon and OpenAI …"
    expect(cite("ms is thinking about suing amazon, not just openai").verdict).toBe("supported");
    expect(cite("openai is thinking about suing microsoft and amazon").verdict).not.toBe("supported");
    // "The existence of Amazon/OpenAI work on an SRE … whether a court would view the implementation as breaching exclusivity—remain unconfirmed"
    expect(cite("amazon is thinking about suing openai").verdict).not.toBe("supported");
  });

  it("binds an aside to the words before it even where the claim also names them elsewhere", () => {
    // "… between "stateless" AI model access (covered by the exclusivity clause) and "stateful" memory …"
    expect(cite("the exclusivity covers stateful memory, stateless is fair game").verdict).not.toBe("supported");
    expect(cite("the exclusivity covers stateful memory and stateless is fair game lol").verdict).not.toBe("supported");
  });

  it("never supports a claim holding a word no source uses, even where a weaker passage conflicts with it", () => {
    // a passage on stateless and stateful access supports the rest more strongly than another conflicts with it
    expect(cite("stateless vs stateful, my brain is mush")).toMatchObject({ verdict: "unverified", reason: "The sources do not mention “brain” or “mush”." });
  });

  it("reads a claim in chat's shorthand: 'doesnt', 'cant', 'kicked things off', 'sanity check:'", () => {
    // "OpenAI: Has said its deal with Amazon does not provide any “backdoor access” to its stateless models"
    expect(cite("oai says the amazon deal doesnt give any backdoor into its stateless models").verdict).toBe("supported");
    expect(cite("aws staff cant say the sre is 'enabled by' openai").verdict).toBe("contradicted");
    // "Microsoft's partnership with OpenAI began in 2019 with a $1 billion investment"
    expect(cite("sanity check: microsoft kicked things off with openai in 2019 with $1 billion").verdict).toBe("supported");
  });

  it("takes parties joined at the start as named first together: 'ms/oai' is 'OpenAI and Microsoft'", () => {
    // "The same day, OpenAI and Microsoft released a joint statement insisting their partnership remained "strong and central.""
    expect(cite("the joint ms/oai statement called the partnership strong and central").verdict).toBe("supported");
    expect(cite("the joint ms/amazon statement called the partnership strong and central").verdict).not.toBe("supported");
  });

  it("calls no variant of a supported tuning claim supported when a figure, year, order, rank or state is changed", () => {
    const tune = JSON.parse(readFileSync(new URL("../eval/chat-tune.json", import.meta.url), "utf8")) as { claims: { claim: string; label: string }[] };
    const changes: [RegExp, string][] = [
      [/\b(\d+)(\s?(?:b|bn|billion|gw|gigawatts|%))/i, "9$2"],
      [/\b20(\d\d)\b/, "2031"],
      [/\bbefore\b/, "after"],
      [/\bfirst\b/i, "third"],
      [/\bsecond\b/i, "first"],
      // (a claim naming both states only repeats one)
      [/^(?!.*stateful)(.*?)\bstateless\b/i, "$1stateful"],
      [/\bamazon bedrock\b/i, "microsoft bedrock"],
      // another company, outlet, platform or month; a negation put in
      [/^(?!.*google)(.*?)\b(?:microsoft|msft|ms)\b/i, "$1google"],
      [/^(?!.*oracle)(.*?)\b(?:amazon|amzn|aws)\b/i, "$1oracle"],
      [/^(?!.*anthropic)(.*?)\b(?:openai|oai)\b/i, "$1anthropic"],
      // an outlet no source names (Reuters reported too, so "reuters reported this" can be true)
      [/^(?!.*wall street)(.*?)\b(?:ft|financial times)\b/i, "$1the wall street journal"],
      [/\bbedrock\b/i, "azure"],
      [/\bfebruary|feb\b/i, "march"],
      [/^(?!.*(?:\b(?:not|no|nobody|never|none|nothing|without)\b|n't\b))(.*?)\b(is|are|was|were|has|have|can|will)\b/i, "$1$2 not"],
    ];
    const variants = tune.claims
      .filter((c) => c.label === "supported" && cite(c.claim).verdict === "supported")
      .flatMap((c) => changes.filter(([re]) => re.test(c.claim)).map(([re, by]) => c.claim.replace(re, by)));
    expect(variants.length).toBeGreaterThan(10);
    expect(variants.filter((v) => cite(v).verdict === "supported")).toEqual([]);
  });

  it("reads a sentence giving the claim's figures and dates as about it, but supports only on the claim's words", () => {
    // "began in 2019 with a $1 billion investment, followed by $10 billion in 2023": the year and sum the claim pairs are paired otherwise
    expect(cite("ms dropped 10B into oai in 2019").reason).toBe("Sources say $1 billion in 2019, not 10B.");
    expect(cite("Microsoft put $1 billion into OpenAI in 2019").verdict).toBe("supported");
    // a year and month alone do not hold "feb 5 2026", and the party in the claim's other clause is not the one it speaks of
    expect(cite("Frontier launched Feb 5, a few weeks before the AWS deal").verdict).not.toBe("contradicted");
  });

  it("reads a claim word beside a figure through its synonyms: 'upfront' is the source's 'immediate'", () => {
    // "$50 billion … ($15 billion immediate, $35 billion contingent …)"
    expect(cite("amazon is paying $35B upfront and $15B later").verdict).not.toBe("supported");
  });

  it("reads a negation after 'but' as reaching no further back than 'but'", () => {
    // "AWS employees may tell customers that the SRE is "powered by" or "enabled by" OpenAI, but are banned from saying it … "calls on" ChatGPT."
    expect(cite("aws staff are allowed to say 'powered by' oai but not 'calls on' chatgpt").verdict).toBe("supported");
    expect(cite("aws staff are allowed to say 'calls on' chatgpt but not 'powered by' oai").verdict).toBe("contradicted");
  });

  it("calls no claim supported that puts a party of a lawsuit on the other side", () => {
    // "Musk v. OpenAI & Altman | Elon Musk vs. Sam Altman and OpenAI | … Microsoft is named as co-defendant."
    expect(cite("microsoft is suing musk").verdict).not.toBe("supported");
    expect(cite("microsoft is the plaintiff in the musk suit").verdict).not.toBe("supported");
  });

  it("reads early, mid and late in a month against the day a source gives", () => {
    // "On February 27, 2026, Amazon and OpenAI announced …"; "The Frontier platform, launched February 5, 2026, …"
    expect(cite("amzn/oai announced the partnership in late february 2026").verdict).toBe("supported");
    expect(cite("amzn/oai announced the partnership in early february 2026").reason).toBe("Sources say February 27, 2026, not early february.");
    expect(cite("amzn/oai announced the partnership in early march 2026").verdict).toBe("contradicted");
    expect(cite("frontier launched in early february").verdict).toBe("supported");
    expect(cite("frontier launched in mid-feb").verdict).toBe("contradicted");
  });

  it("reads numbers written without a unit beside a sum as parts of it, each with the words after it", () => {
    // "$50 billion Amazon investment in OpenAI ($15 billion immediate, $35 billion contingent on milestones including IPO)"
    expect(cite("amazon's 50B is 15 upfront and 35 tied to milestones incl the IPO").verdict).toBe("supported");
    expect(cite("amazon's 50B is 35 upfront and 15 tied to milestones incl the IPO").reason).toBe("Sources say $15 billion immediate, not 35B.");
    // the words after a whole ("of the $50B") are the part's
    expect(cite("only $15B of the $50B is upfront, rest hinges on milestones incl IPO").verdict).toBe("supported");
    expect(cite("only $35B of the $50B is upfront").verdict).not.toBe("supported");
  });

  it("supports no claim that only names parties, its verb lost among small words", () => {
    // "Integration of OpenAI technology across Microsoft products …" names both, and says nothing of going after anyone
    expect(cite("microsoft is only going after openai").verdict).not.toBe("supported");
    expect(cite("amazon is going after microsoft").verdict).not.toBe("supported");
    // a figure or a date is something said: "Microsoft's partnership with OpenAI began in 2019 with a $1 billion investment"
    expect(cite("msft first put 1b into oai back in 2019").verdict).toBe("supported");
  });

  it("contradicts all of something where the source says some of it", () => {
    // "… it gave up some of its total cloud exclusivity to allow OpenAI to diversify …"
    expect(cite("microsoft gave up all of its exclusivity").verdict).toBe("contradicted");
    expect(cite("microsoft gave up some of its exclusivity").verdict).toBe("supported");
  });

  it("supports an outcome only where the source gives that outcome", () => {
    // "UK CMA cloud probe | … | Strategic Market Status investigation; authority found …"
    expect(cite("the uk cma designated microsoft with strategic market status").verdict).not.toBe("supported");
    // "… Three DMA investigations into cloud computing gatekeeper designation"; "Musk v. OpenAI & Altman | … | Trial begins April 27"
    expect(cite("the dma investigations designated aws a gatekeeper").verdict).not.toBe("supported");
    expect(cite("musk won his case against openai").verdict).not.toBe("supported");
    expect(cite("the uk cma is running a strategic market status investigation into microsoft and aws").verdict).toBe("supported");
  });

  it("reads this and next year as times to compare", () => {
    // "… is targeting a public listing as early as this year."
    expect(cite("openai is targeting an ipo next year").reason).toBe("Sources say this year, not next year.");
    expect(cite("openai is targeting an ipo this year").verdict).toBe("supported");
  });

  it("weighs nothing on a verb that only links the claim's words", () => {
    // "Amazon's $50 billion is contingent on OpenAI using AWS for Frontier."; "comes" is a rare word of the sources
    expect(cite("amazon's $50B comes with no strings attached").verdict).toBe("contradicted");
    expect(cite("amazon's $50B comes with strings attached").verdict).not.toBe("contradicted");
  });

  it("supports no claim whose clauses the sentence holds mixed up", () => {
    // "Early adopters include HP, Intuit, … and Uber, with pilots at BBVA, Cisco, and T-Mobile."
    expect(cite("HP, Intuit and Uber are early adopters, with pilots at BBVA and Cisco").verdict).toBe("supported");
    expect(cite("hp, intuit and uber are only pilots, bbva cisco t-mobile are the early adopters").verdict).not.toBe("supported");
  });

  it("weighs a hedge only where it bears on the claim's words, or where it opens the sentence", () => {
    // "Has said its deal with Amazon does not provide any “backdoor access” … APIs that would contravene agreements …"
    expect(cite("oai admitted the amazon deal gives backdoor access to its stateless models").verdict).toBe("contradicted");
    expect(cite("oai says there's no backdoor access to its stateless models").verdict).not.toBe("contradicted");
    // "Observers and customers should watch for … any legal filings that would bring those details into the open."
    expect(cite("so ms hasn't actually filed anything yet").verdict).not.toBe("contradicted");
  });

  it("reads a passage naming another of a kind as about the claim when it holds the rest of it", () => {
    // "co-created a “Stateful Runtime Environment” (SRE) hosted on Amazon Bedrock"; "an internal memo seen by Business Insider"
    expect(cite("the SRE that amazon and openai built is hosted on azure").reason).toBe("Sources say Bedrock, not Azure.");
    expect(cite("the Amazon wording memo was leaked to the FT first").reason).toBe("Sources say Business Insider, not Financial Times.");
    expect(cite("the SRE that amazon and openai built is hosted on bedrock").verdict).not.toBe("contradicted");
  });

  it("reads a company or platform closing the claim against the one a source names after the same preposition", () => {
    // "co-created a “Stateful Runtime Environment” (SRE) hosted on Amazon Bedrock"
    const r = cite("the SRE is hosted on google cloud");
    expect(r.verdict).toBe("contradicted");
    expect(r.reason).toBe("Sources say Amazon Bedrock, not google cloud.");
    expect(r.items[0]!.text).toContain("hosted on Amazon Bedrock");
    expect(cite("the SRE is hosted on Amazon Bedrock").verdict).toBe("supported");
    // where a thing runs, said with another preposition of place: "an SRE that runs inside Amazon's Bedrock AI platform"
    expect(cite("the sre runs on google cloud").reason).toBe("Sources say Amazon's Bedrock AI, not google cloud.");
  });

  it("contradicts a claim putting beside a figure the words a source puts beside another part of the same whole", () => {
    // "$50 billion Amazon investment in OpenAI ($15 billion immediate, $35 billion contingent on milestones including IPO)"
    expect(cite("amazon paid the whole 50b upfront").reason).toBe("Sources say $15 billion immediate, not 50b.");
    expect(cite("amazon is paying $35B upfront and $15B later").reason).toBe("Sources say $15 billion immediate, not $35B.");
    // the words beside each of the claim's numbers are that number's, units or not
    expect(cite("amazon's 50B is 15 upfront and 35 tied to milestones incl the IPO").verdict).not.toBe("contradicted");
    expect(cite("amazon is investing $50 billion, $15 billion of it upfront").verdict).toBe("supported");
    // figures that do not add up to a whole split nothing ("a $1 billion investment … totaling more than $13 billion")
    expect(cite("Microsoft invested $13 billion in OpenAI").verdict).not.toBe("contradicted");
  });

  it("reads a negation as denying only the claim's words no clause free of negation holds too", () => {
    // "UK CMA cloud probe | … vs Microsoft & AWS | … authority found "competition not working well" in cloud": the row is
    // not negative about the probe's parties, so it contradicts a claim denying that AWS is part of it
    expect(cite("the uk cma cloud probe is only going after microsoft, aws isnt part of it").verdict).toBe("contradicted");
    expect(cite("so MS already sued them").verdict).toBe("contradicted");
  });

  it("contradicts a claim that something has ended where the sentence about it says it goes on, and supports it only where one says it ended", () => {
    // "… a joint statement insisting their partnership remained "strong and central.""
    expect(cite("the joint statement said the ms-openai partnership was over").verdict).toBe("contradicted");
    // "The three companies were still in talks as of Wednesday …"
    expect(cite("talks between the three have broken down completely").verdict).toBe("contradicted");
    expect(cite("the partnership remained strong and central per the joint statement").verdict).toBe("supported");
    // "Musk v. OpenAI & Altman | … | Trial begins April 27 in Oakland" says nothing ended
    expect(cite("the musk trial ended already").verdict).not.toBe("supported");
    // "over" after a noun is no end
    expect(cite("ms and amazon are fighting over the sre").verdict).not.toBe("contradicted");
  });

  it("reads \"just one\" as a count, and what a sentence puts after \"before\" as not yet done", () => {
    // "Three DMA investigations into cloud computing gatekeeper designation"
    expect(cite("eu opened just one dma investigation into cloud").reason).toBe("Sources say Three DMA investigations, not just one.");
    // "… reportedly in discussions to resolve the dispute before Frontier exits limited preview"
    expect(cite("frontier is already out of limited preview fwiw").verdict).not.toBe("supported");
    expect(cite("the three companies are trying to settle before frontier exits limited preview").verdict).toBe("supported");
  });

  it("finds who the claim says said it in the passage around the sentence that says it", () => {
    // "The same day, OpenAI and Microsoft released a joint statement … Microsoft would retain exclusive rights to stateless OpenAI APIs through Azure"
    expect(cite("the joint statement said msft keeps exclusive stateless api rights thru azure").verdict).toBe("supported");
    expect(cite("the joint statement said amazon keeps exclusive stateless api rights thru azure").verdict).not.toBe("supported");
    // that passage does not name the FT
    expect(cite("per the FT, microsoft would retain exclusive rights to stateless OpenAI APIs through Azure").verdict).not.toBe("supported");
  });

  it("calls a claim of several parts contradicted when one part naming something of the story is", () => {
    // "The three companies were still in talks as of Wednesday to resolve the matter without going to court."
    const r = cite("talks broke down, they're definitely headed to court");
    expect(r.verdict).toBe("contradicted");
    expect(r.reason).toContain("without going to court");
    // "A stateless model … retaining no memory": a part that has lost its subject is not judged alone
    expect(cite("stateless basically = each request handled on its own, no memory of earlier ones").verdict).not.toBe("contradicted");
    // a part of a conditional claim is not said on its own
    expect(cite("if the sre runs on azure, microsoft would drop the lawsuit").verdict).not.toBe("contradicted");
  });

  it("reads 'going after' as pursuing, not as an order, and supports no claim one of whose parts a source contradicts", () => {
    // "Musk v. OpenAI & Altman | … | $79B-$134B in damages"
    expect(cite("musk is going after like 79-134b in damages").verdict).toBe("supported");
    // "UK CMA cloud probe | UK Competition & Markets Authority vs Microsoft & AWS"
    expect(cite("the uk cma cloud probe is only going after microsoft, aws isnt part of it").verdict).not.toBe("supported");
  });

  it("shows the passage a verdict's reason quotes, around the sentence it quotes", () => {
    const r = cite("so MS already sued them");
    expect(r.verdict).toBe("contradicted");
    expect(r.items[0]!.text).toContain("No lawsuit has been filed yet.");
    // every reason quoting a source, on every tuning claim, quotes a sentence one of the items shows
    const tuning = JSON.parse(readFileSync(new URL("../eval/chat-tune.json", import.meta.url), "utf8")) as { claims: { claim: string }[] };
    const quoting = tuning.claims.map((c) => cite(c.claim)).filter((x) => x.verdict !== "unverified" && /Sources say: “/.test(x.reason));
    expect(quoting.length).toBeGreaterThan(200);
    const unshown = quoting.filter((x) => {
      const quoted = /Sources say: “(.+?)(?: …)?” \(/.exec(x.reason)![1]!;
      return !x.items.some((item) => item.text.includes(quoted));
    });
    expect(unshown.map((x) => x.query)).toEqual([]);
  });
});
