import { ACCOUNT_DISABLED, isProblem, PASSWORD_SIGN_IN_OFF, SIGN_IN_RATE_LIMITED, SIGN_IN_UNAVAILABLE } from "@/lib/errors";

// Signs in through next-auth's credentials callback directly instead of next-auth/react's
// signIn(): that one parses `data.url` of every answer and throws on the 429 problem+json
// the callback returns while a client is rate-limited, so the page could not say why.

export const SIGN_IN_MESSAGES = {
  invalid: "Incorrect email or password.",
  disabled: "This account is disabled. Ask a super admin to enable it.",
  passwordOff: "Password sign-in is for super admins only. Use single sign-on instead.",
  provider: "Signing in with your provider did not work. Try again.",
  rateLimited: "Too many failed sign-in attempts. Try again in 15 minutes.",
  error: "Signing in failed. Try again in a moment.",
} as const;

export type SignInResult = { ok: true } | { ok: false; reason: keyof typeof SIGN_IN_MESSAGES; message: string };

function failure(reason: keyof typeof SIGN_IN_MESSAGES, message: string = SIGN_IN_MESSAGES[reason]): SignInResult {
  return { ok: false, reason, message };
}

/** The message for an `?error=` code next-auth put on the login URL. Any credentials failure reads the same (no account enumeration). */
export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code === ACCOUNT_DISABLED) return SIGN_IN_MESSAGES.disabled;
  if (code === PASSWORD_SIGN_IN_OFF) return SIGN_IN_MESSAGES.passwordOff;
  // next-auth's codes for a provider round trip that failed (refused consent, a stale state cookie, an unreachable provider).
  if (["OAuthSignin", "OAuthCallback", "Callback", "AccessDenied", "OAuthAccountNotLinked"].includes(code))
    return SIGN_IN_MESSAGES.provider;
  if (code === SIGN_IN_RATE_LIMITED) return SIGN_IN_MESSAGES.rateLimited;
  if (code === SIGN_IN_UNAVAILABLE) return SIGN_IN_MESSAGES.error;
  if (code === "CredentialsSignin") return SIGN_IN_MESSAGES.invalid;
  return SIGN_IN_MESSAGES.error;
}

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  try {
    const csrf = await fetch("/api/auth/csrf", { cache: "no-store" }).then((r) => r.json() as Promise<{ csrfToken?: string }>);
    const response = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        email,
        password,
        csrfToken: csrf.csrfToken ?? "",
        callbackUrl: window.location.origin,
        json: "true",
      }),
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 429) {
      return failure("rateLimited", isProblem(body) && body.detail ? body.detail : SIGN_IN_MESSAGES.rateLimited);
    }
    const url =
      typeof body === "object" && body !== null && "url" in body && typeof body.url === "string"
        ? new URL(body.url, window.location.origin)
        : null;
    const error = url?.searchParams.get("error") ?? undefined;
    if (error === ACCOUNT_DISABLED) return failure("disabled");
    if (error === PASSWORD_SIGN_IN_OFF) return failure("passwordOff");
    if (error === SIGN_IN_RATE_LIMITED) return failure("rateLimited");
    if (error === SIGN_IN_UNAVAILABLE) return failure("error");
    if (error || response.status === 401) return failure("invalid");
    // A stale CSRF cookie sends next-auth back to its own sign-in page without an error code.
    if (!response.ok || !url || url.searchParams.has("csrf")) return failure("error");
    return { ok: true };
  } catch {
    return failure("error", "Tessera could not be reached. Check your connection and try again.");
  }
}

/** Only same-origin paths are followed after sign-in, never another site (an open redirect). */
export function safeCallbackPath(value: string | undefined | null, origin: string): string {
  if (!value) return "/";
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    return /^\/(login|setup)(\/|\?|#|$)/.test(path) ? "/" : path;
  } catch {
    return "/";
  }
}
