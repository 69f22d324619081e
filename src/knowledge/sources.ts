import type { SourceDocument } from "./types.js";

/** One source as `sources` lists it. */
export interface SourceSummary {
  readonly document: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly paragraphs: number;
  /** The article's section headings: what it covers. */
  readonly sections: readonly string[];
  /** How it came in: the seeds folder, by URL or from a followed feed. */
  readonly addedVia: "seed" | "url" | "feed";
  /** When it was added (ISO date-time); null for the seeds folder's articles. */
  readonly addedAt: string | null;
}

/** Lists the documents the bot answers from, with their paragraph counts and sections. */
export function listSources(documents: readonly SourceDocument[]): SourceSummary[] {
  return documents.map((d) => ({
    document: d.id,
    title: d.meta.title,
    outlet: d.meta.outlet,
    author: d.meta.author,
    published: d.meta.published,
    url: d.meta.url,
    paragraphs: d.passages.length,
    sections: [...new Set(d.passages.map((p) => p.section).filter((s): s is string => s !== null))],
    addedVia: d.meta.addedVia ?? "seed",
    addedAt: d.meta.addedAt ?? null,
  }));
}
