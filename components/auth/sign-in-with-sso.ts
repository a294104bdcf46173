import { SIGN_IN_MESSAGES, safeCallbackPath, signInErrorMessage } from "./sign-in-with-password";

// Starts an SSO sign-in the way next-auth/react's signIn() does, without first fetching
// the provider list: POST next-auth's sign-in endpoint for the provider with the CSRF
// token, and follow the provider's authorization URL it answers with. An answer that
// stays on this site is next-auth's error page, whose code the login page can explain.

export async function startSsoSignIn(
  providerId: string,
  callbackUrl: string | undefined,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const origin = window.location.origin;
  try {
    const csrf = await fetch("/api/auth/csrf", { cache: "no-store" }).then((r) => r.json() as Promise<{ csrfToken?: string }>);
    const response = await fetch(`/api/auth/signin/${encodeURIComponent(providerId)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        csrfToken: csrf.csrfToken ?? "",
        callbackUrl: new URL(safeCallbackPath(callbackUrl, origin), origin).href,
        json: "true",
      }),
    });
    const body = (await response.json().catch(() => null)) as { url?: unknown } | null;
    const url = typeof body?.url === "string" ? new URL(body.url, origin) : null;
    if (!response.ok || !url) return { ok: false, message: SIGN_IN_MESSAGES.error };
    if (url.origin === origin)
      return { ok: false, message: signInErrorMessage(url.searchParams.get("error") ?? "Callback") ?? SIGN_IN_MESSAGES.error };
    window.location.assign(url.href);
    return { ok: true };
  } catch {
    return { ok: false, message: "Tessera could not be reached. Check your connection and try again." };
  }
}
