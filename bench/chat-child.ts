/**
 * The platform side of the chat-path benchmark, in its own process so that it does not share an
 * event loop with the bot: the loopback fake Slack or Discord, and the users sending commands.
 * Driven over IPC by chat-bench.ts; every message gets one reply with the same `id`.
 */
import { Agent, request } from "node:http";
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from "../tests/adapters/discord/fake-discord.js";
import { slashCommand, type FakeMember } from "../tests/adapters/discord/fake-payloads.js";
import { startFakeSlack, type FakeSlack } from "../tests/adapters/slack/fakes/fake-slack.js";
import { FORM, signature, slashCommandBody } from "../tests/adapters/slack/fakes/signed-requests.js";

/** What chat-bench.ts asks for. */
export type ChildRequest =
  | { readonly op: "slack-start" }
  | { readonly op: "slack-run"; readonly eventsUrl: string; readonly prefix: string; readonly count: number; readonly concurrency: number; readonly answers: boolean }
  | { readonly op: "discord-start"; readonly name: string }
  | { readonly op: "discord-run"; readonly name: string; readonly count: number; readonly concurrency: number; readonly answers: boolean; readonly timeoutMs: number }
  | { readonly op: "close" };

/** What the child answers. */
export interface ChildReply {
  readonly apiUrl?: string;
  readonly token?: string;
  /** Per request: ack or first-callback time, ms. */
  readonly samples?: number[];
  /** From the first request sent to the last ack / callback. */
  readonly wallMs?: number;
  /** From the first request sent to the last answer. */
  readonly answersMs?: number;
  readonly error?: string;
}

/** Chat-style questions, rotated through the requests. */
const QUESTIONS = [
  "how much is amazon putting into openai",
  "amzn investment in oai?",
  "whats frontier",
  "where does the SRE run",
  "which calls stay on azure",
  "when was the deal announced",
  "how much did MS put into openai in 2023",
  "is the $50B paid upfront",
  "how many GW of trainium",
  "who broke the story",
  "stateful vs stateless?",
  "musk trial date",
  "how big was openai's funding round",
  "has ms sued yet",
  "who is piloting frontier",
  "how much compute does openai want",
  "what's the cma probe about",
  "is microsoft going to sue amazon",
  "what does the azure exclusivity cover",
  "what did openai say about the contract",
] as const;

/** Distinct users the requests come from: 1,050 requests stay below the bot's 10 a minute per user. */
const USERS = 250;

const question = (i: number): string => QUESTIONS[i % QUESTIONS.length]!;

/** Whether an answer is the bot's error or rate-limit reply rather than an answer. */
const failed = (body: unknown): boolean => /Something went wrong|Slow down/.test(JSON.stringify(body));

/** Runs `count` jobs with `concurrency` in flight; resolves with each job's result and the wall time. */
async function runPool<T>(count: number, concurrency: number, job: (i: number) => Promise<T>): Promise<{ results: T[]; wallMs: number }> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      results[i] = await job(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { results, wallMs: performance.now() - started };
}

/** POSTs a form body over a kept-alive connection; resolves with the status once the body is read. */
function postForm(agent: Agent, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { ...headers, "content-type": FORM, "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

let slack: FakeSlack | undefined;
/** One kept-alive connection pool per events URL, kept across runs (as Slack keeps its connections). */
const agents = new Map<string, Agent>();
const discords = new Map<string, FakeDiscord>();

async function slackRun(r: Extract<ChildRequest, { op: "slack-run" }>): Promise<ChildReply> {
  if (!slack) throw new Error("slack-start first");
  const fake = slack;
  fake.forget();
  const url = new URL(r.eventsUrl);
  const agent = agents.get(r.eventsUrl) ?? new Agent({ keepAlive: true, maxSockets: r.concurrency });
  agents.set(r.eventsUrl, agent);
  try {
    const started = performance.now();
    const { results, wallMs } = await runPool(r.count, r.concurrency, async (i) => {
      const body = slashCommandBody(`ask ${question(i)}`, fake.responseUrl(`${r.prefix}-${i}`), { user_id: `UBENCH${i % USERS}`, user_name: `user${i % USERS}` });
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature(body, timestamp) };
      const sent = performance.now();
      const status = await postForm(agent, url, body, headers);
      const ms = performance.now() - sent;
      if (status !== 200) throw new Error(`slash command ${r.prefix}-${i} got HTTP ${status}`);
      return ms;
    });
    if (!r.answers) return { samples: results, wallMs };
    await fake.waitForResponses(r.count, undefined, 60_000);
    const answersMs = performance.now() - started;
    const ids = new Set(fake.responses.map((p) => p.id));
    if (ids.size !== r.count || fake.responses.length !== r.count) throw new Error(`expected ${r.count} answers, got ${fake.responses.length} (${ids.size} distinct)`);
    const failures = fake.responses.filter((p) => failed(p.body)).length;
    if (failures > 0) throw new Error(`${failures} of the answers were error replies, e.g. ${JSON.stringify(fake.responses.find((p) => failed(p.body))?.body).slice(0, 300)}`);
    return { samples: results, wallMs, answersMs };
  } finally {
    fake.forget();
  }
}

const MEMBERS: FakeMember[] = Array.from({ length: USERS }, (_, i) => ({ id: String(700000000000100000n + BigInt(i)), username: `member${i}`, canManageChannel: false }));

const isCallback = (r: RecordedRequest): boolean => r.method === "POST" && r.path.endsWith("/callback");
/** The edit carrying the answer (or the error reply, which fails the run). */
const isEdit = (r: RecordedRequest): boolean => r.method === "PATCH" && r.path.endsWith("/messages/@original");

async function discordRun(r: Extract<ChildRequest, { op: "discord-run" }>): Promise<ChildReply> {
  const fake = discords.get(r.name);
  if (!fake) throw new Error(`discord-start ${r.name} first`);
  const callbacks = new Map<string, (at: number) => void>();
  const unanswered = new Set<string>();
  let answersDone: (() => void) | undefined;
  let failures = 0;
  const stop = fake.onRequest((req) => {
    const token = req.interactionToken;
    if (token === undefined) return;
    if (isCallback(req)) {
      callbacks.get(token)?.(req.receivedAt);
      callbacks.delete(token);
    }
    if (!isEdit(req) || !unanswered.delete(token)) return;
    if (failed(req.body)) failures += 1;
    if (unanswered.size === 0) answersDone?.();
  });
  const payloads = Array.from({ length: r.count }, (_, i) => slashCommand({ name: "ask", options: { question: question(i) } }, MEMBERS[i % USERS]));
  let timer: NodeJS.Timeout | undefined;
  let lastCallback = 0;
  let sentAll = false;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Discord run did not finish within ${r.timeoutMs} ms (${callbacks.size} not deferred, ${unanswered.size} not answered)`)), r.timeoutMs);
    });
    const started = performance.now();
    const run = async () => {
      const { results } = await runPool(r.count, r.concurrency, async (i) => {
        const raw = payloads[i]!;
        if (r.answers) unanswered.add(raw.token);
        return new Promise<number>((resolve) => {
          const sent = performance.now();
          callbacks.set(raw.token, (at) => {
            lastCallback = Math.max(lastCallback, at);
            resolve(at - sent);
          });
          fake.dispatch("INTERACTION_CREATE", raw.payload);
        });
      });
      sentAll = true;
      if (unanswered.size > 0) await new Promise<void>((resolve) => (answersDone = resolve));
      return results;
    };
    const samples = await Promise.race([run(), deadline]);
    if (!sentAll) throw new Error("not every interaction was sent");
    if (failures > 0) throw new Error(`${failures} of the answers were error replies`);
    return { samples, wallMs: lastCallback - started, answersMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
    stop();
    fake.forget();
  }
}

async function handle(r: ChildRequest): Promise<ChildReply> {
  switch (r.op) {
    case "slack-start":
      slack ??= await startFakeSlack();
      return { apiUrl: slack.apiUrl };
    case "slack-run":
      return slackRun(r);
    case "discord-start": {
      const fake = discords.get(r.name) ?? (await startFakeDiscord());
      discords.set(r.name, fake);
      return { apiUrl: fake.apiUrl, token: fake.token };
    }
    case "discord-run":
      return discordRun(r);
    case "close":
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
      await slack?.close();
      for (const fake of discords.values()) await fake.close();
      slack = undefined;
      discords.clear();
      return {};
  }
}

process.on("message", (message: { id: number; request: ChildRequest }) => {
  handle(message.request).then(
    (reply) => process.send?.({ id: message.id, reply }),
    (error: unknown) => process.send?.({ id: message.id, reply: { error: error instanceof Error ? error.message : String(error) } }),
  );
});
process.on("disconnect", () => process.exit(0));
