import type { InstallationStore } from "@slack/oauth";
import { afterEach, describe, expect, it } from "vitest";
import { BOT_SCOPES } from "../../../src/adapters/slack/scopes.js";
import { REDIRECT_PATH } from "../../../src/adapters/slack/workspaces.js";
import type { Store } from "../../../src/db/open-store.js";
import { notice } from "../../../src/reply/reply.js";
import { ENGINES, useEngine } from "../../support/engines.js";
import { seedDispatcher } from "../../support/knowledge.js";
import { FAKE_BOT_TOKEN, FAKE_OAUTH_CLIENT } from "./fakes/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "./fakes/harness.js";
import { installThrough, teamEnvelope } from "./fakes/install-flow.js";
import { appMention, eventEnvelope } from "./fakes/signed-requests.js";

const STATE_SECRET = "state-secret-for-tests-0123456789";
const SECOND = { id: "T0002", name: "Second Team" } as const;

/** An Events API body from workspace `team`. */
const fromTeam = (team: string, event: Record<string, unknown>): Record<string, unknown> => teamEnvelope(eventEnvelope(event), team);
const install = (h: SlackHarness, code: string) => installThrough(h.baseUrl, code);

const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false as const });

describe.each(ENGINES)("Slack installs in many workspaces on %s", (engine) => {
  const engineHarness = useEngine(engine);
  let h: SlackHarness | undefined;
  let store: Store;

  /** Set to make every installation look-up fail as a database that went away does. */
  let databaseDown = false;
  const start = async (botToken?: string): Promise<SlackHarness> => {
    store = await engineHarness.open();
    databaseDown = false;
    const installations: InstallationStore = {
      storeInstallation: (installation) => store.slackInstallations.storeInstallation(installation),
      fetchInstallation: (q) => (databaseDown ? Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) : store.slackInstallations.fetchInstallation(q)),
      deleteInstallation: (q) => store.slackInstallations.deleteInstallation!(q),
    };
    h = await startSlackHarness(seedDispatcher(), {
      botToken,
      oauth: { clientId: FAKE_OAUTH_CLIENT.id, clientSecret: FAKE_OAUTH_CLIENT.secret, stateSecret: STATE_SECRET, installations },
    });
    return h;
  };
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it("installs through /slack/install and /slack/oauth_redirect, then answers and posts in that workspace with its own token", async () => {
    const slack = await start();
    const token = slack.fake.grantInstall("code-1", SECOND);
    const { page, back, authorizeUrl } = await install(slack, "code-1");
    expect(page.status).toBe(200);
    expect(authorizeUrl.searchParams.get("client_id")).toBe(FAKE_OAUTH_CLIENT.id);
    expect(authorizeUrl.searchParams.get("scope")?.split(",").sort()).toEqual([...BOT_SCOPES].sort());
    expect(back.status).toBe(200);
    expect(await back.text()).toMatch(/success|thank/i);
    const stored = await store.slackInstallations.fetchInstallation(query(SECOND.id));
    expect(stored.bot?.token).toBe(token);
    expect(slack.logs.join("")).toContain("a workspace installed the app");

    const sent = await slack.event(fromTeam(SECOND.id, appMention("<@UBOT> how much is amazon investing in openai?")));
    expect(sent.status).toBe(200);
    const [answer] = await slack.fake.waitForApiCalls("chat.postMessage", 1);
    expect(answer?.authorization).toBe(`Bearer ${token}`);

    const digest = await slack.adapter.deliver("C0002", notice("Digest", "news"), { workspace: SECOND.id });
    const posts = slack.fake.apiCalls.filter((c) => c.method === "chat.postMessage");
    expect(posts.at(-1)).toMatchObject({ authorization: `Bearer ${token}`, args: expect.objectContaining({ channel: "C0002" }) });
    expect(digest.messageId).toMatch(/^\d+\.\d+$/);
  });

  it("refuses a return from Slack whose state it did not issue, and stores nothing", async () => {
    const slack = await start();
    slack.fake.grantInstall("code-2", SECOND);
    const back = await fetch(`${slack.baseUrl}${REDIRECT_PATH}?code=code-2&state=forged`, { redirect: "manual" });
    expect(back.status).toBeGreaterThanOrEqual(400);
    expect(slack.fake.apiCalls.filter((c) => c.method === "oauth.v2.access")).toEqual([]);
    await expect(store.slackInstallations.fetchInstallation(query(SECOND.id))).rejects.toThrow(/no Slack installation/);
    expect(slack.logs.join("")).toContain("a Slack install did not complete");
  });

  it("answers nothing for a workspace that never installed the app, and refuses to post there", async () => {
    const slack = await start();
    const sent = await slack.event(fromTeam("T0009", appMention("<@UBOT> status")));
    expect(sent.status).toBe(200);
    await expect(slack.adapter.deliver("C0009", notice("Digest", "news"), { workspace: "T0009" })).rejects.toThrow(/not installed in Slack workspace T0009/);
    await expect(slack.adapter.deliver("C0009", notice("Digest", "news"))).rejects.toThrow(/no Slack workspace is known/);
    expect(slack.fake.apiCalls.filter((c) => c.method === "chat.postMessage")).toEqual([]);
    expect(slack.logs.join("")).toContain("a request came from a workspace that has not installed the app");
  });

  it("says the database failed, not that the app is missing, when installations cannot be read", async () => {
    const slack = await start();
    slack.fake.grantInstall("code-5", SECOND);
    expect((await install(slack, "code-5")).back.status).toBe(200);
    databaseDown = true;
    await expect(slack.adapter.deliver("C0002", notice("Digest", "news"), { workspace: SECOND.id })).rejects.toThrow(/could not read the installation of Slack workspace T0002: connect ECONNREFUSED/);
    expect((await slack.event(fromTeam(SECOND.id, appMention("<@UBOT> status")))).status).toBe(200);
    expect(slack.logs.join("")).toContain("could not read the workspace's installation");
    expect(slack.logs.join("")).not.toContain("has not installed the app");
    databaseDown = false;
    await slack.adapter.deliver("C0002", notice("Digest", "news"), { workspace: SECOND.id });
    expect(slack.fake.apiCalls.filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
  });

  it("deletes a workspace's tokens when the app is uninstalled, or its bot token revoked", async () => {
    const slack = await start();
    slack.fake.grantInstall("code-3", SECOND);
    expect((await install(slack, "code-3")).back.status).toBe(200);
    const third = slack.fake.grantInstall("code-4", { id: "T0003", name: "Third" });
    expect((await install(slack, "code-4")).back.status).toBe(200);
    expect((await store.slackInstallations.fetchInstallation(query("T0003"))).bot?.token).toBe(third);

    // user tokens only: the bot keeps its token
    expect((await slack.event(fromTeam("T0003", { type: "tokens_revoked", tokens: { oauth: ["U0001"] }, event_ts: "1700000000.000001" }))).status).toBe(200);
    expect((await store.slackInstallations.fetchInstallation(query("T0003"))).bot?.token).toBe(third);

    expect((await slack.event(fromTeam(SECOND.id, { type: "app_uninstalled", event_ts: "1700000000.000002" }))).status).toBe(200);
    expect((await slack.event(fromTeam("T0003", { type: "tokens_revoked", tokens: { bot: [`B${"T0003"}`] }, event_ts: "1700000000.000003" }))).status).toBe(200);
    for (const team of [SECOND.id, "T0003"]) {
      await expect.poll(() => store.slackInstallations.fetchInstallation(query(team)).then(() => "kept", () => "deleted")).toBe("deleted");
    }
    await expect(slack.adapter.deliver("C0002", notice("Digest", "news"), { workspace: SECOND.id })).rejects.toThrow(/not installed/);
  });

  it("keeps a hand-installed SLACK_BOT_TOKEN working beside installs, for its own workspace only", async () => {
    const slack = await start(FAKE_BOT_TOKEN);
    const own = await slack.ask("status");
    expect(JSON.stringify(own.body)).toContain("Status as of");

    const sent = await slack.event(fromTeam("T0001", appMention("<@UBOT> how much is amazon investing in openai?")));
    expect(sent.status).toBe(200);
    const [answer] = await slack.fake.waitForApiCalls("chat.postMessage", 1);
    expect(answer?.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);

    await slack.adapter.deliver("C0001", notice("Digest", "news"), { workspace: "T0001" });
    await slack.adapter.deliver("C0001", notice("Digest", "older subscription"));
    expect(slack.fake.apiCalls.filter((c) => c.method === "chat.postMessage").map((c) => c.authorization)).toEqual(Array(3).fill(`Bearer ${FAKE_BOT_TOKEN}`));
    await expect(slack.adapter.deliver("C0002", notice("Digest", "news"), { workspace: SECOND.id })).rejects.toThrow(/not installed in Slack workspace T0002/);
  });
});
