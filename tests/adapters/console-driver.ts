import { PassThrough } from "node:stream";
import type { Dispatcher } from "../../commands/dispatch.js";
import type { Invocation } from "../../commands/types.js";
import { createConsoleAdapter, REPLY_END, type ConsoleAdapter } from "../../src/adapters/console/console-adapter.js";
import type { AdapterDriver } from "./driver.js";

/** Drives the console adapter through real streams: one line in, the printed answer out. */
export function consoleDriver(): AdapterDriver {
  let input: PassThrough;
  let output: PassThrough;
  let adapter: ConsoleAdapter;
  let running: Promise<void>;
  let dispatcherRef: Dispatcher;
  let buffer = "";
  const nextAnswer = (): Promise<string> =>
    new Promise((resolve) => {
      const onData = (): void => {
        const end = buffer.indexOf(`${REPLY_END}\n`);
        if (end >= 0) {
          const text = buffer.slice(0, end);
          buffer = buffer.slice(end + REPLY_END.length + 1);
          output.off("data", listener);
          resolve(text);
        }
      };
      const listener = (chunk: Buffer): void => {
        buffer += chunk.toString("utf8");
        onData();
      };
      output.on("data", listener);
      onData();
    });
  return {
    name: "console",
    async start(dispatcher) {
      dispatcherRef = dispatcher;
      input = new PassThrough();
      output = new PassThrough();
      adapter = createConsoleAdapter({ dispatcher, input, output });
      running = adapter.run();
      await new Promise<void>((resolve) => output.once("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8").replace(/^[^\n]*\n/, ""); // the greeting line
        resolve();
      }));
    },
    async command(text) {
      const answer = nextAnswer();
      input.write(`/dispute ${text}\n`);
      return answer;
    },
    async findSources(message) {
      // the console has no message menu: it runs the same action the chat menus run
      const invocation: Invocation = { platform: "console", user: { id: "console", name: "console" }, channel: { id: "console" }, canManageChannel: true, now: new Date() };
      const { renderText } = await import("../../src/adapters/console/render.js");
      return renderText(await dispatcherRef.findSources(message, invocation));
    },
    async stop() {
      input.end();
      await running;
    },
  };
}
