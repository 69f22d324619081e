import { runCli } from "../../src/cli/main.js";
import type { StoreSettings } from "../../src/db/open-store.js";

/** The JSON of `cli feedback report`. */
export interface FeedbackReportJson {
  readonly total: { readonly up: number; readonly down: number };
  readonly questions: readonly { readonly question: string; readonly up: number; readonly down: number; readonly passages: readonly string[] }[];
}

/**
 * Runs `cli feedback <args>` in this process against the database in `settings` (set as
 * DATABASE_URL / DATABASE_PATH for the run, as an operator's environment would) and resolves with
 * its output lines; bad input rejects with the CLI's UsageError.
 */
export async function runFeedbackCli(settings: StoreSettings, args: readonly string[]): Promise<string[]> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_PATH: process.env.DATABASE_PATH };
  const set = (values: Record<keyof typeof saved, string | undefined>): void => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set({ DATABASE_URL: settings.DATABASE_URL, DATABASE_PATH: settings.DATABASE_PATH });
  try {
    const lines: string[] = [];
    await runCli(["feedback", ...args], { out: (line) => lines.push(line), readStdin: async () => "" });
    return lines;
  } finally {
    set(saved);
  }
}

/** `cli feedback report [args] --json`, parsed. */
export async function feedbackReportJson(settings: StoreSettings, args: readonly string[] = []): Promise<FeedbackReportJson> {
  return JSON.parse((await runFeedbackCli(settings, ["report", ...args, "--json"])).join("\n")) as FeedbackReportJson;
}
