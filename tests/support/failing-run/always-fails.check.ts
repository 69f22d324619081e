import { expect, it } from "vitest";

it("fails on purpose", () => {
  expect("the run's exit code").toBe("zero");
});
