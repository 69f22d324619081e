import { UsageError } from "./main.js";

/** Digest commands for operators (`digest subscribe|unsubscribe|list|preview|tick`). */
export async function runDigestCli(_args: readonly string[], _io: { json: boolean; out: (line: string) => void }): Promise<void> {
  throw new UsageError("digest commands are not available yet");
}
