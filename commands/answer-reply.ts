import type { Answer, ClaimCheck } from "../src/knowledge/types.js";
import { quoteOf, type Reply } from "../src/reply/reply.js";

const VERDICT_LABEL: Record<ClaimCheck["verdict"], string> = {
  supported: "Supported",
  contradicted: "Contradicted",
  mixed: "Sources disagree",
  unverified: "Unverified",
};

/** The verdict line a `cite` reply opens with: "Contradicted — Sources say $50 billion, not $60 billion." */
export function verdictLine(check: ClaimCheck): string {
  return `${VERDICT_LABEL[check.verdict]} — ${check.reason}`;
}

/**
 * Turns an `ask`/`cite` answer into a reply: the claim's verdict first (cite), then quotes best
 * first, notes, or the abstention. A low-confidence answer says so before its quotes.
 */
export function answerReply(title: string, answer: Answer | ClaimCheck): Reply {
  const verdict = "verdict" in answer ? verdictLine(answer) : null;
  if (answer.abstained) {
    const text = [verdict, ...answer.notes].filter((t): t is string => t !== null).join(" ");
    return { kind: "notice", title, text, groups: [], notes: [], actions: [], ephemeral: true };
  }
  const low = answer.confidence === "low";
  const caveat = low ? answer.notes[0] : undefined;
  const rest = low ? answer.notes.slice(1) : answer.notes;
  const text = [verdict, caveat].filter((t): t is string => typeof t === "string").join("\n");
  return {
    kind: "answer",
    title,
    ...(text ? { text } : {}),
    groups: [{ quotes: answer.items.map((item) => quoteOf(item)) }],
    notes: rest,
    actions: ["share"],
    ephemeral: true,
  };
}
