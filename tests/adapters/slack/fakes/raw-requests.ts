import { request } from "node:http";

/** How to send one raw request. */
export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string | string[]>;
  /** Body chunks written one after another (waiting for the socket to drain). */
  readonly chunks?: readonly (string | Buffer)[];
  /** Leave the request open after the chunks (to see whether the server answers before the end). */
  readonly leaveOpen?: boolean;
  /** Give up after this long (default 5 s). */
  readonly timeoutMs?: number;
}

/**
 * Sends a request with node:http to a 127.0.0.1 URL and resolves with the status as soon as the
 * response headers arrive (the body may still be unsent), plus how many body bytes were written by then.
 */
export function rawRequest(url: string, options: RawRequest = {}): Promise<{ status: number; bytesWritten: number; body: string }> {
  return new Promise((resolve, reject) => {
    let bytesWritten = 0;
    let answered = false;
    const req = request(url, { method: options.method ?? "POST", headers: options.headers ?? {} });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no response within ${options.timeoutMs ?? 5000} ms`));
    }, options.timeoutMs ?? 5000);
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      const done = (): void => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, bytesWritten, body });
      };
      res.on("end", done);
      res.on("error", done);
      res.on("aborted", done);
    });
    req.on("error", (error) => {
      if (answered) return;
      clearTimeout(timer);
      reject(error);
    });
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        if (answered || req.destroyed) return;
        bytesWritten += Buffer.byteLength(chunk);
        if (!req.write(chunk)) {
          await new Promise<void>((r) => {
            const done = (): void => {
              req.off("drain", done);
              req.off("close", done);
              r();
            };
            req.on("drain", done);
            req.on("close", done);
          });
        }
      }
      if (!options.leaveOpen && !req.destroyed) req.end();
    })();
  });
}
