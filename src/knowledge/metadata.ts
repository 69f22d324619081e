import { createRequire } from "node:module";
import type * as Zod from "zod";

/**
 * Zod is loaded on first use: only parsing the seeds needs these schemas, and a start from an
 * index snapshot never parses, so it does not pay for loading the library.
 */
const load = (): typeof Zod => createRequire(import.meta.url)("zod") as typeof Zod;

function buildSchemas(z: typeof Zod) {
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");
  const entry = z.strictObject({
    id: z.string().regex(/^[a-z0-9]+$/, "ids are lower-case letters and digits"),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)),
    kind: z.string().min(1).optional(),
  });
  return {
    /** Schema of `<seed>.meta.json`: only what the capture shows; unknown is null or left out. Only `title` is required. */
    documentMeta: z.strictObject({
      title: z.string().min(1),
      titleFrom: z.enum(["capture", "text"]).default("capture"),
      outlet: z.string().min(1).nullable().default(null),
      author: z.string().min(1).nullable().default(null),
      published: isoDate.nullable().default(null),
      publishedAt: z.iso.datetime({ offset: true }).nullable().default(null),
      url: z.url().nullable().default(null),
      notes: z.string().optional(),
    }),
    /** Schema of `seeds/topic.json`: the parties and terms of the story. */
    topic: z.strictObject({
      story: z.string().min(1),
      parties: z.array(entry).min(1),
      terms: z.array(entry),
      suggestions: z.array(z.string().min(1).max(100)),
    }),
  };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** The seed metadata and topic schemas (zod), built on first use. */
export function seedSchemas(): ReturnType<typeof buildSchemas> {
  schemas ??= buildSchemas(load());
  return schemas;
}
