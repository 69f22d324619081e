import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A route of the test server: gets the request, the response and the server's base URL. */
export type Route = (req: IncomingMessage, res: ServerResponse, base: string) => void;

/** A loopback (127.0.0.1 only) HTTP server for tests; records every path it was asked for. */
export interface TestServer {
  readonly base: string;
  readonly port: number;
  /** `host:port` for the allow-list. */
  readonly hostPort: string;
  readonly hits: string[];
  readonly requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits: string[] = [];
  const requests: IncomingMessage[] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.push(path);
    requests.push(req);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
      return;
    }
    route(req, res, base);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    port,
    hostPort: `127.0.0.1:${port}`,
    hits,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
