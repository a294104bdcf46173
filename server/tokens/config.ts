import "server-only";

/** TESSERA_MAX_TOKEN_LIFETIME_DAYS: when set, "never" and anything later are refused. */
export function maxTokenLifetimeDays(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.TESSERA_MAX_TOKEN_LIFETIME_DAYS?.trim();
  if (!raw) return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : null;
}
