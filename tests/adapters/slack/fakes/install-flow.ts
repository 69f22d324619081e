import { INSTALL_PATH, REDIRECT_PATH } from "../../../../src/adapters/slack/workspaces.js";

/** What an admin's browser saw: the install page, the link to Slack it followed, and the page Slack sent it back to. */
export interface InstallVisit {
  readonly page: Response;
  readonly authorizeUrl: URL;
  readonly back: Response;
}

/**
 * What an admin's browser does: opens `/slack/install` on `startBase`, follows its "Add to Slack"
 * link (approved there: Slack issued `code`), and comes back to `/slack/oauth_redirect` on
 * `finishBase` (another replica, possibly) with the state and the cookie it was given.
 */
export async function installThrough(startBase: string, code: string, finishBase: string = startBase): Promise<InstallVisit> {
  const page = await fetch(`${startBase}${INSTALL_PATH}`);
  const html = await page.text();
  const href = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no Add to Slack link in the install page: ${html.slice(0, 200)}`);
  const authorizeUrl = new URL(href.replaceAll("&amp;", "&"));
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const state = authorizeUrl.searchParams.get("state") ?? "";
  const back = await fetch(`${finishBase}${REDIRECT_PATH}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: "manual" });
  return { page, authorizeUrl, back };
}

/** An Events API body from workspace `team` (the envelope, its authorisation and the event say so). */
export function teamEnvelope(envelope: Record<string, unknown>, team: string): Record<string, unknown> {
  const event = envelope.event as Record<string, unknown>;
  return {
    ...envelope,
    team_id: team,
    event: { ...event, team },
    authorizations: [{ enterprise_id: null, team_id: team, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
  };
}
