import ipaddr from "ipaddr.js";

// A token's IP allowlist: addresses and CIDR ranges, IPv4 and IPv6, parsed by ipaddr.js.
// Browser-safe, so the dashboard's editor refuses exactly what the API refuses. Entries are
// stored in one canonical form: an IPv4-mapped IPv6 address or range (::ffff:10.0.0.0/104)
// becomes its IPv4 form (10.0.0.0/8), a full-length prefix is dropped (10.0.0.1/32 →
// 10.0.0.1), IPv6 is written compressed and lower-case (RFC 5952), so duplicates are seen
// whatever way they were typed.

export const ALLOWED_IPS_MAX = 50;
/** Longer than any address with a prefix (an IPv6 address with an embedded IPv4 one and /128 is 50). */
export const ALLOWED_IP_MAX_LENGTH = 64;

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type IpRange = { address: Address; prefix: number };

export type ParsedEntry = { ok: true; canonical: string; range: IpRange } | { ok: false; message: string };

const BITS = { ipv4: 32, ipv6: 128 } as const;
const MAPPED_PREFIX = 96;

/** Four-part decimal IPv4 only: ipaddr.js also takes inet_aton forms (1.2.3, 0x7f.1), which in a list are typos. */
function parseAddress(text: string): Address | null {
  if (text.includes(":")) return !text.includes("%") && ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text) : null;
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

/** The address with every bit after `prefix` cleared. */
function networkOf(address: Address, prefix: number): Address {
  const bytes = address.toByteArray().map((byte, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  return ipaddr.fromByteArray(bytes);
}

function text(range: IpRange): string {
  const address = range.address.kind() === "ipv6" ? (range.address as ipaddr.IPv6).toRFC5952String() : range.address.toString();
  return range.prefix === BITS[range.address.kind()] ? address : `${address}/${range.prefix}`;
}

/** One allowlist entry: an address or a range in CIDR notation, with no bits set past its prefix. */
export function parseAllowedIp(entry: string): ParsedEntry {
  const value = entry.trim();
  if (value === "") return { ok: false, message: "must not be empty" };
  if (value.length > ALLOWED_IP_MAX_LENGTH) return { ok: false, message: "is too long to be an IP address or CIDR range" };
  const [addressText = "", prefixText, ...rest] = value.split("/");
  let address = parseAddress(addressText);
  if (!address || rest.length > 0) {
    return {
      ok: false,
      message: `"${value}" is not an IPv4 or IPv6 address or CIDR range (such as 203.0.113.7, 10.0.0.0/8 or 2001:db8::/32)`,
    };
  }
  const bits = BITS[address.kind()];
  let prefix: number = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
      return {
        ok: false,
        message: `"${value}" has an invalid prefix length: use /0 to /${bits} for an ${address.kind() === "ipv4" ? "IPv4" : "IPv6"} range`,
      };
    }
    prefix = Number(prefixText);
  }
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= MAPPED_PREFIX) {
    address = (address as ipaddr.IPv6).toIPv4Address();
    prefix -= MAPPED_PREFIX;
  }
  const network = networkOf(address, prefix);
  if (network.toString() !== address.toString()) {
    const meant = text({ address: network, prefix });
    return { ok: false, message: `"${value}" has bits set past its /${prefix} prefix: the range is written ${meant}` };
  }
  const range = { address, prefix };
  return { ok: true, canonical: text(range), range };
}

/** Parses stored (canonical) entries; an entry that does not parse is left out, so it can only narrow the list. */
export function parseAllowlist(entries: readonly string[]): IpRange[] {
  const ranges: IpRange[] = [];
  for (const entry of entries) {
    const parsed = parseAllowedIp(entry);
    if (parsed.ok) ranges.push(parsed.range);
  }
  return ranges;
}

/**
 * Whether a client address falls in any of the ranges. An IPv4 client (or an IPv4-mapped IPv6
 * one, as a dual-stack socket reports IPv4 peers) matches IPv4 ranges, and IPv6 ranges that
 * hold its mapped form (::/0 holds every address). A client address that does not parse
 * matches nothing.
 */
export function ipAllowed(ranges: readonly IpRange[], clientIp: string): boolean {
  const bare = clientIp.split("%")[0] ?? "";
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return false;
  const client = ipaddr.process(bare);
  const mapped = client.kind() === "ipv4" ? (client as ipaddr.IPv4).toIPv4MappedAddress() : null;
  return ranges.some((range) => {
    if (range.address.kind() === client.kind()) return client.match(range.address, range.prefix);
    return mapped !== null && range.address.kind() === "ipv6" && mapped.match(range.address, range.prefix);
  });
}
