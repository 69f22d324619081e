import { defineConfig } from "vitest/config";

/** A run of one test that fails, with the suite's own PostgreSQL setup: its exit code must say so. */
export default defineConfig({
  test: {
    include: ["tests/support/failing-run/*.check.ts"],
    pool: "forks",
    globalSetup: ["tests/support/postgres-server.ts"],
  },
});
