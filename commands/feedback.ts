import type { Reply } from "../src/reply/reply.js";
import { UserError } from "./errors.js";
import { feedbackSummary } from "./messages.js";
import type { Command, CommandDefinition } from "./types.js";

export const feedbackDefinition = {
  name: "feedback",
  description: "Admins: the 👍 / 👎 votes on answers, the questions answered worst first",
  usage: "feedback [YYYY-MM-DD]",
  options: [
    {
      name: "since",
      description: "Count votes from this day on (YYYY-MM-DD); all votes when left out",
      type: "string",
      kind: "date",
      required: false,
      minLength: 10,
      maxLength: 10,
    },
  ],
  preconditions: ["rate-limit", "admin"],
} as const satisfies CommandDefinition;

/**
 * `/dispute feedback [since]`: for admins, how answers were voted on — totals, then each question
 * with its votes and the passages it was answered with, the most 👎 first. Feedback never changes
 * answers.
 */
export const feedback: Command<typeof feedbackDefinition> = {
  definition: feedbackDefinition,
  async handle({ since }, context): Promise<Reply> {
    if (!context.feedback) throw new UserError("feedback-unavailable");
    const report = await context.feedback.feedbackReport(since === undefined ? null : new Date(`${since}T00:00:00Z`));
    return { ...feedbackSummary(since ?? null, report.total, report.questions), data: { type: "feedback", report } };
  },
};
