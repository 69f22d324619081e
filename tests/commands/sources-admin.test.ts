import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../../commands/dispatch.js";
import { createRateLimiter } from "../../commands/rate-limit.js";
import type { Invocation } from "../../commands/types.js";
import { tempSqliteStore } from "../support/stores.js";
import { createSourcesService } from "../../src/sources/living.js";
import { seedKnowledge } from "../support/knowledge.js";

const ARTICLE = `<!doctype html><html><head><title>Microsoft sues Amazon and OpenAI</title>
<meta property="og:site_name" content="Example Wire"><meta property="article:published_time" content="2026-12-01T09:00:00Z"></head>
<body><nav>Home Tech Subscribe</nav><article><h1>Microsoft sues Amazon and OpenAI</h1>
<p>Microsoft filed a lawsuit against Amazon and OpenAI on Monday, saying the Frontier deal on AWS breaches its exclusive Azure contract with OpenAI.</p>
<p>Amazon and OpenAI said the Stateful Runtime Environment on Bedrock does not break any agreement and that they would fight the suit.</p>
</article><footer>© Example Wire</footer></body></html>`;

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(ARTICLE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const slack = (user: string): Invocation => ({ platform: "slack", user: { id: user, name: user }, channel: { id: "C1" }, canManageChannel: true, now: new Date() });

describe("sources in chat", () => {
  it("lets admins add and remove articles, refuses everyone else, and lists for all", async () => {
    const { store: opened } = await tempSqliteStore("dispute-chat-sources-");
    const store = opened.articles;
    let changes = 0;
    const knowledge = seedKnowledge();
    const sources = createSourcesService(
      () => ({ store, documents: () => knowledge.corpus.documents, topic: knowledge.corpus.topic, allowHosts: base }),
      async () => void changes++,
    );
    const dispatcher = createDispatcher({ knowledge: () => knowledge, sources, adminUserIds: new Set(["U-ADMIN"]), rateLimiter: createRateLimiter(1000) });

    const refused = await dispatcher.runText(`sources add http://${base}/suit`, slack("U-SOMEONE"));
    expect(refused.title).toBe("Admins only");
    expect(await store.list()).toEqual([]);

    const added = await dispatcher.runText(`/dispute sources add http://${base}/suit`, slack("U-ADMIN"));
    expect(added.title).toBe("Source added");
    expect(added.text).toContain("Microsoft sues Amazon and OpenAI");
    expect(added.text).toContain("Example Wire, 2026-12-01");
    expect(await store.list()).toHaveLength(1);
    expect(changes).toBe(1);

    expect((await dispatcher.runText(`sources add http://${base}/suit`, slack("U-ADMIN"))).title).toBe("Already known");
    expect((await dispatcher.runText("sources add ftp://example.test/x", slack("U-ADMIN"))).title).toBe("Not a web address");
    expect((await dispatcher.runText("sources", slack("U-SOMEONE"))).kind).toBe("info");

    const discordAdmin: Invocation = { platform: "discord", user: { id: "D1", name: "d" }, channel: { id: "c" }, workspace: "g", canManageChannel: true, canManageServer: true, now: new Date() };
    const removed = await dispatcher.run({ name: "sources", options: { action: "remove", target: (await store.list())[0]!.url } }, discordAdmin);
    expect(removed.title).toBe("Source removed");
    expect(await store.list()).toEqual([]);
    expect(changes).toBe(2);
    expect((await dispatcher.runText("sources remove web_nothing", slack("U-ADMIN"))).title).toBe("Not found");
    await opened.close();
  }, 60_000);

  it("says plainly when a page cannot be added", async () => {
    const { store: opened } = await tempSqliteStore("dispute-chat-sources-");
    const store = opened.articles;
    const knowledge = seedKnowledge();
    // no allow-list: the loopback address is refused by the fetch rules
    const sources = createSourcesService(() => ({ store, documents: () => knowledge.corpus.documents, topic: knowledge.corpus.topic }), async () => undefined);
    const dispatcher = createDispatcher({ knowledge: () => knowledge, sources, adminUserIds: new Set(["U-ADMIN"]) });
    const reply = await dispatcher.runText(`sources add http://${base}/suit`, slack("U-ADMIN"));
    expect(reply.title).toBe("Could not add it");
    expect(reply.text).toMatch(/^Nothing was added: /);
    expect(await store.list()).toEqual([]);
    await opened.close();
  });
});
