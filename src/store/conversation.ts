/** Where a conversation happens: a Slack thread (ts of its first message) or a Discord reply chain (id of its first message). */
export interface ThreadKey {
  readonly platform: string;
  readonly channel: string;
  readonly thread: string;
}

/** An answer the bot gave, kept so feedback on it can be recorded. */
export interface AnswerRecord {
  readonly platform: string;
  readonly channel: string;
  readonly question: string;
  readonly passages: readonly string[];
  readonly verdict: string | null;
}

/** A user's feedback on an answer. */
export type Vote = "up" | "down";

/** Votes in a period: totals, and per question. */
export interface FeedbackReport {
  readonly total: { readonly up: number; readonly down: number };
  readonly questions: readonly { readonly question: string; readonly up: number; readonly down: number; readonly passages: readonly string[] }[];
}

/** Conversation state shared by every process on the database: threads' last questions, answers and votes on them. */
export interface ConversationStore {
  /** Keeps the last question asked in a thread (replacing the previous one). */
  rememberQuestion(thread: ThreadKey, question: string, at: Date): Promise<void>;
  /** The thread's last question if asked within maxAgeMs before `at`, else null. */
  lastQuestion(thread: ThreadKey, at: Date, maxAgeMs: number): Promise<string | null>;
  /** Keeps an answer under `key` (a message id or a random key) for feedback. */
  rememberAnswer(key: string, answer: AnswerRecord, at: Date): Promise<void>;
  findAnswer(key: string): Promise<AnswerRecord | null>;
  /** One vote per user per answer: a second vote replaces the first. */
  recordVote(key: string, userHash: string, vote: Vote, at: Date): Promise<"recorded" | "changed" | "unchanged">;
  /** Votes since `since` (all when null): totals, and per question (grouped by question text) worst first
   *  (most down votes, then fewest up), passages being the union of the cited passages of that question's answers. */
  feedbackReport(since: Date | null): Promise<FeedbackReport>;
}
