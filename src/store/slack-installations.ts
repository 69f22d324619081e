import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { Sql } from "../db/sql.js";

/** The row id of an installation: an organisation-wide (Enterprise Grid) install by enterprise id, any other by team id. */
function idOf(query: { isEnterpriseInstall?: boolean | undefined; enterpriseId?: string | undefined; teamId?: string | undefined }): string | null {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  return null;
}

/**
 * `@slack/oauth`'s `InstallationStore` on the bot's database (either engine), so every replica
 * finds the workspaces that installed the app: enterprise installs keyed by enterprise id, others
 * by team id; installing again replaces the stored installation.
 */
export function slackInstallationStoreOver(sql: Sql, clock: () => Date = () => new Date()): InstallationStore {
  const wanted = (query: InstallationQuery<boolean>): string => {
    const id = idOf(query);
    if (id === null) throw new Error("an installation query needs a team id, or an enterprise id for an organisation-wide install");
    return id;
  };
  return {
    async storeInstallation(installation) {
      const id = idOf({ isEnterpriseInstall: installation.isEnterpriseInstall, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
      if (id === null) throw new Error("an installation without a team (or, organisation-wide, an enterprise) cannot be stored");
      await sql.run(
        `INSERT INTO slack_installations (id, installation, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET installation = excluded.installation, updated_at = excluded.updated_at`,
        [id, JSON.stringify(installation), clock().toISOString()],
      );
    },
    async fetchInstallation(query) {
      const id = wanted(query);
      const row = await sql.get<{ installation: string }>("SELECT installation FROM slack_installations WHERE id = ?", [id]);
      if (!row) throw new Error(`no Slack installation for ${id.startsWith("E:") ? "enterprise" : "team"} ${id.slice(2)}`);
      return JSON.parse(row.installation) as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query) {
      await sql.run("DELETE FROM slack_installations WHERE id = ?", [wanted(query)]);
    },
  };
}
