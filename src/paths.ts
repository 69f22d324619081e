import { fileURLToPath } from "node:url";

/** The project's own `seeds/` folder, wherever the process was started from. */
export const DEFAULT_SEEDS_DIR = fileURLToPath(new URL("../seeds/", import.meta.url));
