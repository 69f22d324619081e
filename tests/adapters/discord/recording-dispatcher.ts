import type { CommandRequest, Dispatcher } from "../../../commands/dispatch.js";
import type { Invocation } from "../../../commands/types.js";

/** One call the adapter made to the dispatcher: a command request or a Find sources message. */
export interface DispatcherCall {
  readonly request?: CommandRequest;
  readonly message?: string;
  readonly invocation: Invocation;
}

/** A dispatcher that records the adapter's calls and can be told to fail its next command. */
export interface RecordingDispatcher extends Dispatcher {
  readonly calls: DispatcherCall[];
  /** Makes the next `run` throw an error with this message (a bug in a command). */
  failNextRun(message: string): void;
}

/** Wraps `base`, recording every `run` and `findSources` call. */
export function recordingDispatcher(base: Dispatcher): RecordingDispatcher {
  const calls: DispatcherCall[] = [];
  let failure: string | null = null;
  return {
    ...base,
    calls,
    failNextRun(message) {
      failure = message;
    },
    async run(request, invocation) {
      calls.push({ request, invocation });
      if (failure !== null) {
        const message = failure;
        failure = null;
        throw new Error(message);
      }
      return base.run(request, invocation);
    },
    findSources(message, invocation) {
      calls.push({ message, invocation });
      return base.findSources(message, invocation);
    },
  };
}
