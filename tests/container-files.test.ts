/**
 * The Dockerfile, .dockerignore and compose.yaml against the project: the scripts, paths, port,
 * health check path and dependencies they name are the ones package.json and the code have.
 * (tests/build.test.ts lays the image out and runs it.)
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadConfig } from "../src/config.js";
import { HEALTH_PATH } from "../src/http/http-server.js";
import { instructionsOf, PROJECT_DIR, readDockerfile, runSteps, type DockerStage } from "./support/dockerfile.js";

const dockerignore = createRequire(import.meta.url)("@balena/dockerignore") as (typeof import("@balena/dockerignore"))["default"];

interface PackageJson {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(PROJECT_DIR, "package.json"), "utf8")) as PackageJson;
const lock = JSON.parse(readFileSync(join(PROJECT_DIR, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }> };
const stages = readDockerfile();
const runtime = stages.at(-1)!;
const defaults = loadConfig({}, null);

/** The stage an instruction `COPY --from=<stage> …<path> <destination>` in the runtime stage copies `destination` from. */
function copiedFrom(destination: string): { stage: DockerStage; source: string } {
  const copy = instructionsOf(runtime, "COPY").find((c) => c.flags.from && c.args.split(/\s+/).at(-1)!.replace(/^\.\//, "").replace(/\/$/, "") === destination);
  if (!copy) throw new Error(`the runtime stage copies no ${destination} from another stage`);
  const stage = stages.find((s) => s.name === copy.flags.from);
  if (!stage) throw new Error(`no stage ${copy.flags.from}`);
  return { stage, source: copy.args.split(/\s+/)[0]! };
}

/** The value of a `--flag value` or `--flag=value` in a command line. */
function flagValue(command: string, flag: string): string | undefined {
  return new RegExp(`--${flag}[= ](\\S+)`).exec(command)?.[1];
}

/** Production packages whose install runs a script (a native addon built at install). */
const nativeProductionPackages = Object.entries(lock.packages)
  .filter(([path, entry]) => /^node_modules\//.test(path) && entry.hasInstallScript && !entry.dev)
  .map(([path]) => path.replace(/^node_modules\//, ""));

describe("the Dockerfile", () => {
  it("builds in one stage with every dependency and runs on a slim Node 20 image", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.image).toMatch(/^node:20(\.\d+)*-(bookworm-)?slim$/);
    const build = copiedFrom("dist").stage;
    const steps = runSteps(build);
    const install = steps.find((s) => /^npm ci\b/.test(s));
    expect(install).toBeDefined();
    expect(install).not.toMatch(/--omit[= ]dev|--production/);
    expect(steps).toContain("npm run build");
    expect(pkg.scripts.build).toBeDefined();
  });

  it("copies into the runtime the folder the build script writes", () => {
    const outDir = flagValue(pkg.scripts.build!, "outDir");
    expect(outDir).toBeDefined();
    const { stage, source } = copiedFrom(outDir!);
    const workdir = instructionsOf(stage, "WORKDIR").at(-1)?.args;
    expect(source).toBe(`${workdir}/${outDir}`);
  });

  it("starts the compiled entry point, as npm run start:prod does, and that entry point is compiled from src/main.ts", () => {
    const [cmd] = instructionsOf(runtime, "CMD");
    expect(cmd?.exec).toEqual(pkg.scripts["start:prod"]!.replace(/^exec\s+/, "").split(/\s+/));
    const [node, entry] = cmd!.exec!;
    expect(node).toBe("node");
    // tsc with --rootDir . puts src/main.ts at <outDir>/src/main.js
    expect(flagValue(pkg.scripts.build!, "rootDir")).toBe(".");
    const source = entry!.replace(new RegExp(`^${flagValue(pkg.scripts.build!, "outDir")}/`), "").replace(/\.js$/, ".ts");
    expect(source).toBe("src/main.ts");
    expect(existsSync(join(PROJECT_DIR, source))).toBe(true);
  });

  it("takes node_modules from a production-only install on the same image, with compilers for the native addons", () => {
    expect(nativeProductionPackages).toContain("better-sqlite3");
    const { stage: deps } = copiedFrom("node_modules");
    expect(deps.image).toBe(runtime.image);
    expect(runSteps(deps).some((s) => /^npm ci\b.*--omit[= ]dev\b/.test(s))).toBe(true);
    // where no prebuilt binary fits, better-sqlite3 compiles from source
    const apt = runSteps(deps).find((s) => /^apt-get\s+install\b/.test(s)) ?? "";
    for (const tool of ["python3", "make", "g++"]) expect(apt.split(/\s+/)).toContain(tool);
  });

  it("installs nothing in the runtime stage but production packages, and no compilers", () => {
    const steps = runSteps(runtime);
    for (const step of steps.filter((s) => /^npm (ci|install|i)\b/.test(s))) expect(step).toMatch(/--omit[= ]dev\b/);
    expect(steps.some((s) => /apt-get\s+install/.test(s))).toBe(false);
    // so pino-pretty, a dev dependency, is not in the image and logs stay JSON
    expect(pkg.devDependencies["pino-pretty"]).toBeDefined();
    expect(pkg.dependencies["pino-pretty"]).toBeUndefined();
  });

  it("runs as a user other than root", () => {
    const user = instructionsOf(runtime, "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(user!.split(":")[0]).not.toMatch(/^(root|0)$/);
  });

  it("checks health with node's fetch on the path the bot serves, on PORT", () => {
    const [healthcheck] = instructionsOf(runtime, "HEALTHCHECK");
    expect(healthcheck?.exec?.[0]).toBe("node");
    const script = healthcheck!.exec!.join(" ");
    expect(script).toContain("fetch(");
    expect(script).toContain(`'${HEALTH_PATH}'`);
    expect(script).toContain("process.env.PORT");
    expect(script).toContain(`|| ${defaults.PORT}`);
    expect(instructionsOf(runtime, "EXPOSE").map((e) => e.args)).toEqual([String(defaults.PORT)]);
  });
});

describe(".dockerignore", () => {
  const ignore = dockerignore().add(readFileSync(join(PROJECT_DIR, ".dockerignore"), "utf8").split("\n"));

  it("keeps secrets, local installs, builds, databases and snapshots out of the build context", () => {
    for (const path of [".env", "node_modules/pino/package.json", "dist/src/main.js", "data/dispute-bot.db", ".cache/index.snapshot", ".git/HEAD", "tests/build.test.ts"]) {
      expect(ignore.ignores(path), path).toBe(true);
    }
  });

  it("lets in everything the Dockerfile copies from the context", () => {
    const fromContext = stages.flatMap((s) => instructionsOf(s, "COPY").filter((c) => !c.flags.from)).flatMap((c) => c.args.split(/\s+/).slice(0, -1));
    expect(fromContext.length).toBeGreaterThan(0);
    for (const source of fromContext) {
      expect(existsSync(join(PROJECT_DIR, source)), source).toBe(true);
      expect(ignore.ignores(source), source).toBe(false);
    }
  });
});

describe("compose.yaml", () => {
  interface Service {
    image?: string;
    build?: string | { context: string };
    env_file?: string | string[];
    environment?: Record<string, string>;
    ports?: string[];
    depends_on?: Record<string, { condition: string }>;
    volumes?: string[];
    healthcheck?: { test: string[] | string };
  }
  const compose = parseYaml(readFileSync(join(PROJECT_DIR, "compose.yaml"), "utf8"), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
  const postgres = compose.services.postgres!;
  const bots = ["bot-1", "bot-2"].map((name) => [name, compose.services[name]!] as const);

  it("runs PostgreSQL 16 with a readiness check and its data on a volume", () => {
    expect(postgres.image).toBe("postgres:16");
    expect(JSON.stringify(postgres.healthcheck?.test)).toContain("pg_isready");
    const volume = postgres.volumes?.find((v) => v.endsWith(":/var/lib/postgresql/data"));
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(volume!.split(":")[0]);
  });

  it("runs two bot replicas built from the Dockerfile, each on its own port, after PostgreSQL is healthy", () => {
    const ports = new Set<number>();
    for (const [name, bot] of bots) {
      expect(bot, name).toBeDefined();
      const context = typeof bot.build === "string" ? bot.build : bot.build?.context;
      expect(existsSync(join(PROJECT_DIR, context ?? "", "Dockerfile")), name).toBe(true);
      expect([bot.env_file].flat(), name).toEqual([".env"]);
      expect(bot.depends_on?.postgres?.condition, name).toBe("service_healthy");
      // the port is one the bot accepts, published as itself
      const port = loadConfig({ PORT: bot.environment?.PORT }, null).PORT;
      expect(bot.ports, name).toEqual([`${port}:${port}`]);
      ports.add(port);
    }
    expect(ports.size).toBe(bots.length);
  });

  it("gives every replica the database URL of the PostgreSQL service", () => {
    const env = postgres as Service & { environment: Record<string, string> };
    for (const [name, bot] of bots) {
      expect(bot.environment?.DATABASE_URL, name).toBe("postgres://dispute:dispute@postgres:5432/dispute");
      const url = new URL(bot.environment!.DATABASE_URL!);
      expect(compose.services[url.hostname], name).toBe(postgres);
      expect([url.username, url.password, url.pathname.slice(1)]).toEqual([env.environment.POSTGRES_USER, env.environment.POSTGRES_PASSWORD, env.environment.POSTGRES_DB]);
    }
  });

  it("starts a replica from .env.example copied to .env: the configuration loads", () => {
    const fromFile = parseEnv(readFileSync(join(PROJECT_DIR, ".env.example"), "utf8"));
    for (const [name, bot] of bots) {
      // compose's environment wins over env_file, as the bot's own environment wins over .env
      expect(() => loadConfig({ ...fromFile, ...bot.environment }, null), name).not.toThrow();
    }
  });
});
