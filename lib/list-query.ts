import { MAX_PAGE_SIZE } from "./schemas/common";

// Dashboard pages read their table state from the URL. People type and share URLs, so a bad
// value falls back to its default instead of failing the page (the API, by contrast, says 400).

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export type RawParams = Awaited<SearchParams>;

export const DEFAULT_PAGE_SIZE = 20;

export const firstParam = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/**
 * A short free-text value (a search, or a project name for a filter), or undefined. NULs are
 * dropped and unpaired surrogates replaced: PostgreSQL can store neither, and a search for one
 * would fail the page.
 */
export function textParam(params: RawParams, key: string, max = 200): string | undefined {
  return firstParam(params[key])?.replaceAll("\u0000", "").trim().slice(0, max).toWellFormed() || undefined;
}

/** One of `allowed`, or undefined. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** page, pageSize, sort (only one of `sorts`, optionally `-`-prefixed) and q. */
export function listQuery<S extends string>(params: RawParams, sorts: readonly S[]) {
  const sort = firstParam(params.sort);
  const allowed = sort !== undefined && sorts.includes(sort.replace(/^-/, "") as S);
  return {
    page: positiveInt(firstParam(params.page), 1, 1_000_000),
    pageSize: positiveInt(firstParam(params.pageSize), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    sort: allowed ? (sort as S | `-${S}`) : undefined,
    q: textParam(params, "q"),
  };
}
