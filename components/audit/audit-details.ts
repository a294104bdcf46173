import { permissionsSchema, summarizePermissions } from "@/lib/permissions/schema";

// One line per audit event for tables. Details are free-form JSON written by many
// services over time, so every field is read defensively; unknown shapes fall back
// to "key: value" pairs.

type Details = Record<string, unknown>;

const MAX = 180;

const SESSION_END_TEXT: Record<string, string> = {
  "signed-out": "signed out",
  "signed-out-everywhere": "signed out everywhere",
  "password-changed": "changed their own password",
  "password-reset": "password reset",
  disabled: "account disabled",
};

const SIGN_IN_FAILURE_TEXT: Record<string, string> = {
  "invalid-credentials": "wrong email or password",
  disabled: "account disabled",
  "password-sign-in-off": "password sign-in is for super admins only",
  "no-verified-email": "the provider did not verify the email",
  "not-registered": "no user with this email",
};

/** "password", or the SSO provider's id. */
const methodText = (method: unknown) => (method === "password" ? "with password" : `with ${String(method ?? "?")}`);

function when(value: unknown): string {
  if (value === null) return "never";
  if (typeof value !== "string") return "?";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function permissionsText(value: unknown): string {
  const parsed = permissionsSchema.safeParse(value);
  return parsed.success ? summarizePermissions(parsed.data) : "custom permissions";
}

function changesText(changes: unknown): string {
  if (!changes || typeof changes !== "object") return "";
  const entries = Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>);
  if (entries.length === 0) return "no changes";
  return entries
    .map(([field, change]) =>
      field === "permissions" ? `permissions: ${permissionsText(change?.from)} → ${permissionsText(change?.to)}` : `${field} changed`,
    )
    .join("; ");
}

function genericText(details: Details): string {
  return Object.entries(details)
    .filter(([key, value]) => key !== "name" && value !== undefined && (typeof value !== "object" || value === null))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

export function summarizeAuditDetails(action: string, details: Details): string {
  let text: string;
  switch (action) {
    case "token.created":
      text = `expires ${when(details.expiresAt)}; ${permissionsText(details.permissions)}`;
      break;
    case "token.updated":
    case "user.updated":
      text = changesText(details.changes) || genericText(details);
      break;
    case "token.regenerated": {
      const expiry = details.expiresAt as { to?: unknown } | undefined;
      const grace = details.oldSecretValidUntil;
      text = `version ${String(details.version ?? "?")}; expires ${when(expiry?.to ?? null)}; ${
        grace ? `old secret valid until ${when(grace)}` : "old secret stopped at once"
      }`;
      break;
    }
    case "token.disabled":
    case "token.enabled":
      text = details.bulk === true ? "in a bulk action" : "";
      break;
    case "token.leaked":
      text = `reported leaked from ${String(details.reportedFrom ?? "?")}; ${
        details.secret === "previous" ? "its old secret stopped (grace ended)" : "the token was deleted"
      }`;
      break;
    case "token.grace_ended":
      text =
        details.reason === "quiet"
          ? `old secret stopped: unused since ${when(details.oldSecretLastUsedAt ?? null)} (quiet period ${String(details.quietSeconds ?? "?")} s)`
          : "old secret stopped by hand";
      break;
    case "token.idle_disabled":
      text = `unused for ${String(details.idleDisableDays ?? "?")} days; last used ${when(details.lastUsedAt ?? null)}`;
      break;
    case "settings.updated":
      text = changesText(details.changes);
      break;
    case "session.ended": {
      const ended = Number(details.ended ?? 0);
      text = `${SESSION_END_TEXT[String(details.reason)] ?? String(details.reason ?? "ended")}; ${ended} session${ended === 1 ? "" : "s"} ended`;
      break;
    }
    case "sign-in.succeeded":
      text = `signed in ${methodText(details.method)}`;
      break;
    case "sign-in.failed":
      text = `refused ${methodText(details.method)}: ${SIGN_IN_FAILURE_TEXT[String(details.reason)] ?? String(details.reason ?? "?")}`;
      break;
    case "user.sso-linked":
      text = `linked their ${String(details.provider ?? "?")} account`;
      break;
    default:
      text = genericText(details);
  }
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

/** The target's name when the event recorded one (tokens, users and catalog items do). */
export function targetName(details: Details): string | undefined {
  for (const key of ["name", "email", "appName"]) {
    const value = details[key];
    if (typeof value === "string" && value) return value;
  }
  return undefined;
}
