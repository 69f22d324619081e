import { renderJson } from "../../reply/render-json.js";
import type { Reply } from "../../reply/reply.js";
import { renderText } from "../console/render.js";
import type { ChatAdapter, Delivery } from "../types.js";

/** Options of {@link createCliAdapter}. */
export interface CliAdapterConfig {
  /** Writes one line (a returned promise settles once it is written). */
  readonly out: (line: string) => unknown;
  /** Replies as one JSON object per line (the reply model's JSON renderer) instead of text. */
  readonly json: boolean;
}

/** The operator CLI as a front end: one command in, its reply out as text or JSON. */
export interface CliAdapter extends ChatAdapter {
  readonly platform: "cli";
  /** Writes a command's reply. */
  show(reply: Reply): Promise<void>;
  /**
   * Writes the JSON line of a question refused before it was asked (`--stdin`): an abstention
   * with the reason as `error` (and, for a claim, verdict "unverified").
   */
  refused(query: string, message: string, claim: boolean): Promise<void>;
}

/** Creates the CLI adapter over the CLI's output. */
export function createCliAdapter(config: CliAdapterConfig): CliAdapter {
  let posted = 0;
  const line = async (text: string): Promise<void> => void (await config.out(text));
  return {
    platform: "cli",
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    isUp: () => true,
    show: (reply) => line(config.json ? JSON.stringify(renderJson(reply)) : renderText(reply)),
    refused(query, message, claim) {
      const refused = { query: query.slice(0, 200), abstained: true, confidence: "none", items: [], notes: [], error: message };
      return line(JSON.stringify(claim ? { ...refused, verdict: "unverified", reason: message } : refused));
    },
    async deliver(channel: string, reply: Reply): Promise<Delivery> {
      posted++;
      await line(config.json ? JSON.stringify({ channel, reply: renderJson(reply) }) : `── posted to ${channel} ──\n${renderText(reply)}`);
      return { messageId: `cli-${posted}` };
    },
  };
}
