import { createServer as createNetServer, type AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError, type FetchErrorCode } from "../../../src/sources/web/errors.js";
import { safeFetch, type SafeFetchOptions } from "../../../src/sources/web/fetch.js";
import { startServer, type TestServer } from "./server.js";

const PAGE = "<!doctype html><html><head><title>Page</title></head><body><p>Hello</p></body></html>";

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    "/article": (_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE),
    "/feed": (_req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss version='2.0'></rss>"),
    "/doc.pdf": (_req, res) => res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n%âãÏÓ\n"),
    "/untyped": (_req, res) => res.writeHead(200).end(PAGE),
    "/gone": (_req, res) => res.writeHead(410, { "content-type": "text/html" }).end("gone"),
    "/error": (_req, res) => res.writeHead(500, { "content-type": "text/html" }).end("oops"),
    "/huge": (_req, res) => {
      // 6 MiB streamed without a Content-Length, in 64 KiB chunks.
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const write = (): void => {
        while (sent < 96) {
          sent++;
          if (!res.write(chunk)) {
            res.once("drain", write);
            return;
          }
        }
        res.end();
      };
      res.on("close", () => (sent = 1000));
      write();
    },
    "/huge-declared": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(6 * 1024 * 1024) });
      res.write("<p>start</p>");
    },
    "/gzip": (_req, res) => res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(PAGE)),
    "/gzip-bomb": (_req, res) =>
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(8 * 1024 * 1024, " "))),
    "/latin1": (_req, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" }).end(Buffer.from("<p>Café Zürich</p>", "latin1")),
    "/meta-charset": (_req, res) =>
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>'), Buffer.from("na\u00efve \u201cquote\u201d", "latin1"), Buffer.from("</p>")])),
    "/loop-a": (_req, res) => res.writeHead(302, { location: "/loop-b" }).end(),
    "/loop-b": (_req, res) => res.writeHead(301, { location: "/loop-a" }).end(),
    "/r5": (_req, res) => res.writeHead(301, { location: "/r4" }).end(),
    "/r4": (_req, res) => res.writeHead(302, { location: "/r3" }).end(),
    "/r3": (_req, res) => res.writeHead(303, { location: "/r2" }).end(),
    "/r2": (_req, res) => res.writeHead(307, { location: "/r1" }).end(),
    "/r1": (_req, res, base) => res.writeHead(308, { location: `${base}/article?utm_source=x` }).end(),
    "/r6": (_req, res) => res.writeHead(301, { location: "/r5" }).end(),
    "/to-private": (_req, res) => res.writeHead(302, { location: "http://10.0.0.1/admin" }).end(),
    "/to-metadata": (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-localhost": (req, res) => res.writeHead(302, { location: `http://localhost:${req.socket.localPort}/article` }).end(),
    "/to-mapped": (req, res) => res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${req.socket.localPort}/article` }).end(),
    "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
    "/slow": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const t = setInterval(() => res.write("<p>.</p>"), 50);
      res.on("close", () => clearInterval(t));
    },
    "/redirect-endless-body": (_req, res) => {
      res.writeHead(302, { location: "/article", "content-type": "text/html" });
      const t = setInterval(() => res.write("<p>moved</p>".repeat(1000)), 5);
      res.on("close", () => clearInterval(t));
    },
    "/error-endless-body": (_req, res) => {
      res.writeHead(503, { "content-type": "text/html" });
      const t = setInterval(() => res.write("<p>busy</p>".repeat(1000)), 5);
      res.on("close", () => clearInterval(t));
    },
    "/hang": () => {
      // never answers
    },
    "/cached": (req, res) => {
      const headers = { etag: '"v1"', "last-modified": "Wed, 18 Mar 2026 10:00:00 GMT", "content-type": "text/html" };
      if (req.headers["if-none-match"] === '"v1"' || req.headers["if-modified-since"] === headers["last-modified"]) {
        res.writeHead(304, headers).end();
      } else {
        res.writeHead(200, headers).end(PAGE);
      }
    },
    "/echo-host": (req, res) => res.writeHead(200, { "content-type": "text/html" }).end(`<p>${req.headers.host}</p>`),
  });
});

afterAll(async () => {
  await server.close();
});

const html = (extra: Partial<SafeFetchOptions> = {}): SafeFetchOptions => ({
  accept: "html",
  allowHosts: server.hostPort,
  timeoutMs: 5_000,
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).not.toMatch(/\n/);
    return error as FetchError;
  }
  throw new Error("expected the fetch to fail");
}

async function code(promise: Promise<unknown>): Promise<FetchErrorCode> {
  return (await failure(promise)).code;
}

describe("safeFetch", () => {
  it("fetches an allow-listed loopback page", async () => {
    const result = await safeFetch(`${server.base}/article`, html());
    expect(result.kind).toBe("ok");
    if (result.kind !== "ok") return;
    expect(result.status).toBe(200);
    expect(result.contentType).toBe("text/html");
    expect(result.body).toBe(PAGE);
    expect(result.redirects).toEqual([]);
  });

  it("refuses loopback when the allow-list does not name it, without connecting", async () => {
    const before = server.hits.length;
    const error = await failure(safeFetch(`${server.base}/article`, { accept: "html" }));
    expect(error.code).toBe("blocked-address");
    expect(error.message).toMatch(/loopback/);
    expect(await code(safeFetch(`${server.base}/article`, { accept: "html", allowHosts: "127.0.0.1:1" }))).toBe("blocked-address");
    expect(server.hits.length).toBe(before);
  });

  it("allows a host on any port when the entry has no port", async () => {
    const result = await safeFetch(`${server.base}/article`, html({ allowHosts: "other.example, 127.0.0.1" }));
    expect(result.kind).toBe("ok");
  });

  it("refuses non-http schemes and credentials", async () => {
    expect(await code(safeFetch("file:///etc/passwd", html()))).toBe("bad-url");
    expect(await code(safeFetch("ftp://example.com/x", html()))).toBe("bad-url");
    expect(await code(safeFetch("not a url", html()))).toBe("bad-url");
    expect(await code(safeFetch(`http://user:pw@${server.hostPort}/article`, html()))).toBe("bad-url");
  });

  it("refuses private, link-local and mapped literals without connecting", async () => {
    for (const url of ["http://10.0.0.1/", "http://192.168.0.1/", "http://169.254.169.254/", "http://[::1]/", "http://[::ffff:7f00:1]/", "http://0.0.0.0/", "http://2130706433/", "http://100.64.1.1/"]) {
      expect(await code(safeFetch(url, { accept: "html", timeoutMs: 2_000 }))).toBe("blocked-address");
    }
  });

  it("checks every resolved address and connects to the checked one", async () => {
    const seen: string[] = [];
    const resolve = async (host: string) => {
      seen.push(host);
      if (host === "mixed.test") return [{ address: "93.184.216.34", family: 4 as const }, { address: "10.0.0.7", family: 4 as const }];
      return [{ address: "127.0.0.1", family: 4 as const }];
    };
    expect(await code(safeFetch(`http://mixed.test:${server.port}/article`, { accept: "html", resolve }))).toBe("blocked-address");
    expect(await code(safeFetch(`http://rebind.test:${server.port}/article`, { accept: "html", resolve }))).toBe("blocked-address");
    // Allowed by name: the connection goes to the address resolved here (the system resolver knows no *.test).
    const result = await safeFetch(`http://rebind.test:${server.port}/echo-host`, { accept: "html", resolve, allowHosts: "rebind.test" });
    expect(result.kind === "ok" && result.body).toBe(`<p>rebind.test:${server.port}</p>`);
    expect(seen).toEqual(["mixed.test", "rebind.test", "rebind.test"]);
  });

  it("reports a host that does not resolve as a network error", async () => {
    const resolve = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    const error = await failure(safeFetch("http://nowhere.test/", { accept: "html", resolve }));
    expect(error.code).toBe("network");
    expect(error.message).toMatch(/ENOTFOUND/);
  });

  it("follows up to five redirects, checking each", async () => {
    const result = await safeFetch(`${server.base}/r5`, html());
    expect(result.kind).toBe("ok");
    expect(result.url).toBe(`${server.base}/article?utm_source=x`);
    expect(result.requestedUrl).toBe(`${server.base}/r5`);
    expect(result.redirects).toHaveLength(5);
  });

  it("drops the body of a redirect or an error page without reading it", async () => {
    const moved = await safeFetch(`${server.base}/redirect-endless-body`, html());
    expect(moved.kind === "ok" && moved.body).toBe(PAGE);
    expect((await failure(safeFetch(`${server.base}/error-endless-body`, html()))).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it("refuses a sixth redirect and a redirect loop", async () => {
    expect(await code(safeFetch(`${server.base}/r6`, html()))).toBe("too-many-redirects");
    expect(await code(safeFetch(`${server.base}/loop-a`, html()))).toBe("too-many-redirects");
  });

  it("refuses redirects to private, link-local, loopback-by-name, mapped and non-http targets", async () => {
    const before = server.hits.filter((h) => h === "/article").length;
    expect(await code(safeFetch(`${server.base}/to-private`, html()))).toBe("blocked-address");
    expect(await code(safeFetch(`${server.base}/to-metadata`, html()))).toBe("blocked-address");
    expect(await code(safeFetch(`${server.base}/to-localhost`, html()))).toBe("blocked-address");
    expect(await code(safeFetch(`${server.base}/to-mapped`, html()))).toBe("blocked-address");
    expect(await code(safeFetch(`${server.base}/to-file`, html()))).toBe("bad-url");
    expect(server.hits.filter((h) => h === "/article").length).toBe(before);
  });

  it("reports HTTP errors with their status", async () => {
    const notFound = await failure(safeFetch(`${server.base}/missing`, html()));
    expect(notFound.code).toBe("http-status");
    expect(notFound.status).toBe(404);
    expect(notFound.message).toMatch(/HTTP 404/);
    expect((await failure(safeFetch(`${server.base}/gone`, html()))).status).toBe(410);
    expect((await failure(safeFetch(`${server.base}/error`, html()))).status).toBe(500);
  });

  it("checks the content type", async () => {
    const pdf = await failure(safeFetch(`${server.base}/doc.pdf`, html()));
    expect(pdf.code).toBe("bad-content-type");
    expect(pdf.message).toMatch(/application\/pdf/);
    expect(await code(safeFetch(`${server.base}/untyped`, html()))).toBe("bad-content-type");
    expect(await code(safeFetch(`${server.base}/article`, html({ accept: "feed" })))).toBe("bad-content-type");
    const feed = await safeFetch(`${server.base}/feed`, html({ accept: "feed" }));
    expect(feed.kind === "ok" && feed.contentType).toBe("application/rss+xml");
  });

  it("stops reading a body past the size limit", async () => {
    const started = Date.now();
    const error = await failure(safeFetch(`${server.base}/huge`, html()));
    expect(error.code).toBe("too-large");
    expect(await code(safeFetch(`${server.base}/huge-declared`, html()))).toBe("too-large");
    expect(await code(safeFetch(`${server.base}/article`, html({ maxBytes: 10 })))).toBe("too-large");
    expect(await code(safeFetch(`${server.base}/gzip-bomb`, html()))).toBe("too-large");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("decompresses and decodes the charset", async () => {
    const gz = await safeFetch(`${server.base}/gzip`, html());
    expect(gz.kind === "ok" && gz.body).toBe(PAGE);
    const latin = await safeFetch(`${server.base}/latin1`, html());
    expect(latin.kind === "ok" && latin.body).toBe("<p>Café Zürich</p>");
    const declared = await safeFetch(`${server.base}/meta-charset`, html());
    expect(declared.kind === "ok" && declared.body).toContain("naïve");
  });

  it("times out a slow body and a server that never answers", async () => {
    const started = Date.now();
    const slow = await failure(safeFetch(`${server.base}/slow`, html({ timeoutMs: 400 })));
    expect(slow.code).toBe("timeout");
    expect(await code(safeFetch(`${server.base}/hang`, html({ timeoutMs: 300 })))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("times out a connection whose TLS handshake never finishes", async () => {
    const silent = createNetServer((socket) => socket.on("error", () => {}));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const error = await failure(safeFetch(`https://127.0.0.1:${port}/`, { accept: "html", allowHosts: `127.0.0.1:${port}`, connectTimeoutMs: 200 }));
      expect(error.code).toBe("timeout");
      expect(error.message).toMatch(/no connection/);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
    }
  });

  it("can be aborted", async () => {
    const controller = new AbortController();
    const pending = safeFetch(`${server.base}/hang`, html({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error.code).toBe("network");
    expect(error.message).toMatch(/aborted/);
  });

  it("makes conditional requests and reports 304 as not modified", async () => {
    const first = await safeFetch(`${server.base}/cached`, html());
    expect(first.kind).toBe("ok");
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe("Wed, 18 Mar 2026 10:00:00 GMT");
    const again = await safeFetch(`${server.base}/cached`, html({ etag: first.etag }));
    expect(again).toMatchObject({ kind: "not-modified", status: 304, etag: '"v1"' });
    const since = await safeFetch(`${server.base}/cached`, html({ lastModified: first.lastModified }));
    expect(since.kind).toBe("not-modified");
    const last = server.requests.at(-1)!;
    expect(last.headers["if-modified-since"]).toBe("Wed, 18 Mar 2026 10:00:00 GMT");
  });
});
