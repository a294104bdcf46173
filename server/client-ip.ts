import "server-only";
import { trustedProxies } from "./config";

/**
 * The client address. The front door (scripts/serve.mjs) appends the peer address it saw as the rightmost
 * X-Forwarded-For entry; entries to its left were written by whoever sent the
 * request and are believed only as far as TESSERA_TRUSTED_PROXIES hops allow.
 */
export function clientIp(headers: Headers, hops = trustedProxies()): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return headers.get("x-real-ip")?.trim() || "unknown";
  const index = Math.max(0, chain.length - 1 - hops);
  return chain[index] ?? "unknown";
}
