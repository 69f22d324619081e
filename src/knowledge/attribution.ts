import type { Analyzer } from "./analyze.js";
import type { Passage, Topic } from "./types.js";

/** Verbs that report what a party says, argues, believes, wants or does. */
const STANCE_VERBS =
  /\b(?:says?|said|saying|argues?|argued|arguing|believes?|believed|contends?|contended|claims?|claimed|insists?|insisted|insisting|maintains?|views?|wants?|wanted|warns?|warned|threatens?|threatened|threatening|plans?|planned|planning|considers?|considering|considered|weighs?|weighing|alleges?|alleged|characteri[sz]es?|characteri[sz]ed|advised|advises|announced|announces|committed|commits|signed|accuses?|denies|denied|sues?|signal(?:l)?ed|framed|describes?|described|tell|tells|told|secured|agreed|contests?|disputes?|rejects?|rejected|accepted)\b/i;
const POSITION_NOUN = /\b(?:position|concern|stance|view|argument|contention|claim|complaint|case)\s+(?:is|was)\b/i;
const LEAD_IN_SUBJECT = /^(.{1,60}?)\s+(?:argues?|says?|claims?|contends?|believes?|wants?|insists?|position|view)\b.*:$/i;
const MAX_SUBJECT_WORDS = 12;

/** The first reporting verb that is not part of "as described" / "as reported". */
function firstStanceVerb(clause: string): RegExpExecArray | null {
  const all = new RegExp(STANCE_VERBS.source, "gi");
  for (let m = all.exec(clause); m; m = all.exec(clause)) {
    if (!/\bas\s+$/i.test(clause.slice(Math.max(0, m.index - 4), m.index))) return m;
  }
  return null;
}

/** Finds the parties (topic party ids) named in a stretch of text. */
function partiesIn(text: string, analyzer: Analyzer, partyIds: ReadonlySet<string>): string[] {
  return [...analyzer.concepts(text)].filter((id) => partyIds.has(id));
}

/**
 * Which parties a sentence of a passage attributes a position or action to.
 * A bullet "OpenAI: …" belongs to OpenAI alone; bullets under "Microsoft argues:" to Microsoft;
 * a quote signed "— Unnamed Microsoft source" to Microsoft; otherwise the parties named in the
 * subject, i.e. before the sentence's first reporting verb ("unnamed Microsoft executives believe").
 */
export function attributedParties(passage: Passage, sentence: string, analyzer: Analyzer, topic: Topic): string[] {
  const partyIds = new Set(topic.parties.map((p) => p.id));
  if (passage.kind === "bullet") {
    const label = /^([^:]{1,40}):\s/.exec(passage.text);
    if (label) {
      const named = partiesIn(label[1]!, analyzer, partyIds);
      if (named.length > 0) return named;
      return [];
    }
    const lead = passage.leadIn ? LEAD_IN_SUBJECT.exec(passage.leadIn) : null;
    if (lead) return partiesIn(lead[1]!, analyzer, partyIds);
  }
  if (passage.kind === "quote") {
    const signature = /[—–]\s*([^—–]+)$/.exec(passage.text);
    if (signature) return partiesIn(signature[1]!, analyzer, partyIds);
  }
  if (/:\s*$/.test(sentence) || /^if\b/i.test(sentence)) return []; // a lead-in, or a conditional
  const clause = sentence.replace(/^(?:according to [^,]+,|per [^,]+,|however,|but|in fact,|ultimately,)\s*/i, "");
  const possessive = POSITION_NOUN.exec(clause);
  const verb = firstStanceVerb(clause);
  const cut = possessive && (!verb || possessive.index <= verb.index) ? possessive.index : verb?.index;
  if (cut === undefined) return [];
  const subject = clause.slice(0, cut);
  if (subject.split(/\s+/).length > MAX_SUBJECT_WORDS || /\b(?:would|could|might)\b/i.test(subject)) return [];
  return partiesIn(subject, analyzer, partyIds);
}
