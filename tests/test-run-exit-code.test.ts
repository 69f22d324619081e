import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { startProcess } from "./support/bot-process.js";

const root = fileURLToPath(new URL("../", import.meta.url));

it("a failing test fails the test run, with the PostgreSQL server the suite starts (its exit hooks keep the exit code)", async () => {
  const run = startProcess([process.execPath, "node_modules/vitest/vitest.mjs", "run", "--config", "tests/support/failing-run/vitest.config.ts"], root, { CI: "1" });
  const code = await run.exit;
  expect(run.output()).toMatch(/1 failed/);
  expect(code).toBe(1);
}, 60_000);
