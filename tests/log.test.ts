import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, loadPinoPretty } from "../src/log.js";

/** A stream that keeps what is written to it. */
function sink(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString("utf8");
      done();
    },
  });
  return { stream, text: () => text };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the logger", () => {
  it("writes JSON lines when nobody reads them in a terminal", async () => {
    const out = sink();
    createLogger("info", out.stream, { terminal: false }).info({ user: "U1", token: "xoxb-secret" }, "command handled");
    await settle();
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ app: "dispute-bot", level: 30, user: "U1", token: "[redacted]", msg: "command handled" });
  });

  it("pretty-prints for a person at a terminal when pino-pretty is installed, still redacting", async () => {
    expect(loadPinoPretty()).toBeTypeOf("function");
    const out = sink();
    createLogger("info", out.stream, { terminal: true }).info({ user: "U1", token: "xoxb-secret" }, "command handled");
    await settle();
    const text = out.text();
    expect(text).toMatch(/INFO.*command handled/);
    expect(text).toContain("user: \"U1\"");
    expect(text).not.toContain("xoxb-secret");
    expect(() => JSON.parse(text.trim())).toThrow();
  });

  it("stays JSON at a terminal where pino-pretty cannot be loaded (a production install)", async () => {
    const out = sink();
    createLogger("info", out.stream, { terminal: true, prettifier: () => null }).warn({ file: "a.txt" }, "article skipped");
    await settle();
    expect(JSON.parse(out.text().trim())).toMatchObject({ level: 40, file: "a.txt", msg: "article skipped" });
  });

  it("treats a given destination as read by a program, not a person", async () => {
    const out = sink();
    let loaded = false;
    createLogger("info", out.stream, {
      prettifier: () => {
        loaded = true;
        return null;
      },
    }).info("ready");
    await settle();
    expect(loaded).toBe(false);
    expect(JSON.parse(out.text().trim())).toMatchObject({ msg: "ready" });
  });
});
