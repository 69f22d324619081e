import { stemmer } from "stemmer";
import { SYNONYM_GROUPS } from "./lexicon.js";
import { STOP_WORDS } from "./stopwords.js";
import type { Topic } from "./types.js";

/** Turns text into index terms; the same analyzer serves passages and queries. */
export interface Analyzer {
  /** Index terms of a text, in order, with repeats. */
  terms(text: string): string[];
  /** Ids of the topic's parties and terms that a text mentions. */
  concepts(text: string): Set<string>;
}

const UNIT: Record<string, string> = {
  trillion: "t", tn: "t", t: "t",
  billion: "b", bn: "b", b: "b",
  million: "m", mn: "m", m: "m",
};

/**
 * Lower-cases and normalises text: typographic quotes, possessives, money ("$50B", "$50 billion",
 * "50bn" all become `50b`), power ("2 gigawatts", "2GW" become `2gw`) and thousands separators.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/(\d),(\d{3})\b/g, "$1$2")
    .replace(/\b([a-z0-9]+)'s\b/g, "$1")
    .replace(/(?:us\$|\$|usd\s?)(\d+(?:\.\d+)?)\s?(trillion|billion|million|tn|bn|mn|[tbm])\b/g, (_m, n: string, u: string) => ` ${n}${UNIT[u]} usd `)
    .replace(/\b(\d+(?:\.\d+)?)\s?(trillion|billion|million|bn)\b/g, (_m, n: string, u: string) => ` ${n}${UNIT[u]} usd `)
    .replace(/\b(\d+(?:\.\d+)?)\s?(gigawatts?|gw)\b/g, " $1gw gw ")
    .replace(/\$(\d)/g, " $1");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Builds the analyzer for a topic: stop words removed, Porter stemming (topic words are kept
 * whole), one-word aliases of a party, term or synonym group replaced by its id (by the ids of
 * every party and term that lists the word: "Reuters" is Reuters and the press), and every
 * phrase alias ("Amazon Web Services") adding the id as an extra term.
 */
export function createAnalyzer(topic: Topic): Analyzer {
  /** Word → the ids it stands for: a word may name a term and a wider one ("Reuters": Reuters, the press). */
  const wordAlias = new Map<string, string[]>();
  /** Phrase (words joined by one space) → the ids it adds (topic) or stands for (synonym group). */
  const topicPhrases = new Map<string, string[]>();
  const synonymPhrases = new Map<string, string>();
  const protectedWords = new Set<string>();
  const topicIds = new Set([...topic.parties, ...topic.terms].map((e) => e.id));
  const groups = SYNONYM_GROUPS.map(([head, ...rest]) => ({ id: head!, name: head!, aliases: rest }));
  const groupIds = new Set(groups.map((g) => g.id));
  for (const entry of [...topic.parties, ...topic.terms, ...groups]) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const words = normalizeText(alias).split(/[^a-z0-9]+/).filter(Boolean);
      if (words.length === 0) continue;
      if (words.length === 1) {
        const ids = wordAlias.get(words[0]!) ?? [];
        // a synonym group's word stands for its group alone, and for no group where a topic entry lists it
        const takenByGroup = ids.some((id) => groupIds.has(id));
        const group = groupIds.has(entry.id);
        if (!ids.includes(entry.id) && !takenByGroup && !(group && ids.length > 0)) ids.push(entry.id);
        wordAlias.set(words[0]!, ids);
      } else if (groupIds.has(entry.id)) {
        // a synonym phrase ("put into") stands for its group
        synonymPhrases.set(words.join(" "), entry.id);
      } else {
        // a topic phrase ("Amazon Web Services") adds its id beside its own words
        const ids = topicPhrases.get(words.join(" ")) ?? [];
        if (!ids.includes(entry.id)) ids.push(entry.id);
        topicPhrases.set(words.join(" "), ids);
      }
      for (const word of words) protectedWords.add(word);
    }
    protectedWords.add(entry.id);
    if (groupIds.has(entry.id)) wordAlias.set(entry.id, [entry.id]);
  }
  const synonymRe = phraseRegExp([...synonymPhrases.keys()]);
  const topicRe = phraseRegExp([...topicPhrases.keys()]);
  const phraseKey = (match: string): string => match.split(/[^a-z0-9]+/).filter(Boolean).join(" ");

  const stemCache = new Map<string, string>();
  const stem = (word: string): string => {
    if (protectedWords.has(word) || /\d/.test(word) || word.length <= 3) return word;
    let stemmed = stemCache.get(word);
    if (stemmed === undefined) {
      stemmed = stemmer(word);
      if (stemCache.size > 200_000) stemCache.clear();
      stemCache.set(word, stemmed);
    }
    return stemmed;
  };
  const phraseIds = (norm: string, out: string[]): void => {
    if (!topicRe) return;
    for (const m of norm.matchAll(topicRe)) for (const id of topicPhrases.get(phraseKey(m[0])) ?? []) if (!out.includes(id)) out.push(id);
  };
  const words = (norm: string, out: string[], keepOthers: boolean): void => {
    for (const word of norm.split(/[^a-z0-9]+/)) {
      if (word === "") continue;
      const ids = wordAlias.get(word);
      if (ids !== undefined && ids.length > 0) out.push(...ids);
      else if (keepOthers && !STOP_WORDS.has(word)) out.push(stem(word));
    }
  };

  return {
    terms(text: string): string[] {
      let norm = normalizeText(text);
      if (synonymRe) norm = norm.replace(synonymRe, (m) => ` ${synonymPhrases.get(phraseKey(m)) ?? m} `);
      const out: string[] = [];
      words(norm, out, true);
      phraseIds(norm, out);
      return out;
    },
    concepts(text: string): Set<string> {
      const norm = normalizeText(text);
      const out: string[] = [];
      words(norm, out, false);
      phraseIds(norm, out);
      return new Set(out.filter((id) => topicIds.has(id)));
    },
  };
}

/** One regular expression matching any of the phrases (longest first), as whole words. */
function phraseRegExp(phrases: readonly string[]): RegExp | null {
  if (phrases.length === 0) return null;
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.split(" ").map(escapeRegExp).join("[^a-z0-9]+"));
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join("|")})(?![a-z0-9])`, "g");
}
