// The one error vocabulary of the API (docs/design.md, "Errors"). Safe in the browser: the UI
// reads the same codes the routes write.

export const ERROR_CODES = {
  invalid_json: { status: 400, title: "Invalid JSON" },
  validation_failed: { status: 400, title: "Validation failed" },
  unauthorized: { status: 401, title: "Unauthorized" },
  token_expired: { status: 401, title: "Token expired" },
  token_disabled: { status: 401, title: "Token disabled" },
  forbidden: { status: 403, title: "Forbidden" },
  ip_not_allowed: { status: 403, title: "IP address not allowed" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Payload too large" },
  /** Only the front door (scripts/request-guard.mjs) answers this: Node refuses such headers before any route runs. */
  headers_too_large: { status: 431, title: "Request headers too large" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  unavailable: { status: 503, title: "Service unavailable" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** next-auth's error code when the password was right but the account is disabled (login page and server agree on it). */
export const ACCOUNT_DISABLED = "AccountDisabled";
/** next-auth's error code when a sign-in attempt lost the race to the limit (the route's 429 answers the rest). */
export const SIGN_IN_RATE_LIMITED = "SignInRateLimited";
/** next-auth's error code when the password could not be checked: the limits' database or the password checks are unavailable. */
export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";
/** next-auth's error code when the password was right but password sign-in is for super admins only (TESSERA_PASSWORD_LOGIN=false). */
export const PASSWORD_SIGN_IN_OFF = "PasswordSignInOff";

export type FieldError = { path: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
};

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: FieldError[];
  /** Seconds, for rate_limited answers. */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, detail: string, options: { errors?: FieldError[]; retryAfter?: number } = {}) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.retryAfter = options.retryAfter;
  }

  toProblem(): Problem {
    return {
      type: "about:blank",
      title: ERROR_CODES[this.code].title,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** A single-field validation error, for rules checked outside a zod schema. */
export function fieldError(path: string, message: string): ApiError {
  return new ApiError("validation_failed", message, { errors: [{ path, message }] });
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "code" in value && "status" in value && "detail" in value;
}

/** The same error with its field paths renamed — for adapters whose field names differ (Devtron's appName, expireAtInMs). */
export function renameErrorPaths(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof ApiError) || !error.errors) return error;
  const errors = error.errors.map((e) => ({ ...e, path: names[e.path] ?? e.path }));
  return new ApiError(error.code, error.message, { errors, retryAfter: error.retryAfter });
}

/** "A token", "An app", "A user": for messages that name a kind of thing. */
export function withArticle(noun: string): string {
  // "us…" and "uni…" sound like "you": a user, a unique name.
  return `${/^(?!us|uni)[aeiou]/i.test(noun) ? "An" : "A"} ${noun}`;
}
