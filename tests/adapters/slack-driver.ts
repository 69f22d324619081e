import type { AdapterDriver } from "./driver.js";
import { flattenMessage } from "./slack/fakes/flatten.js";
import { startSlackHarness, type SlackHarness } from "./slack/fakes/harness.js";
import { appMention, eventEnvelope } from "./slack/fakes/signed-requests.js";

/**
 * Drives the real Slack adapter (Bolt in HTTP mode on 127.0.0.1) with signed slash commands,
 * shortcut payloads and `app_mention` events; answers are read from a loopback response URL (or
 * the fake's `chat.postMessage`) and flattened to plain text.
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
    async mention(text) {
      const h = started();
      const before = h.fake.apiCalls.filter((c) => c.method === "chat.postMessage").length;
      const sent = await h.event(eventEnvelope(appMention(`<@UBOT> ${text}`)));
      if (sent.status !== 200) throw new Error(`mention got HTTP ${sent.status}`);
      const calls = await h.fake.waitForApiCalls("chat.postMessage", before + 1);
      return flattenMessage(calls[before]!.args);
    },
    async stop() {
      await harness?.stop();
      harness = undefined;
    },
  };
}
