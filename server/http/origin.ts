import "server-only";
import { ApiError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from our own pages. Browsers send
 * Sec-Fetch-Site (and Origin) on every cross-site request and pages cannot forge
 * them; a request with neither is refused rather than trusted.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin") return;
    throw crossOrigin();
  }
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    try {
      if (host && new URL(origin).host === host) return;
    } catch {
      // A malformed Origin is as good as a foreign one.
    }
  }
  throw crossOrigin();
}

function crossOrigin(): ApiError {
  return new ApiError("forbidden", "Cross-origin requests with a session cookie are not allowed; use an API token.");
}
