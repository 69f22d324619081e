import type { Analyzer } from "./analyze.js";
import { attributedParties } from "./attribution.js";
import { citationOf, excerptPassage } from "./excerpt.js";
import { jaccard, SAME_FACT } from "./similarity.js";
import type { AnswerItem, SourceDocument, Topic } from "./types.js";

/** What one party says, argues, believes, wants or does, each item cited. */
export interface PartyPositions {
  readonly party: string;
  readonly items: readonly AnswerItem[];
}

/** Most items listed per party. */
export const MAX_POSITIONS = 8;

/** Resolves a party name or alias ("ms", "AWS", "Redmond") to its topic id, or null. */
export function resolveParty(name: string, topic: Topic, analyzer: Analyzer): string | null {
  const wanted = name.trim().toLowerCase();
  const direct = topic.parties.find((p) => p.id === wanted || p.name.toLowerCase() === wanted);
  if (direct) return direct.id;
  const partyIds = new Set(topic.parties.map((p) => p.id));
  return [...analyzer.concepts(name)].find((id) => partyIds.has(id)) ?? null;
}

/**
 * Collects, per party, the sentences that attribute a position or action to it, deduplicated
 * across sources (the first source in document order is kept). Explicitly labelled positions
 * (bullets, signed quotes) come before sentences found in running text.
 */
export function collectPositions(
  documents: readonly SourceDocument[],
  topic: Topic,
  analyzer: Analyzer,
): PartyPositions[] {
  const parties = topic.parties;
  const found = new Map<string, { item: AnswerItem; terms: Set<string>; explicit: boolean; order: number }[]>();
  for (const p of parties) found.set(p.id, []);
  let order = 0;
  for (const document of documents) {
    for (const passage of document.passages) {
      const whole = passage.kind !== "paragraph";
      const spans = whole ? [{ start: 0, end: passage.text.length }] : passage.sentences;
      for (const span of spans) {
        const sentence = passage.text.slice(span.start, span.end);
        const owners = attributedParties(passage, sentence, analyzer, topic);
        if (owners.length === 0) continue;
        const cut = whole ? excerptPassage(passage, 0) : excerptPassage({ ...passage, text: sentence, sentences: [{ start: 0, end: sentence.length }] }, 0);
        const start = whole ? cut.start : span.start;
        const item: AnswerItem = { text: cut.text, citation: citationOf(document, passage, start, start + (cut.end - cut.start)) };
        const terms = new Set(analyzer.terms(sentence));
        for (const owner of owners) {
          const list = found.get(owner);
          if (!list || list.some((e) => jaccard(e.terms, terms) >= SAME_FACT)) continue;
          list.push({ item, terms, explicit: passage.kind !== "paragraph", order: order++ });
        }
      }
    }
  }
  return parties.map((p) => ({
    party: p.name,
    items: (found.get(p.id) ?? [])
      .sort((a, b) => Number(b.explicit) - Number(a.explicit) || a.order - b.order)
      .slice(0, MAX_POSITIONS)
      .map((e) => e.item),
  }));
}
