import { describe, expect, it } from "vitest";
import { createInFlight } from "../../../src/adapters/shared/in-flight.js";
import { cut, escapeText, unescapeText } from "../../../src/adapters/slack/mrkdwn.js";
import { fromSlackText } from "../../../src/adapters/slack/slack-text.js";

describe("fromSlackText", () => {
  it("turns Slack's markup into the plain text the user typed", () => {
    expect(fromSlackText("<@U123|ana> and <@U9> in <#C1|general>: <!channel> <!here> <!subteam^S1|@eng>")).toBe("@ana and @U9 in #general: @channel @here @eng");
    expect(fromSlackText("see <https://example.com/a?b=1&amp;c=2|the article> or <https://x.test>")).toBe("see the article or https://x.test");
    expect(fromSlackText("AT&amp;T &lt;b&gt; &amp;lt;")).toBe("AT&T <b> &lt;");
  });
});

describe("escaping and cutting", () => {
  it("escapes only &, < and > and round-trips", () => {
    const raw = `<!channel> & "quotes" 'x' > y`;
    expect(escapeText(raw)).toBe(`&lt;!channel&gt; &amp; "quotes" 'x' &gt; y`);
    expect(unescapeText(escapeText(raw))).toBe(raw);
  });

  it("drops control characters and mends broken surrogate pairs", () => {
    expect(escapeText("a\u0000b\u0007c\r\nd\uD800e")).toBe("abc\nd\uFFFDe");
  });

  it("cuts to the character and JSON limits without splitting entities or emoji", () => {
    expect(cut("short", { maxChars: 10 })).toBe("short");
    expect(cut("abcdefghij", { maxChars: 5 })).toBe("abcd…");
    expect(cut("ab&amp;cd", { maxChars: 5 })).toBe("ab…");
    expect(cut("ab👍🏽cd", { maxChars: 4 })).toBe("ab…");
    expect(cut('""""""', { maxChars: 100, maxJson: 5 })).toBe('""…');
  });
});

describe("createInFlight", () => {
  it("waits for running work when drained and stops accepting", async () => {
    const inFlight = createInFlight();
    let done = false;
    void inFlight.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      done = true;
    });
    expect(await inFlight.drain()).toBe(0);
    expect(done).toBe(true);
    expect(inFlight.accepting).toBe(false);
  });

  it("gives up waiting after the grace period", async () => {
    const inFlight = createInFlight();
    void inFlight.run(() => new Promise(() => {}));
    expect(await inFlight.drain(30)).toBe(1);
  });
});
