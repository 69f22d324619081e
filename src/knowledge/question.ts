/** What kind of answer a question asks for; used as a ranking hint, never as a filter. */
/**
 * Words that name a part of a source's layout ("the table", "that row", "the bullets", "per the
 * article") rather than what it says: they say what form of answer is wanted (see `list`) and are
 * not words to find in a passage.
 */
export const LAYOUT_WORDS: readonly string[] = ["table", "tables", "row", "rows", "column", "columns", "bullet", "bullets", "bulleted", "chart", "charts", "paragraph", "paragraphs", "section", "sections", "heading", "headings", "article", "articles", "explainer", "explainers"];

export interface QuestionHints {
  readonly when: boolean;
  readonly amount: boolean;
  /** Which figures an amount question wants: capacity (GW) or money. */
  readonly amountKind: "money" | "capacity";
  readonly who: boolean;
  /** Asks what a party says, argues, thinks or wants. */
  readonly stance: boolean;
  /** For "what is X" / "define X": X, when it is short. */
  readonly subject: string | null;
  /** Asks for a list: arguments, points, ways, outcomes, bullets. */
  readonly list: boolean;
  /** Asks for a reason: "why", "how come", "what for". */
  readonly why: boolean;
  /** Asks for what someone said, in their words: "the spicy quote", "who is quoted saying". */
  readonly quote: boolean;
  /** A yes/no question or a claim about where something stands ("did MS sue yet?", "MS already sued"). */
  readonly yesNo: boolean;
}

const DEFINE = /^\s*(?:(?:what|wat)\s*(?:'s|s|is|are|was|were)|define|explain|meaning of|what does)\s+(?:the\s+|a\s+|an\s+)?(.+?)(?:\s+(?:mean|stand for))?\s*[?.!]*\s*$/i;

/** "the ftc thing — what's it about", "uk probe, what is that": the subject first, then the question. */
const DEFINE_AFTER = /^\s*(?:the\s+|a\s+|an\s+)?(.+?)(?:\s+(?:thing|stuff))?\s*(?:,|—|–|-|:)\s*(?:so\s+)?(?:what|wat)\s*(?:'s|’s|s|is)\s+(?:it|that|this)(?:\s+(?:all\s+)?about)?\s*[?.!]*\s*$/i;
/** "what's the ftc thing about": a subject named as a "thing", asked what it is about. */
const DEFINE_ABOUT = /^\s*(?:what|wat)\s*(?:'s|’s|s|is|are)\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?(.+?)\s+(?:thing|stuff)(?:\s+(?:all\s+)?about)?\s*[?.!]*\s*$/i;

function definitionSubject(query: string): string | null {
  const m = DEFINE_AFTER.exec(query) ?? DEFINE_ABOUT.exec(query) ?? DEFINE.exec(query);
  const subject = m?.[1]?.trim();
  if (!subject || subject.split(/\s+/).length > 4) return null;
  return subject;
}

/** Reads question-type hints: when → dates, how much/many → figures, who/which company → names. */
export function questionHints(query: string): QuestionHints {
  const q = query.toLowerCase();
  return {
    // "when" that asks ("when did …", "as of when?"), not one that joins clauses ("let go of when they redid the terms")
    when:
      /(^|[^a-z\s]\s*|\b(?:so|and|but|ok|okay|wait|like|then|as of|since|until|till|by)\s+)when\b|\bwhen\s+(?:\w+\s+)?(?:did|does|do|is|was|will|would|might|could|can|are|were|has|have|had|exactly|roughly|approximately)\b|\bwhen\s*[?]?\s*$/.test(q) ||
      /\b(what (date|day|year|month|time)|which (date|day|year|month)|how long ago|timeline|date)\b/.test(q),
    // "what is state farm paying", "what does openai pay amazon": a sum paid
    amount: /\bwhat(?:['’]s|\s+is|\s+are|\s+does|\s+do|\s+did|\s+will|\s+would)\s+(?:\S+\s+){1,2}?(?:pay|pays|paying|paid|charg(?:e|es|ing))\b|\b(how (much|many|large|big)|amount|sum|(?<!\bat (?:that|this|such|any) )size|sized|figure|total|worth|valued?|valuation|cost|costs|pric(?:e|es|ed|ing)|dollars?|billions?)\b|\$/.test(q) || /\b(numbers?|in (actual )?dollars)\b/.test(q),
    stance: /\b(say|says|said|saying|argue|argues|argued|arguing|argument|arguments|think|thinks|believe|believes|want|wants|position|positions|stance|view|views|claim|claims|contend|contends|respond|response|react|reaction|upset|concern|concerns|object|objects|problem|defen[cs]e|defend|defending|justify|justifying|justification|pushback|push back|reasoning|rationale|take|side)\b/.test(q),
    subject: definitionSubject(query),
    // what something costs or what is paid for it is money, whatever it buys ("how much does one trainium chip cost")
    amountKind:
      !/\b(costs?|costing|pric(?:e|es|ed|ing)|pays?|paying|paid|spend(?:s|ing)?|spent|charg(?:e|es|ed|ing))\b/.test(q) && /\b(capacity|compute|power|gigawatts?|gw|energy|chips?|data ?cent(er|re)s?)\b|\d\s?gw\b/.test(q) ? "capacity" : "money",
    who: /\b(who|whom|whose|which (compan(y|ies)|newspapers?|outlets?|papers?|firms?|part(y|ies)|publications?|customers?|banks?))\b/.test(q),
    list: /\b(list|lists|bullets?|bullet points?|points|arguments|reasons|ways|options|outcomes|scenarios|possibilities|steps|takeaways|implications|pros and cons|what are (the|their|some)|table|tables|row|rows|column|chart)\b/.test(q),
    quote: /\b(quote|quotes|quoted|quoting|exact words|in (his|her|their) words|word for word|spicy line|the line about)\b/.test(q),
    why: /\b(why|whys|how come|what for|reason|reasons|motive|motivation|rationale|point of)\b|\bwhy['’]d\b/.test(q),
    yesNo:
      (/^\s*(did|does|do|has|have|had|is|are|was|were|will|would|can|could|should)\b/.test(q) && !/\b(how|what|when|where|which|who|why)\b/.test(q)) ||
      // a claim about where things stand: "so MS already sued them", "they're still talking"
      /\b(already|yet|still|so far|by now|any ?more)\b/.test(q),
  };
}
