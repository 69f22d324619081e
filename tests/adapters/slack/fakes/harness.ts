import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import type { Dispatcher } from "../../../../commands/dispatch.js";
import { createSlackAdapter, EVENTS_PATH, type SlackAdapter, type SlackAdapterConfig } from "../../../../src/adapters/slack/slack-adapter.js";
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack, type ResponsePost } from "./fake-slack.js";
import { FORM, interactionBody, JSON_TYPE, messageShortcut, postSigned, SIGNING_SECRET, slashCommandBody, type SendOptions } from "./signed-requests.js";

/** The real Slack adapter in HTTP mode on 127.0.0.1, talking to a fake Slack. */
export interface SlackHarness {
  readonly adapter: SlackAdapter;
  readonly fake: FakeSlack;
  /** `http://127.0.0.1:<port>` of the adapter. */
  readonly baseUrl: string;
  readonly eventsUrl: string;
  /** Every log line the adapter wrote. */
  readonly logs: string[];
  /** Sends `/dispute <text>`; resolves with the HTTP result and the response-URL id its answer goes to. */
  command(text: string, options?: SendOptions & { fields?: Record<string, string> }): Promise<{ status: number; text: string; id: string; body: string }>;
  /** Sends `/dispute <text>` and waits for the answer posted to its response URL. */
  ask(text: string): Promise<ResponsePost>;
  /** Sends an interactivity payload (shortcut, button click). */
  interact(payload: Record<string, unknown>, options?: SendOptions): Promise<{ status: number; text: string }>;
  /** Posts an Events API body (see `eventEnvelope`), signed, as JSON. */
  event(envelope: Record<string, unknown>, options?: SendOptions): Promise<{ status: number; text: string }>;
  /** Runs "Find sources" on a message and waits for the answer. */
  findSources(message: string): Promise<ResponsePost>;
  stop(): Promise<void>;
}

/** Starts a fake Slack and the Slack adapter (HTTP mode, random port) serving `dispatcher`. */
export async function startSlackHarness(dispatcher: Dispatcher, overrides: Partial<SlackAdapterConfig> = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString("utf8"));
      done();
    },
  });
  const log = pino({ level: "debug" }, sink);
  const adapter = createSlackAdapter({
    botToken: FAKE_BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: "127.0.0.1",
    dispatcher,
    log,
    ...overrides,
  });
  try {
    await adapter.start();
  } catch (error) {
    await fake.close();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${adapter.port()}`;
  const eventsUrl = `${baseUrl}${EVENTS_PATH}`;

  const command: SlackHarness["command"] = async (text, options = {}) => {
    const id = randomUUID();
    const body = slashCommandBody(text, fake.responseUrl(id), options.fields);
    return { ...(await postSigned(eventsUrl, body, FORM, options)), id, body };
  };
  const interact: SlackHarness["interact"] = (payload, options) => postSigned(eventsUrl, interactionBody(payload), FORM, options);

  return {
    adapter,
    fake,
    baseUrl,
    eventsUrl,
    logs,
    command,
    interact,
    event: (envelope, options) => postSigned(eventsUrl, JSON.stringify(envelope), JSON_TYPE, options),
    async ask(text) {
      const sent = await command(text);
      if (sent.status !== 200) throw new Error(`slash command got HTTP ${sent.status}`);
      const [answer] = await fake.waitForResponses(1, sent.id);
      return answer as ResponsePost;
    },
    async findSources(message) {
      const id = randomUUID();
      const sent = await interact(messageShortcut(message, fake.responseUrl(id)));
      if (sent.status !== 200) throw new Error(`shortcut got HTTP ${sent.status}`);
      const [answer] = await fake.waitForResponses(1, id);
      return answer as ResponsePost;
    },
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}
