import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // one PostgreSQL server for the run; each test file makes its own databases on it
    globalSetup: ["tests/support/postgres-server.ts"],
  },
});
