import { isProblem, type Problem } from "@/lib/errors";

// The dashboard's client side calls the same /api routes as scripts do, with the session
// cookie. Every failure comes back as a Problem, so forms have one thing to render.

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: Problem };

const FALLBACK_DETAIL: Record<number, string> = {
  401: "Your session has ended. Sign in again.",
  403: "You are not allowed to do that.",
  404: "That no longer exists. Reload the page.",
  429: "Too many requests. Wait a moment and try again.",
  503: "Tessera cannot reach its database right now. Try again in a moment.",
};

function fallbackProblem(status: number): Problem {
  return {
    type: "about:blank",
    title: status === 0 ? "Network error" : "Request failed",
    status,
    detail:
      status === 0
        ? "Tessera could not be reached. Check your connection and try again."
        : (FALLBACK_DETAIL[status] ?? "Something went wrong. Try again."),
    code: status === 0 || status >= 500 ? "unavailable" : "internal",
  };
}

export async function apiRequest<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers:
        init.body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, problem: fallbackProblem(0) };
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  return { ok: false, status: response.status, problem: isProblem(body) ? body : fallbackProblem(response.status) };
}
