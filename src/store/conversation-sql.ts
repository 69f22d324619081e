import type { Sql } from "../db/sql.js";
import type { AnswerRecord, ConversationStore, FeedbackReport, ThreadKey, Vote } from "./conversation.js";

interface AnswerRow {
  platform: string;
  channel: string;
  question: string;
  passages: string;
  verdict: string | null;
}

interface VoteCountRow {
  question: string;
  passages: string;
  vote: Vote;
  n: number;
}

/** A question's tally while the report is put together. */
interface Tally {
  up: number;
  down: number;
  passages: Set<string>;
}

function passagesOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === "string") : [];
}

/** The {@link ConversationStore} over the bot's database (either engine). */
export function conversationStoreOver(sql: Sql): ConversationStore {
  return {
    async rememberQuestion(thread: ThreadKey, question, at) {
      await sql.run(
        `INSERT INTO thread_questions (platform, channel, thread, question, asked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel, thread) DO UPDATE SET question = excluded.question, asked_at = excluded.asked_at`,
        [thread.platform, thread.channel, thread.thread, question, at.getTime()],
      );
    },
    async lastQuestion(thread, at, maxAgeMs) {
      const row = await sql.get<{ question: string }>(
        "SELECT question FROM thread_questions WHERE platform = ? AND channel = ? AND thread = ? AND asked_at >= ?",
        [thread.platform, thread.channel, thread.thread, at.getTime() - maxAgeMs],
      );
      return row?.question ?? null;
    },
    async rememberAnswer(key, answer: AnswerRecord, at) {
      await sql.run(
        `INSERT INTO answers (key, platform, channel, question, passages, verdict, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET platform = excluded.platform, channel = excluded.channel, question = excluded.question,
           passages = excluded.passages, verdict = excluded.verdict, created_at = excluded.created_at`,
        [key, answer.platform, answer.channel, answer.question, JSON.stringify(answer.passages), answer.verdict, at.getTime()],
      );
    },
    async findAnswer(key) {
      const row = await sql.get<AnswerRow>("SELECT platform, channel, question, passages, verdict FROM answers WHERE key = ?", [key]);
      return row ? { platform: row.platform, channel: row.channel, question: row.question, passages: passagesOf(row.passages), verdict: row.verdict } : null;
    },
    async recordVote(key, userHash, vote, at) {
      // the insert and the change are single statements, so two clicks at once cannot both record
      const inserted = await sql.run(
        "INSERT INTO answer_votes (answer_key, user_hash, vote, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT (answer_key, user_hash) DO NOTHING",
        [key, userHash, vote, at.getTime()],
      );
      if (inserted === 1) return "recorded";
      const changed = await sql.run("UPDATE answer_votes SET vote = ?, voted_at = ? WHERE answer_key = ? AND user_hash = ? AND vote <> ?", [vote, at.getTime(), key, userHash, vote]);
      return changed === 1 ? "changed" : "unchanged";
    },
    async feedbackReport(since): Promise<FeedbackReport> {
      const rows = await sql.all<VoteCountRow>(
        `SELECT a.question, a.passages, v.vote, COUNT(*) AS n
         FROM answer_votes v JOIN answers a ON a.key = v.answer_key
         WHERE v.voted_at >= ?
         GROUP BY a.key, a.question, a.passages, a.created_at, v.vote
         ORDER BY a.created_at, a.key`,
        [since === null ? Number.MIN_SAFE_INTEGER : since.getTime()],
      );
      const byQuestion = new Map<string, Tally>();
      const total = { up: 0, down: 0 };
      for (const row of rows) {
        const tally = byQuestion.get(row.question) ?? { up: 0, down: 0, passages: new Set<string>() };
        byQuestion.set(row.question, tally);
        tally[row.vote] += Number(row.n);
        total[row.vote] += Number(row.n);
        for (const passage of passagesOf(row.passages)) tally.passages.add(passage);
      }
      const questions = [...byQuestion]
        .map(([question, t]) => ({ question, up: t.up, down: t.down, passages: [...t.passages] }))
        .sort((a, b) => b.down - a.down || a.up - b.up || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0));
      return { total, questions };
    },
  };
}
