import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { packageDirectorySync } from "package-directory";

/**
 * The project's folder: the nearest one above this module holding the project's `package.json`.
 * The same folder whether the module runs as TypeScript from `src/` or compiled from `dist/src/`.
 */
export const PROJECT_ROOT = ((): string => {
  const root = packageDirectorySync({ cwd: dirname(fileURLToPath(import.meta.url)), ignoreTypeOnlyPackageJson: true });
  if (root === undefined) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  return root;
})();

/** The project's own `seeds/` folder, wherever the process was started from. */
export const DEFAULT_SEEDS_DIR = `${join(PROJECT_ROOT, "seeds")}${sep}`;
