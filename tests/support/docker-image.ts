/**
 * Lays out the image the Dockerfile describes, without Docker (there is no engine here): each stage
 * gets a folder; COPY copies from the build context (honouring .dockerignore) or from an earlier
 * stage; RUN steps run on this machine. Two kinds of step cannot run here and are stood in for:
 * `npm ci` links the project's installed packages (all of them, or with `--omit=dev` only the
 * production ones listed in package-lock.json) because tests do not reach the registry, and
 * system steps (apt-get, chown) belong to the base image. Any other instruction or step this
 * does not know fails, so the layout never silently differs from the Dockerfile.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { createRequire } from "node:module";
import { PROJECT_DIR, readDockerfile, type DockerInstruction, type DockerStage } from "./dockerfile.js";

// the package's types declare a default export its CommonJS module does not have
const dockerignore = createRequire(import.meta.url)("@balena/dockerignore") as (typeof import("@balena/dockerignore"))["default"];

/** A stage laid out on disk. */
export interface LaidOutStage {
  /** The folder standing for the stage's `/`. */
  readonly root: string;
  /** The stage's working directory, on disk. */
  readonly workdir: string;
  readonly env: Readonly<Record<string, string>>;
  /** Packages the stage installs with apt-get (not installed here). */
  readonly aptPackages: readonly string[];
}

/** The image: its last stage laid out, with what a container of it runs. */
export interface LaidOutImage extends LaidOutStage {
  readonly stages: Readonly<Record<string, LaidOutStage>>;
  readonly user: string | null;
  readonly cmd: readonly string[];
  readonly healthcheck: readonly string[] | null;
}

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
}

/** Links the project's installed packages into `dir/node_modules`: all, or the production ones only. */
function linkPackages(dir: string, productionOnly: boolean): void {
  const target = join(dir, "node_modules");
  rmSync(target, { recursive: true, force: true });
  if (!productionOnly) {
    symlinkSync(join(PROJECT_DIR, "node_modules"), target, "dir");
    return;
  }
  const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  for (const [path, entry] of Object.entries(lock.packages)) {
    // top-level packages only: nested ones live inside their parent's folder
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || entry.dev || entry.devOptional) continue;
    const installed = join(PROJECT_DIR, path);
    if (!existsSync(installed)) continue; // an optional package for another platform
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(installed, join(dir, path), "dir");
  }
}

/** Every file under `path` (or `path` itself), relative to `base`. */
function filesUnder(base: string, path: string): string[] {
  const full = join(base, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .map((entry) => join(path, entry))
    .filter((entry) => !statSync(join(base, entry)).isDirectory());
}

function copy(stage: { root: string; workdir: string }, instruction: DockerInstruction, stages: Map<string, { root: string }>, context: string, ignored: (path: string) => boolean): void {
  const parts = instruction.exec ?? instruction.args.split(/\s+/);
  const sources = parts.slice(0, -1);
  const destination = parts.at(-1)!;
  const destinationPath = isAbsolute(destination) ? join(stage.root, destination) : join(stage.workdir, destination);
  const into = (source: string): string => (destination.endsWith("/") || sources.length > 1 ? join(destinationPath, basename(source)) : destinationPath);
  const from = instruction.flags.from;
  for (const source of sources) {
    if (from !== undefined) {
      const fromStage = stages.get(from ?? "");
      if (!fromStage) throw new Error(`COPY --from=${from}: no such stage before this one`);
      const sourcePath = join(fromStage.root, source);
      if (!existsSync(sourcePath)) throw new Error(`COPY --from=${from} ${source}: not in that stage`);
      cpSync(sourcePath, statSync(sourcePath).isDirectory() ? destinationPath : into(source), { recursive: true, verbatimSymlinks: true });
      continue;
    }
    if (!existsSync(join(context, source))) throw new Error(`COPY ${source}: not in the build context`);
    const files = filesUnder(context, source).filter((file) => !ignored(file));
    if (files.length === 0) throw new Error(`COPY ${source}: excluded by .dockerignore`);
    const isDirectory = statSync(join(context, source)).isDirectory();
    for (const file of files) {
      const target = isDirectory ? join(destinationPath, relative(source, file)) : into(source);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(context, file), target);
    }
  }
}

function run(stage: { workdir: string; env: Record<string, string>; aptPackages: string[] }, step: string): void {
  if (/^npm ci\b/.test(step)) {
    for (const file of ["package.json", "package-lock.json"]) if (!existsSync(join(stage.workdir, file))) throw new Error(`npm ci: no ${file} in the working directory`);
    linkPackages(stage.workdir, /--omit[= ]dev\b/.test(step));
    return;
  }
  if (/^apt-get\s+install\b/.test(step)) {
    stage.aptPackages.push(...step.split(/\s+/).slice(2).filter((word) => !word.startsWith("-")));
    return;
  }
  if (/^apt-get\s+update$/.test(step) || /^rm -rf \/var\/lib\/apt\/lists\/\*$/.test(step) || /^chown\s/.test(step)) return;
  const result = spawnSync("sh", ["-c", step], {
    cwd: stage.workdir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...stage.env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`RUN ${step} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/**
 * Lays out the image in `into` (a fresh folder) as the Dockerfile builds it from the project
 * folder; the last stage is the image.
 */
export function layOutImage(into: string, dockerfile: readonly DockerStage[] = readDockerfile(), context = PROJECT_DIR): LaidOutImage {
  const ignoreFile = join(context, ".dockerignore");
  const inContext = dockerignore()
    .add(existsSync(ignoreFile) ? readFileSync(ignoreFile, "utf8").split("\n") : [])
    .createFilter();
  const laidOut = new Map<string, LaidOutStage & { user: string | null; cmd: string[]; healthcheck: string[] | null }>();
  let last: (LaidOutStage & { user: string | null; cmd: string[]; healthcheck: string[] | null }) | null = null;
  for (const [index, definition] of dockerfile.entries()) {
    const root = join(into, `${index}-${definition.name}`);
    const base = laidOut.get(definition.image);
    if (base) cpSync(base.root, root, { recursive: true, verbatimSymlinks: true });
    mkdirSync(root, { recursive: true });
    const stage = { root, workdir: base ? base.workdir.replace(base.root, root) : root, env: { ...base?.env }, aptPackages: [...(base?.aptPackages ?? [])], user: base?.user ?? null, cmd: base?.cmd ?? [], healthcheck: base?.healthcheck ?? null };
    for (const instruction of definition.instructions) {
      switch (instruction.keyword) {
        case "WORKDIR":
          stage.workdir = isAbsolute(instruction.args) ? join(root, instruction.args) : join(stage.workdir, instruction.args);
          mkdirSync(stage.workdir, { recursive: true });
          break;
        case "ENV":
          for (const pair of instruction.args.split(/\s+/)) {
            const [key, ...value] = pair.split("=");
            stage.env[key!] = value.join("=");
          }
          break;
        case "COPY":
          copy(stage, instruction, laidOut, context, (path) => !inContext(path));
          break;
        case "RUN":
          for (const step of instruction.args.split(/\s+&&\s+/)) run(stage, step.trim());
          break;
        case "USER":
          stage.user = instruction.args;
          break;
        case "CMD":
          if (!instruction.exec) throw new Error("CMD must be in exec form");
          stage.cmd = [...instruction.exec];
          break;
        case "HEALTHCHECK":
          stage.healthcheck = instruction.exec ? [...instruction.exec] : null;
          break;
        case "EXPOSE":
          break;
        default:
          throw new Error(`${instruction.keyword} is not laid out here; teach tests/support/docker-image.ts what it does`);
      }
    }
    laidOut.set(definition.name, stage);
    last = stage;
  }
  if (!last) throw new Error("the Dockerfile has no stage");
  return { ...last, stages: Object.fromEntries(laidOut) };
}
