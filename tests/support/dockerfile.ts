/**
 * The Dockerfile, read into stages and instructions (with `dockerfile-ast`), for the tests that
 * check it against the project and lay out the image it describes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DockerfileParser, type Instruction } from "dockerfile-ast";

/** The project folder (the Docker build context). */
export const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** One instruction: its keyword, its flags (`--from=build` → `{ from: "build" }`) and its arguments. */
export interface DockerInstruction {
  readonly keyword: string;
  readonly flags: Readonly<Record<string, string | null>>;
  /** The arguments as written, line continuations joined. */
  readonly args: string;
  /** Exec form (`["node", "…"]`) parsed, for CMD, COPY and HEALTHCHECK CMD; null in shell form. */
  readonly exec: readonly string[] | null;
}

/** One build stage: `FROM image AS name` and what follows it. */
export interface DockerStage {
  readonly name: string;
  readonly image: string;
  readonly instructions: readonly DockerInstruction[];
}

function execForm(text: string): string[] | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("[")) return null;
  const parsed: unknown = JSON.parse(trimmed);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === "string")) throw new Error(`not an exec form: ${text}`);
  return parsed;
}

function toInstruction(instruction: Instruction): DockerInstruction {
  const keyword = instruction.getKeyword();
  const withFlags = instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  const flags = Object.fromEntries((withFlags.getFlags?.() ?? []).map((flag) => [flag.getName(), flag.getValue()]));
  // the arguments without the flags, continuations joined
  const args = instruction.getArgumentsContent() ?? "";
  const exec = keyword === "HEALTHCHECK" ? (/^CMD\s+/.test(args) ? execForm(args.replace(/^CMD\s+/, "")) : null) : keyword === "CMD" || keyword === "COPY" || keyword === "ENTRYPOINT" ? execForm(args) : null;
  return { keyword, flags, args: args.trim(), exec };
}

/** Reads a Dockerfile into its stages, in order; a stage without `AS` is named by its index. */
export function readDockerfile(path = join(PROJECT_DIR, "Dockerfile")): DockerStage[] {
  const stages: { name: string; image: string; instructions: DockerInstruction[] }[] = [];
  for (const instruction of DockerfileParser.parse(readFileSync(path, "utf8")).getInstructions()) {
    const parsed = toInstruction(instruction);
    if (parsed.keyword === "FROM") {
      const [image, as, name] = parsed.args.split(/\s+/);
      stages.push({ name: as?.toUpperCase() === "AS" && name ? name : String(stages.length), image: image ?? "", instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${parsed.keyword} before the first FROM`);
      stage.instructions.push(parsed);
    }
  }
  return stages;
}

/** The instructions of a stage with one keyword. */
export function instructionsOf(stage: DockerStage, keyword: string): DockerInstruction[] {
  return stage.instructions.filter((i) => i.keyword === keyword);
}

/** The shell commands of a stage's RUN instructions, each `a && b` step on its own. */
export function runSteps(stage: DockerStage): string[] {
  return instructionsOf(stage, "RUN").flatMap((run) => run.args.split(/\s+&&\s+/).map((step) => step.trim()));
}
