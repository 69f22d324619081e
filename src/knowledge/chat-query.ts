/**
 * Query understanding for chat: what people type around a question ("wait so", "dumb q but",
 * "eli5", "lol") is dropped, and general chat shorthand ("whats", "w/", "govt") is spelled out,
 * before the question reaches the analyzer. Nothing here is specific to one story: story names
 * and their abbreviations live in the topic file.
 */

/** Chat openers, hedges and sign-offs that carry no content, as whole phrases (longest first). */
const FILLER_PHRASES: readonly string[] = [
  "as a bullet list", "as a list", "in a list", "as bullets", "in bullets", "as bullet points", "bullet list of", "bullet list",
  "bullet points", "list them", "list of", "gimme", "give me",
  "dumb question but", "dumb q but", "dumb question", "dumb q", "stupid question but", "stupid question", "silly question",
  "quick question", "quick q", "random question", "serious question", "honest question", "genuine question",
  "explain like i'm five", "explain like im five", "explain like i am five", "eli5", "tl;dr", "tldr",
  "not gonna lie", "to be honest", "in my opinion", "as far as i know", "correct me if i'm wrong", "correct me if im wrong",
  "does anyone know", "does anybody know", "anyone know", "anybody know", "can someone tell me", "can somebody tell me",
  "can someone explain", "can somebody explain", "can anyone explain", "could someone explain", "someone explain",
  "can you tell me", "could you tell me", "can u tell me", "tell me", "help me understand", "i'm confused", "im confused",
  "i am confused", "confused about", "so confused", "confused", "i was wondering", "just wondering", "i wonder", "wondering", "any idea", "any ideas",
  "anyone got", "i heard that", "i heard", "i read that", "i saw that", "i think", "i guess", "i mean", "you know",
  "for real", "real quick", "out of curiosity", "asking for a friend", "help pls", "help please", "thanks in advance",
  "wait so", "wait what", "ok so", "okay so", "so like", "so basically", "hold on", "hang on", "sorry if",
  "ngl", "tbh", "tbf", "tbqh", "imo", "imho", "iirc", "iiuc", "afaik", "afaict", "afaiu", "idk", "idc", "fwiw", "istg", "lowkey", "low key",
  "highkey", "high key", "sanity check", "quick sanity check", "double check", "double-check", "lol", "lmao", "lmfao", "rofl",
  "haha", "hahaha", "hmm", "hmmm", "umm", "um", "uh", "erm", "bruh", "bro", "dude", "fam", "guys", "folks", "yall", "y'all",
  "pls", "plz", "please", "thx", "thanks", "ty", "fr", "frfr", "smh", "omg", "wtf", "wth", "yo", "hey", "hi", "hello",
  "ok", "okay", "welp", "jk", "srsly", "literally", "basically", "actually", "honestly", "seriously", "like", "wait",
  // how a claim is put forward: "pretty sure the FT broke this", "… apparently", "right?"
  "pretty sure", "i'm pretty sure", "im pretty sure", "i'm sure", "im sure", "fairly sure", "i believe", "apparently",
  "supposedly", "allegedly", "if i remember right", "right?", "am i right", "correct?", "no?", "isn't it", "didn't they",
  "is it true that", "is it true", "is that true", "true or false", "fact check", "fact-check", "yeah?", "yes?", "true?",
  "fyi", "btw", "by the way", "heads up", "psa", "just so you know", "for the record", "reminder",
];

/** General chat shorthand and contractions, spelled out. */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ["whats", "what is"], ["wats", "what is"], ["wat", "what"], ["wht", "what"], ["whos", "who is"], ["wheres", "where is"],
  ["whens", "when is"], ["hows", "how is"], ["whys", "why is"], ["isnt", "is not"], ["wasnt", "was not"], ["didnt", "did not"],
  ["doesnt", "does not"], ["dont", "do not"], ["cant", "cannot"], ["wont", "will not"], ["hasnt", "has not"], ["havent", "have not"],
  ["arent", "are not"], ["werent", "were not"], ["shouldnt", "should not"], ["wouldnt", "would not"], ["couldnt", "could not"],
  ["theyre", "they are"], ["theres", "there is"], ["thats", "that is"], ["im", "i am"], ["ive", "i have"], ["youre", "you are"],
  ["theyd", "they would"], ["theyve", "they have"], ["theyll", "they will"], ["youd", "you would"], ["youve", "you have"], ["youll", "you will"],
  ["itll", "it will"], ["itd", "it would"], ["wouldve", "would have"], ["couldve", "could have"], ["shouldve", "should have"],
  ["wdym", "what do you mean"], ["incl", "including"], ["prolly", "probably"], ["rly", "really"],
  ["w/", "with"], ["w/o", "without"], ["b/c", "because"], ["bc", "because"], ["cuz", "because"], ["coz", "because"], ["bcuz", "because"],
  ["abt", "about"], ["govt", "government"], ["gov", "government"], ["biz", "business"], ["co", "company"], ["cos", "companies"],
  ["mgmt", "management"], ["ppl", "people"], ["msg", "message"], ["yr", "year"], ["yrs", "years"], ["mo", "month"], ["mos", "months"],
  ["wk", "week"], ["wks", "weeks"], ["rn", "right now"], ["atm", "at the moment"], ["tmrw", "tomorrow"], ["tmr", "tomorrow"],
  ["ystd", "yesterday"], ["b4", "before"], ["thru", "through"], ["tho", "though"], ["ur", "your"], ["u", "you"], ["r", "are"],
  ["n", "and"], ["&", "and"], ["+", "and"], ["vs", "versus"], ["v", "versus"], ["approx", "approximately"], ["info", "information"],
  ["exec", "executive"], ["execs", "executives"], ["bn", "billion"], ["bil", "billion"], ["mil", "million"],
  ["pct", "percent"], ["yoy", "year over year"], ["tech", "technology"],
  ["infra", "infrastructure"], ["admin", "administration"], ["dept", "department"], ["intl", "international"], ["natl", "national"],
  ["acct", "account"], ["agmt", "agreement"], ["prob", "probably"], ["def", "definitely"],
  ["obv", "obviously"], ["obvs", "obviously"], ["smth", "something"], ["sth", "something"], ["sb", "somebody"], ["ppl's", "people's"],
]);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const FILLER = new RegExp(
  `(?<![\\p{L}\\p{N}'’])(?:${[...FILLER_PHRASES].sort((a, b) => b.length - a.length).map((p) => escape(p).replace(/'/g, "['’]?").replace(/ /g, "\\s+")).join("|")})(?![\\p{L}\\p{N}'’])`,
  "giu",
);

/** A request's leading verb ("list ms's arguments", "name the adopters"): the rest is the question. */
const LEADING_IMPERATIVE = /^\s*(?:list|name|give|show|summari[sz]e|describe)\s+(?:me\s+)?(?=\S)/i;

/** Whether a word may be shorthand (kept verbatim in case the topic gives it a meaning, e.g. "MS"). */
function spellOut(word: string): string {
  const lower = word.toLowerCase().replace(/['’]/g, "");
  return SHORTHAND.get(lower) ?? SHORTHAND.get(word.toLowerCase()) ?? word;
}

/**
 * The question without chat filler, with shorthand spelled out and emphasis ("??", "!!!", "...")
 * reduced. Returns the original text when cleaning would leave nothing.
 */
export function cleanChatQuery(text: string): string {
  let out = text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/<@[!&]?\d+>|<#\d+>|@\w+/g, " ")
    .replace(/[!?.]{2,}/g, "?")
    .replace(/\b(\w)\1{2,}\b/g, "$1");
  out = out.replace(FILLER, " ").replace(LEADING_IMPERATIVE, " ");
  out = out
    .split(/(\s+)/)
    .map((token) => {
      const m = /^([("“'‘]*)(.*?)([)"”'’,.;:!?]*)$/.exec(token);
      if (!m || m[2] === "") return token;
      return `${m[1]}${spellOut(m[2]!)}${m[3]}`;
    })
    .join("")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:.!?-]+/, "")
    .replace(/[\s,;:-]+$/, "")
    .trim();
  return /[\p{L}\p{N}]/u.test(out) ? out : text.trim();
}
