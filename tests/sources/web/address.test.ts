import { describe, expect, it } from "vitest";
import { blockedAddressReason, isAllowedHost, parseAllowList } from "../../../src/sources/web/address.js";

describe("blockedAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["fc00::1", "private (unique local)"],
    ["fd12:3456::1", "private (unique local)"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:169.254.169.254", "IPv4-mapped link-local"],
    ["64:ff9b::192.168.0.1", "IPv4-mapped private"],
    ["2002:7f00:1::", "6to4 loopback"],
  ])("refuses %s (%s)", (address, reason) => {
    expect(blockedAddressReason(address)).toBe(reason);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::6810:84e5", "::ffff:8.8.8.8"])(
    "lets public %s through",
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );

  it("refuses what is not an IP address", () => {
    expect(blockedAddressReason("example.com")).toBe("not an IP address");
  });
});

describe("allow-list", () => {
  const allow = parseAllowList(" News.Example ,127.0.0.1:8080,[::1]:9000, ");
  it("parses host and host:port entries", () => {
    expect(allow).toEqual([
      { host: "news.example", port: null },
      { host: "127.0.0.1", port: 8080 },
      { host: "::1", port: 9000 },
    ]);
  });
  it("matches the host on any port, or host:port exactly", () => {
    expect(isAllowedHost(allow, "news.example", 443)).toBe(true);
    expect(isAllowedHost(allow, "NEWS.example", 80)).toBe(true);
    expect(isAllowedHost(allow, "127.0.0.1", 8080)).toBe(true);
    expect(isAllowedHost(allow, "127.0.0.1", 8081)).toBe(false);
    expect(isAllowedHost(allow, "[::1]", 9000)).toBe(true);
    expect(isAllowedHost(allow, "other.example", 443)).toBe(false);
  });
});
