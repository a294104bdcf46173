import "server-only";
import { ApiError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type Verdict = "same-origin" | "cross-origin" | "unknown";

/** What the browser says about where a request comes from; "unknown" when it says nothing (curl, scripts). */
function originOf(req: Request): Verdict {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" ? "same-origin" : "cross-origin";
  const origin = req.headers.get("origin");
  if (!origin) return "unknown";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return host && origin !== "null" && new URL(origin).host === host ? "same-origin" : "cross-origin";
  } catch {
    return "cross-origin"; // A malformed Origin is as good as a foreign one.
  }
}

/**
 * Writes that a browser sends from another site are refused, signed in or not: a page
 * elsewhere must not create the first super admin of a fresh Tessera on localhost, say.
 * Browsers send Sec-Fetch-Site (and Origin) on such requests and pages cannot forge them.
 * A cookie-authenticated write must go further and prove it is same-origin: a cookie is
 * an ambient credential, so a request that says nothing about its origin is refused too.
 * Routes that read no credential at all (`authenticate: false`) are not checked: no cookie is
 * honoured there, so a cross-site post can do nothing a direct one could not. The public revoke
 * endpoint (POST /api/v1/tokens/revoke) is one on purpose: scanners post to it from anywhere.
 */
export function assertSameOrigin(req: Request, { cookie }: { cookie: boolean }): void {
  if (SAFE_METHODS.has(req.method)) return;
  const verdict = originOf(req);
  if (verdict === "same-origin" || (verdict === "unknown" && !cookie)) return;
  throw new ApiError(
    "forbidden",
    cookie
      ? "Cross-origin requests with a session cookie are not allowed; use an API token."
      : "Cross-origin requests from a browser are not allowed here.",
  );
}
