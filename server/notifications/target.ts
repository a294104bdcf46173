import "server-only";
import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { ApiError } from "@/lib/errors";
import type { Resolve } from "./config";

// Webhook targets must not reach Tessera's own network (SSRF) unless the operator allows
// it: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade
// NAT, multicast, and the IPv6 forms that embed an IPv4 address (v4-mapped, NAT64, 6to4,
// Teredo) are refused. Only ipaddr.js's "unicast" range (public addresses) passes. A URL
// is checked when it is saved, and again at every delivery against the addresses its
// name resolves to then, which are the addresses the request connects to: DNS that
// answered a public address at save time and a private one later gains nothing.

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

export class TargetRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TargetRefusedError";
  }
}

/** Why the URL's host is refused (a private address, or a name that does not resolve), or null. */
export async function refusalOf(rawUrl: string, resolve: Resolve): Promise<string | null> {
  const host = hostOf(new URL(rawUrl));
  if (isIP(host)) return isPublicAddress(host) ? null : `${host} is a loopback, private or reserved address`;
  let addresses: { address: string }[];
  try {
    addresses = await resolve(host);
  } catch {
    return `${host} does not resolve`;
  }
  if (addresses.length === 0) return `${host} does not resolve`;
  const inside = addresses.find((a) => !isPublicAddress(a.address));
  return inside ? `${host} resolves to ${inside.address}, a loopback, private or reserved address` : null;
}

/** At save time: a 400 on `url` when the target is refused. */
export async function assertWebhookTarget(rawUrl: string, options: { allowPrivate: boolean; resolve: Resolve }): Promise<void> {
  if (options.allowPrivate) return;
  const refusal = await refusalOf(rawUrl, options.resolve);
  if (!refusal) return;
  const message = `is refused: ${refusal} (set TESSERA_WEBHOOK_ALLOW_PRIVATE=1 to allow private targets)`;
  throw new ApiError("validation_failed", `url ${message}`, { errors: [{ path: "url", message }] });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves with `resolve` and refuses the connection when
 * any address is not public, so the address checked is the address connected to.
 * (A literal IP in the URL never reaches a lookup: the caller checks it first.)
 */
export function guardedLookup(resolve: Resolve, allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const inside = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
        if (inside) return callback(new TargetRefusedError(`${hostname} resolves to ${inside.address}, a private address`), []);
        const usable = addresses.filter((a) => !options.family || a.family === options.family);
        if (usable.length === 0) return callback(Object.assign(new Error(`${hostname} does not resolve`), { code: "ENOTFOUND" }), []);
        if (options.all) return callback(null, usable);
        callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}

/** At delivery: throws TargetRefusedError for a literal address that is not public. */
export function assertLiteralTarget(url: URL, allowPrivate: boolean): void {
  const host = hostOf(url);
  if (!allowPrivate && isIP(host) && !isPublicAddress(host)) {
    throw new TargetRefusedError(`${host} is a loopback, private or reserved address`);
  }
}
