import { type NextRequest, NextResponse } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/sign-in-path";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY, servedOverHttps } from "@/server/http/security-headers";

// Runs before dashboard pages only (see `config.matcher`): the API and static files never
// pay for it. Each page gets its own CSP nonce; Next reads it from the request's policy and
// puts it on the scripts it writes.

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const https = servedOverHttps();
  const policy = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // What a page without a session puts on the sign-in URL (app/(dashboard)/require-user.ts);
  // set here, so a client cannot choose it. The router's own `_rsc` marker is not part of it.
  const asked = request.nextUrl.clone();
  asked.searchParams.delete("_rsc");
  headers.set(REQUESTED_PATH_HEADER, `${asked.pathname}${asked.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|orchestrator/|_next/static|_next/image|icon.svg).*)",
      // Prefetches are not rendered documents; they take the policy of the page that asked.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
