import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIND_SOURCES } from "../../../commands/index.js";
import { FIND_SOURCES_CALLBACK_ID, SLASH_COMMAND } from "../../../src/adapters/slack/listeners.js";
import { BOT_SCOPES } from "../../../src/adapters/slack/scopes.js";
import { EVENTS_PATH } from "../../../src/adapters/slack/slack-adapter.js";
import { REDIRECT_PATH } from "../../../src/adapters/slack/workspaces.js";

interface Manifest {
  features: {
    app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    slash_commands: { command: string; url: string; usage_hint: string }[];
    shortcuts: { name: string; type: string; callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls: string[] };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync(new URL("../../../src/adapters/slack/manifest.json", import.meta.url), "utf8")) as Manifest;

describe("Slack app manifest", () => {
  it("declares what the adapter listens for", () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: SLASH_COMMAND, url: `https://YOUR-HOST${EVENTS_PATH}` })]);
    expect(manifest.features.slash_commands[0]?.usage_hint).toMatch(/ask <question>/);
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ name: FIND_SOURCES, type: "message", callback_id: FIND_SOURCES_CALLBACK_ID })]);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: `https://YOUR-HOST${EVENTS_PATH}` });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("subscribes to mentions and direct messages, to uninstalls and revoked tokens, and lets people write to the bot", () => {
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: `https://YOUR-HOST${EVENTS_PATH}`, bot_events: ["app_mention", "message.im", "app_uninstalled", "tokens_revoked"] });
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it("asks for the least access that works", () => {
    // commands: /dispute; chat:write: answers in threads and digests; app_mentions:read and im:history: the events above;
    // channels:history and groups:history: a digest taken over after a crash looks for its earlier post
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(["app_mentions:read", "channels:history", "chat:write", "commands", "groups:history", "im:history"]);
    // an install through /slack/install asks for exactly these
    expect([...BOT_SCOPES].sort()).toEqual(manifest.oauth_config.scopes.bot.sort());
  });

  it("sends admins back to the bot after an install", () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${REDIRECT_PATH}`]);
  });
});
