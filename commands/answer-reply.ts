import type { Answer, ClaimCheck } from "../src/knowledge/types.js";
import { quoteOf, type Reply } from "../src/reply/reply.js";
import { followUpLead, LOW_CONFIDENCE, VERDICT_LABELS } from "./messages.js";

/** The verdict line a `cite` reply opens with: "Contradicted — Sources say $50 billion, not $60 billion." */
export function verdictLine(check: ClaimCheck): string {
  return `${VERDICT_LABELS[check.verdict]} — ${check.reason}`;
}

/**
 * Turns an `ask`/`cite` answer into a reply: the claim's verdict first (cite), then quotes best
 * first, notes, or the abstention. A low-confidence answer says first that its passages may not
 * answer the question, unless they are the evidence of a verdict. A follow-up read with the
 * conversation's `earlier` question says so before anything else. Every answer, abstentions too,
 * takes feedback; answers with passages may also be shared.
 */
export function answerReply(title: string, answer: Answer | ClaimCheck, earlier: string | null = null): Reply {
  const check = "verdict" in answer ? answer : null;
  const verdict = check ? verdictLine(check) : null;
  const lead = earlier === null ? null : followUpLead(earlier);
  if (answer.abstained) {
    const text = [verdict, ...answer.notes].filter((t): t is string => t !== null).join(" ");
    return { kind: "notice", title, text: [lead, text].filter(Boolean).join("\n"), groups: [], notes: [], actions: ["feedback"], ephemeral: true, data: { type: "answer", answer } };
  }
  const caveat = answer.confidence === "low" && (!check || check.verdict === "unverified") ? LOW_CONFIDENCE : null;
  const text = [lead, verdict, caveat].filter((t): t is string => t !== null).join("\n");
  return {
    kind: "answer",
    title,
    ...(text ? { text } : {}),
    groups: [{ quotes: answer.items.map((item) => quoteOf(item)) }],
    notes: answer.notes,
    ...(answer.noteCitations ? { noteCitations: answer.noteCitations } : {}),
    actions: ["share", "feedback"],
    ephemeral: true,
    data: { type: "answer", answer },
  };
}
