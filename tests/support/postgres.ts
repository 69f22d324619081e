import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The URL of a new, empty database on the test run's PostgreSQL server. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = inject("postgresAdminUrl");
  const name = `t_${randomBytes(8).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
