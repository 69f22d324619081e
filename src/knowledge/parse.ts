import {
  isBareQuestion,
  isFooterStart,
  isFurniture,
  isNonArticleSection,
  isTooShort,
  isTruncatedTeaser,
} from "./boilerplate.js";
import { splitSentences } from "./sentences.js";
import type { Passage, PassageKind, TableCell } from "./types.js";

/** The article part of one seed: its passages and its headings. */
export interface ParsedSeed {
  readonly passages: Passage[];
  readonly headings: string[];
}

type RawBlockKind = "text" | "bullet" | "table" | "attribution";

interface RawBlock {
  kind: RawBlockKind;
  text: string;
  line: number;
}

const BULLET = /^(?:[-•*·▪●◦]|\d{1,2}[.)])\s+/;
const ATTRIBUTION = /^(?:[—–]|--)\s*\S/;
const TABLE_SEPARATOR_CELL = /^:?-{2,}:?$/;

/** Folds runs of white space (including no-break spaces) into one space and trims. */
export function foldSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * Parses one raw web capture into article passages. Handles both layouts seen in captures:
 * blank-line separated (often indented) paragraphs, and one paragraph per line with headings,
 * bullets and `|` tables. Navigation, counters, share links, comments, teasers, link lists and
 * bare questions are removed; headings become the section of the passages below them.
 * Never throws and never returns an empty passage.
 *
 * @param documentId id used in passage ids
 * @param raw the seed file's text
 * @param title the document's title (a block repeating it is not a passage)
 */
export function parseSeed(documentId: string, raw: string, title = ""): ParsedSeed {
  const blocks = splitBlocks(raw);
  return buildPassages(documentId, blocks, foldSpace(title).toLowerCase());
}

/** Splits the capture into raw blocks, stopping at the footer or comment section. */
function splitBlocks(raw: string): RawBlock[] {
  const lines = raw.split(/\r\n|\r|\n/);
  const blank = lines.filter((l) => foldSpace(l) === "").length;
  const blankSeparated = lines.length > 0 && blank / lines.length > 0.3;
  const blocks: RawBlock[] = [];
  let open: RawBlock | null = null;

  for (let i = 0; i < lines.length; i++) {
    const text = foldSpace(lines[i]!);
    if (text === "") {
      open = null;
      continue;
    }
    if (isFooterStart(text)) break;
    const bullet = BULLET.exec(text);
    if (bullet) {
      blocks.push({ kind: "bullet", text: text.slice(bullet[0].length), line: i + 1 });
      open = null;
    } else if (text.startsWith("|")) {
      blocks.push({ kind: "table", text, line: i + 1 });
      open = null;
    } else if (ATTRIBUTION.test(text)) {
      blocks.push({ kind: "attribution", text, line: i + 1 });
      open = null;
    } else if (blankSeparated && open) {
      open.text = `${open.text} ${text}`;
    } else {
      open = { kind: "text", text, line: i + 1 };
      blocks.push(open);
      if (!blankSeparated) open = null;
    }
  }
  return blocks;
}

function isHeadingLike(text: string): boolean {
  const words = text.split(" ").length;
  return (
    words <= 16 &&
    text.length <= 140 &&
    /^["“$A-Z0-9]/.test(text) &&
    !/[.!?:;,…"”’)]$/.test(text)
  );
}

function splitTableRow(text: string): string[] {
  const inner = text.replace(/^\|/, "").replace(/\|\s*$/, "");
  return inner.split("|").map((cell) => cell.trim());
}

function buildPassages(documentId: string, blocks: RawBlock[], title: string): ParsedSeed {
  const headings: string[] = [];
  for (const b of blocks) if (b.kind === "text" && isHeadingLike(b.text) && !isFurniture(b.text)) headings.push(b.text);
  const headingSet = new Set(headings.map((h) => h.toLowerCase()));

  const passages: Passage[] = [];
  let section: string | null = null;
  let skipSection = false;
  let sectionHasProse = false;
  let leadIn: string | null = null;
  let tableHeader: string[] | null = null;
  let previous: RawBlock | null = null;

  const add = (kind: PassageKind, text: string, line: number, cells: TableCell[] | null, lead: string | null): void => {
    passages.push({
      id: `${documentId}#${passages.length + 1}`,
      document: documentId,
      paragraph: passages.length + 1,
      line,
      kind,
      text,
      section,
      leadIn: lead,
      cells,
      sentences: splitSentences(text),
    });
  };

  for (const block of blocks) {
    const prev = previous;
    previous = block;
    const text = block.text;
    if (block.kind !== "table") tableHeader = null;
    if (block.kind !== "bullet" && block.kind !== "attribution") leadIn = null;
    if (text.toLowerCase() === title || isFurniture(text)) continue;

    if (block.kind === "text" && isHeadingLike(text)) {
      if (text.split(" ").length === 1 && passages.length === 0 && !isNonArticleSection(text)) continue; // byline or brand
      section = text;
      sectionHasProse = false;
      skipSection = isNonArticleSection(text);
      continue;
    }
    if (skipSection) continue;
    if (block.kind === "text" && prev?.kind === "bullet" && !sectionHasProse) {
      section = null; // a "Key Takeaways" list is over: the article body follows
    }
    if (block.kind === "text" || block.kind === "table") sectionHasProse = true;

    switch (block.kind) {
      case "table": {
        const cells = splitTableRow(text);
        if (cells.every((c) => TABLE_SEPARATOR_CELL.test(c) || c === "")) continue;
        if (!tableHeader) {
          tableHeader = cells;
          continue;
        }
        const header = tableHeader;
        const rowText = cells.filter((c) => c !== "").join(" | ");
        if (rowText === "" || isTooShort(rowText)) continue;
        const verbatim = foldSpace(text.replace(/^\|/, "").replace(/\|\s*$/, ""));
        add(
          "table-row",
          verbatim,
          block.line,
          cells.map((value, i) => ({ header: header[i] ?? `Column ${i + 1}`, value })),
          null,
        );
        continue;
      }
      case "attribution": {
        const last = passages.at(-1);
        if (last && prev && prev.kind === "text" && last.line === prev.line) {
          const merged = `${last.text} ${text}`;
          passages[passages.length - 1] = { ...last, kind: "quote", text: merged, sentences: splitSentences(merged) };
        }
        continue;
      }
      case "bullet": {
        if (headingSet.has(text.toLowerCase())) continue; // a table-of-contents entry
        // a question in a list under a lead-in ("Key questions to watch:") is the article's own content
        if (isTooShort(text) || isTruncatedTeaser(text) || (isBareQuestion(text) && !leadIn)) continue;
        add("bullet", text, block.line, null, leadIn);
        continue;
      }
      case "text": {
        if (isTruncatedTeaser(text) || isBareQuestion(text)) continue;
        if (text.endsWith(":")) {
          leadIn = text;
          if (text.split(" ").length >= 6) add("paragraph", text, block.line, null, null);
          continue; // a short "Microsoft argues:" introduces, it does not state
        }
        if (isTooShort(text)) continue;
        add("paragraph", text, block.line, null, null);
        continue;
      }
    }
  }
  return { passages, headings };
}
