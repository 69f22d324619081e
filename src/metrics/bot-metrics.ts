import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import type { CommandMetrics } from "../../commands/command-metrics.js";
import type { DigestMetrics, DigestState } from "../digest/runner.js";
import type { SourceMetrics, SourceResult } from "../sources/living.js";

/** A vote on an answer's feedback buttons. */
export type FeedbackVote = "up" | "down";

/** Where feedback buttons count the votes they get. */
export interface FeedbackMetrics {
  feedback(vote: FeedbackVote): void;
}

/** The bot's metrics: what the dispatcher, the digest runner, the sources code and feedback report, and their exposition. */
export interface BotMetrics extends CommandMetrics, DigestMetrics, SourceMetrics, FeedbackMetrics {
  /** The exposition's content type (Prometheus text format). */
  readonly contentType: string;
  /** Every metric in the Prometheus text format. */
  text(): Promise<string>;
}

/** Command duration buckets in seconds: 1 ms to 10 s. */
export const COMMAND_DURATION_BUCKETS: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const DIGEST_STATES: readonly DigestState[] = ["sent", "failed", "skipped"];
const SOURCE_RESULTS: readonly SourceResult[] = ["added", "refused", "failed"];
const FEEDBACK_VOTES: readonly FeedbackVote[] = ["up", "down"];

/**
 * Creates the bot's metrics on a registry of their own (with Node's default process metrics), so
 * several can live in one process. Labels hold only fixed sets of values, never user or channel ids
 * or what users typed.
 */
export function createBotMetrics(): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: "dispute_commands_total",
    help: "Commands run, by platform, command and outcome (answered, abstained, refused, error).",
    labelNames: ["platform", "command", "outcome"] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: "dispute_command_duration_seconds",
    help: "Time from the dispatcher taking a command to its reply, by platform and command.",
    labelNames: ["platform", "command"] as const,
    buckets: [...COMMAND_DURATION_BUCKETS],
    registers: [registry],
  });
  /** A counter with one label of a few known values, each starting at zero (so a rate over it exists before the first event). */
  const countBy = <V extends string>(name: string, help: string, label: string, values: readonly V[]): ((value: V) => void) => {
    const counter = new Counter({ name, help, labelNames: [label], registers: [registry] });
    for (const value of values) counter.inc({ [label]: value }, 0);
    return (value) => counter.inc({ [label]: value });
  };

  return {
    contentType: registry.contentType,
    text: () => registry.metrics(),
    command({ platform, command, outcome, seconds }) {
      commands.inc({ platform, command, outcome });
      durations.observe({ platform, command }, seconds);
    },
    digest: countBy("dispute_digests_total", "Due digests, by state (sent, failed, skipped).", "state", DIGEST_STATES),
    source: countBy("dispute_sources_total", "Articles added in chat or found in feeds, by result (added, refused, failed).", "result", SOURCE_RESULTS),
    feedback: countBy("dispute_feedback_total", "Votes on answers' feedback buttons, by vote (up, down).", "vote", FEEDBACK_VOTES),
  };
}
