import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authorize, AuthorizeResult, AuthorizeSourceData, Logger as BoltLogger, webApi } from "@slack/bolt";
import { defaultCallbackFailure, InstallProvider, type InstallationQuery, type InstallationStore, type InstallURLOptions } from "@slack/oauth";
import type { Logger } from "pino";
import type { HttpRoute } from "../../http/routes.js";
import { safeError } from "../shared/redact.js";
import { BOT_SCOPES } from "./scopes.js";

/** Where a workspace admin starts installing the app. */
export const INSTALL_PATH = "/slack/install";
/** Where Slack sends the admin back after approving the install. */
export const REDIRECT_PATH = "/slack/oauth_redirect";

/** OAuth settings for installing the app in many workspaces (Basic Information of the Slack app). */
export interface SlackOAuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the OAuth `state`, so any replica can finish an install another one started. */
  readonly stateSecret: string;
  /** Where installations are kept: the bot's database, shared by every replica. */
  readonly installations: InstallationStore;
  /** The redirect URL Slack is told (default: the one set in the app's settings). */
  readonly redirectUri?: string;
}

/** The workspace a single `SLACK_BOT_TOKEN` belongs to, as `auth.test` tells it. */
export interface SingleWorkspace {
  readonly botToken: string;
  readonly teamId?: string;
  readonly botId?: string;
  readonly botUserId?: string;
}

/** Which token speaks for which workspace: installations made through OAuth, then the single bot token. */
export interface SlackWorkspaces {
  /** Bolt's `authorize` (OAuth mode only): the installation of the request's workspace, or the single token's own workspace. */
  readonly authorize: Authorize<boolean>;
  /** The install and redirect paths (OAuth mode), served on the Slack port. */
  readonly routes: readonly HttpRoute[];
  /** Records the single token's workspace once `auth.test` has told it. */
  useSingle(single: SingleWorkspace): void;
  /**
   * The bot token that posts in `workspace` (a team id; undefined when the subscription predates
   * knowing it): its installation, else the single token when it belongs there or nothing else is known.
   * @throws Error when the app is not installed in that workspace
   */
  botTokenFor(workspace: string | undefined): Promise<string>;
  /** Deletes a workspace's installation (the app was uninstalled or its tokens revoked). */
  forget(query: InstallationQuery<boolean>): Promise<void>;
}

/** What {@link createSlackWorkspaces} needs besides the OAuth settings. */
export interface SlackWorkspacesDeps {
  /** The Slack adapter's logger (its lines already say `platform: "slack"`). */
  readonly log: Logger;
  readonly logger: BoltLogger;
  /** The Web API client's options (base URL, time limits) for `oauth.v2.access` and `auth.test`. */
  readonly clientOptions: webApi.WebClientOptions;
}

/**
 * The workspaces the bot serves. With `oauth`, `GET {@link INSTALL_PATH}` starts an install
 * (`@slack/oauth`'s `InstallProvider`, state signed with the state secret and checked against a
 * cookie), `GET {@link REDIRECT_PATH}` finishes it and stores the installation; each request is then
 * authorised with its workspace's stored token. Without `oauth`, only the single token exists.
 */
export function createSlackWorkspaces(oauth: SlackOAuthOptions | undefined, deps: SlackWorkspacesDeps): SlackWorkspaces {
  const { log } = deps;
  let single: SingleWorkspace | null = null;
  const installer = oauth
    ? new InstallProvider({
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        stateSecret: oauth.stateSecret,
        installationStore: oauth.installations,
        logger: deps.logger,
        clientOptions: deps.clientOptions,
      })
    : null;
  const urlOptions: InstallURLOptions = { scopes: [...BOT_SCOPES], ...(oauth?.redirectUri ? { redirectUri: oauth.redirectUri } : {}) };

  const singleFor = (teamId: string | undefined): AuthorizeResult | null => {
    if (!single || (teamId !== undefined && single.teamId !== undefined && teamId !== single.teamId)) return null;
    return { botToken: single.botToken, botId: single.botId, botUserId: single.botUserId, teamId: single.teamId ?? teamId };
  };

  /** Whether an installation look-up failed because there is none (rather than because the database failed). */
  const notInstalled = (error: unknown): boolean => error instanceof Error && /no Slack installation/.test(error.message);

  const authorize: Authorize<boolean> = async (source: AuthorizeSourceData<boolean>) => {
    if (installer) {
      try {
        return await installer.authorize(source);
      } catch (error) {
        const fallback = singleFor(source.teamId);
        if (fallback) return fallback;
        const where = { team: source.teamId ?? null, enterprise: source.enterpriseId ?? null };
        if (notInstalled(error)) log.warn(where, "a request came from a workspace that has not installed the app");
        else log.error({ ...where, err: safeError(error) }, "could not read the workspace's installation");
        throw error;
      }
    }
    const only = singleFor(source.teamId);
    if (!only) throw new Error(`no token for Slack workspace ${source.teamId ?? "(none)"}`);
    return only;
  };

  /** Answers an install request that failed before `@slack/oauth` answered it. */
  const failed = (res: ServerResponse, what: string) => (error: unknown) => {
    log.error({ err: safeError(error) }, `${what} failed`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("The Slack install could not be completed. Please try again.");
  };

  const routes: HttpRoute[] = installer
    ? [
        {
          path: INSTALL_PATH,
          method: ["GET"],
          handler: (req: IncomingMessage, res: ServerResponse) => {
            installer.handleInstallPath(req, res, {}, urlOptions).catch(failed(res, "starting a Slack install"));
          },
        },
        {
          path: REDIRECT_PATH,
          method: ["GET"],
          handler: (req: IncomingMessage, res: ServerResponse) => {
            installer
              .handleCallback(
                req,
                res,
                {
                  afterInstallation: async (installation) => {
                    log.info({ team: installation.team?.id ?? null, enterprise: installation.enterprise?.id ?? null }, "a workspace installed the app");
                    return true;
                  },
                  failure: (error, options, request, response) => {
                    log.warn({ code: error.code, err: safeError(error) }, "a Slack install did not complete");
                    defaultCallbackFailure(error, options, request, response);
                  },
                },
                urlOptions,
              )
              .catch(failed(res, "finishing a Slack install"));
          },
        },
      ]
    : [];

  return {
    authorize,
    routes,
    useSingle(next) {
      single = next;
    },
    async botTokenFor(workspace) {
      if (installer && workspace !== undefined) {
        try {
          const found = await installer.authorize({ teamId: workspace, enterpriseId: undefined, isEnterpriseInstall: false });
          if (found.botToken) return found.botToken;
        } catch (error) {
          // not installed through OAuth: the single token may belong there; any other failure is said as it is
          if (!notInstalled(error)) throw new Error(`could not read the installation of Slack workspace ${workspace}: ${safeError(error).message}`);
        }
      }
      const fallback = singleFor(workspace);
      if (fallback?.botToken) return fallback.botToken;
      throw new Error(workspace === undefined ? "no Slack workspace is known for this channel; subscribe again from the channel" : `the app is not installed in Slack workspace ${workspace}`);
    },
    async forget(query) {
      if (!oauth) return;
      await oauth.installations.deleteInstallation?.(query);
      log.info({ team: query.teamId ?? null, enterprise: query.enterpriseId ?? null }, "a workspace's installation was deleted");
    },
  };
}
