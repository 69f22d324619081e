import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.js";
import { freshPostgresUrl } from "../support/postgres.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

const page = (title: string, published: string, body: string): string => `<!doctype html>
<html><head>
<title>${title} | Example Wire</title>
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="${published}T09:00:00Z">
<meta name="author" content="Ada Reporter">
<link rel="canonical" href="https://wire.example.test/${encodeURIComponent(title.toLowerCase().replace(/\s+/g, "-"))}">
</head><body>
<nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/subscribe">Subscribe now</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<article>
<h1>${title}</h1>
<div class="share">Share on Facebook Share on X Copy link</div>
${body}
<figure><img src="/a.jpg"><figcaption>Photo caption: a data center at dusk</figcaption></figure>
</article>
<aside class="newsletter">Sign up for our daily newsletter</aside>
<section class="related"><h2>Related stories</h2><a href="/x">Ten gadgets you need this winter</a></section>
<section class="comments"><h2>Comments</h2><p>First! This is a great read.</p></section>
<footer>© 2026 Example Wire. All rights reserved.</footer>
</body></html>`;

const SUIT = page(
  "Microsoft sues Amazon and OpenAI over Frontier",
  "2026-12-01",
  `<p>Microsoft filed a lawsuit against Amazon and OpenAI on Monday in a federal court in Seattle, saying the Frontier arrangement on AWS breaches its exclusive cloud contract with OpenAI.</p>
<p>The complaint asks the court to stop the Stateful Runtime Environment on Amazon Bedrock from serving OpenAI models outside Azure while the case is heard.</p>
<p>Amazon and OpenAI said they would fight the suit and that their partnership is lawful.</p>`,
);
const TALKS = page(
  "Microsoft and OpenAI resume talks over the Amazon deal",
  "2026-12-02",
  `<p>Microsoft and OpenAI resumed talks on Tuesday about the Amazon partnership, people familiar with the discussions said, a day after Microsoft sued Amazon and OpenAI.</p>
<p>The Azure exclusivity clause and the stateless API calls remain at the centre of the negotiations between the three companies.</p>`,
);
const RECIPE = page(
  "The best sourdough starter recipe",
  "2026-12-02",
  `<p>Mix equal parts flour and water in a jar and leave it somewhere warm for a day.</p><p>Feed the starter every morning for a week until it doubles in size after each feeding.</p>`,
);

let server: Server;
let base = "";
const serve = (port: number): string => `http://127.0.0.1:${port}`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, type: string, body: string): void => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    switch (req.url?.split("?")[0]) {
      case "/suit.html":
        return send(200, "text/html; charset=utf-8", SUIT);
      case "/talks.html":
        return send(200, "text/html; charset=utf-8", TALKS);
      case "/recipe.html":
        return send(200, "text/html; charset=utf-8", RECIPE);
      case "/doc.pdf":
        return send(200, "application/pdf", "%PDF-1.4 not an article");
      case "/feed.xml":
        return send(
          200,
          "application/rss+xml",
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire: Tech</title><link>${base}/</link><description>Tech news</description>
<item><title>Talks resume</title><link>${base}/talks.html</link><pubDate>Wed, 02 Dec 2026 09:00:00 GMT</pubDate></item>
<item><title>Sourdough</title><link>${base}/recipe.html</link><pubDate>Wed, 02 Dec 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`,
        );
      default:
        return send(404, "text/plain", "not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = serve((server.address() as AddressInfo).port);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: root, env: { ...process.env, INDEX_CACHE_DIR: "off", ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("cli sources", () => {
  const database = join(mkdtempSync(join(tmpdir(), "dispute-sources-")), "bot.db");
  const env = (): Record<string, string> => ({ DATABASE_PATH: database, FETCH_ALLOW_HOSTS: base.replace("http://", "") });

  it.each(ENGINES)("names an article added by URL in the next changes digest (%s)", async (engine) => {
    const digestDb = join(mkdtempSync(join(tmpdir(), "dispute-sources-digest-")), "bot.db");
    const database: Record<string, string> = engine === "postgres" ? { DATABASE_URL: await freshPostgresUrl() } : {};
    const e = { DATABASE_PATH: digestDb, ...database, FETCH_ALLOW_HOSTS: base.replace("http://", "") };
    expect((await cli(["digest", "subscribe", "--channel", "ops", "--time", "08:00", "--tz", "UTC"], e)).code).toBe(0);
    expect(JSON.parse((await cli(["digest", "tick", "--at", "2030-03-09T08:00:00Z", "--json"], e)).stdout)).toEqual({ sent: [] });
    expect((await cli(["sources", "add", `${base}/suit.html`, "--json"], e)).code).toBe(0);
    const ticked = JSON.parse((await cli(["digest", "tick", "--at", "2030-03-10T08:00:00Z", "--json"], e)).stdout) as { sent: { text: string }[] };
    expect(ticked.sent).toHaveLength(1);
    expect(ticked.sent[0]!.text).toContain("New: Microsoft sues Amazon and OpenAI over Frontier (Example Wire, 2026-12-01)");
    const asked = JSON.parse((await cli(["ask", "did microsoft file a lawsuit in seattle", "--json"], e)).stdout) as { items: { citation: { outlet: string } }[] };
    expect(asked.items[0]!.citation.outlet).toBe("Example Wire");
    // with DATABASE_URL the SQLite file is never created
    expect(existsSync(digestDb)).toBe(engine === "sqlite");
  }, 120_000);

  it("adds an article by URL, cited with its outlet and date in the next question, and lists it", async () => {
    const added = await cli(["sources", "add", `${base}/suit.html?utm_source=newsletter&fbclid=abc`, "--json"], env());
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    const { added: article } = JSON.parse(added.stdout) as { added: Record<string, unknown> };
    expect(article).toMatchObject({ title: "Microsoft sues Amazon and OpenAI over Frontier", outlet: "Example Wire", author: "Ada Reporter", published: "2026-12-01" });
    expect(article.paragraphs).toBeGreaterThanOrEqual(3);

    const again = await cli(["sources", "add", `${base}/suit.html`, "--json"], env());
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ duplicate: { document: article.document, url: article.url } });

    const asked = await cli(["ask", "did microsoft file a lawsuit in seattle", "--json"], env());
    const answer = JSON.parse(asked.stdout) as { items: { text: string; citation: { outlet: string; published: string } }[] };
    expect(answer.items[0]!.text).toContain("filed a lawsuit against Amazon and OpenAI on Monday");
    expect(answer.items[0]!.citation).toMatchObject({ outlet: "Example Wire", published: "2026-12-01" });
    for (const item of answer.items) expect(item.text).not.toMatch(/cookie|Share on|newsletter|Related stories|First!|All rights reserved|caption/i);

    const listed = JSON.parse((await cli(["sources", "--json"], env())).stdout) as { items: { document: string; addedVia: string }[] };
    expect(listed.items.find((i) => i.document === article.document)?.addedVia).toBe("url");
  }, 120_000);

  it("refuses what is not an article, and private addresses unless allowed; nothing is stored", async () => {
    for (const url of [`${base}/missing.html`, `${base}/doc.pdf`, "ftp://example.test/a", "not a url"]) {
      const r = await cli(["sources", "add", url, "--json"], env());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    const blocked = await cli(["sources", "add", `${base}/talks.html`, "--json"], { DATABASE_PATH: database });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^error: .*(loopback|private|refused|blocked)/i);
    const listed = JSON.parse((await cli(["sources", "--json"], env())).stdout) as { items: { url: string | null }[] };
    expect(listed.items.some((i) => i.url?.includes("talks"))).toBe(false);
  }, 120_000);

  it("follows a feed and adds only its entries about the story, then removes an added article", async () => {
    const followed = await cli(["sources", "follow", `${base}/feed.xml`, "--json"], env());
    expect(followed.code).toBe(0);
    expect(JSON.parse(followed.stdout)).toMatchObject({ following: { title: "Example Wire: Tech" } });

    const polled = await cli(["sources", "poll", "--json"], env());
    expect(polled.code).toBe(0);
    const result = JSON.parse(polled.stdout) as { added: { title: string; document: string }[]; skipped: { url: string; reason: string }[] };
    expect(result.added.map((a) => a.title)).toEqual(["Microsoft and OpenAI resume talks over the Amazon deal"]);
    expect(result.skipped).toEqual([{ url: expect.stringContaining("recipe"), reason: expect.stringMatching(/not about the story/) }]);
    expect(JSON.parse((await cli(["sources", "poll", "--json"], env())).stdout)).toEqual({ added: [], skipped: [] });

    const removed = await cli(["sources", "remove", result.added[0]!.document], env());
    expect(removed.code).toBe(0);
    const listed = JSON.parse((await cli(["sources", "--json"], env())).stdout) as { items: { document: string }[] };
    expect(listed.items.some((i) => i.document === result.added[0]!.document)).toBe(false);
    const unknown = await cli(["sources", "remove", "web_nothing"], env());
    expect(unknown.code).toBe(2);
  }, 120_000);
});
