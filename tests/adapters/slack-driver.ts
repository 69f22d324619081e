import type { AdapterDriver } from "./driver.js";
import { flattenMessage } from "./slack/fakes/flatten.js";
import { startSlackHarness, type SlackHarness } from "./slack/fakes/harness.js";

/**
 * Drives the real Slack adapter (Bolt in HTTP mode on 127.0.0.1) with signed slash commands and
 * shortcut payloads; answers are read from a loopback response URL and flattened to plain text.
 */
export function slackDriver(): AdapterDriver {
  let harness: SlackHarness | undefined;
  const started = (): SlackHarness => {
    if (!harness) throw new Error("slack driver not started");
    return harness;
  };
  return {
    name: "slack",
    async start(dispatcher) {
      harness = await startSlackHarness(dispatcher);
    },
    async command(text) {
      return flattenMessage((await started().ask(text)).body);
    },
    async findSources(message) {
      return flattenMessage((await started().findSources(message)).body);
    },
    async stop() {
      await harness?.stop();
      harness = undefined;
    },
  };
}
