import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");

/** Schema of `<seed>.meta.json`: only what the capture shows; unknown is null. */
export const documentMetaSchema = z.strictObject({
  title: z.string().min(1),
  titleFrom: z.enum(["capture", "text"]),
  outlet: z.string().min(1).nullable(),
  author: z.string().min(1).nullable(),
  published: isoDate.nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  url: z.url().nullable(),
  notes: z.string().optional(),
});

const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+$/, "ids are lower-case letters and digits"),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
});

/** Schema of `seeds/topic.json`: the parties and terms of the story. */
export const topicSchema = z.strictObject({
  story: z.string().min(1),
  parties: z.array(entrySchema).min(1),
  terms: z.array(entrySchema),
  suggestions: z.array(z.string().min(1).max(100)),
});
