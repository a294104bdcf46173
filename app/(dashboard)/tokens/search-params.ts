import { MAX_PAGE_SIZE } from "@/lib/schemas/common";
import { TOKEN_SORTS, TOKEN_STATUSES, type ListTokensQuery } from "@/lib/schemas/token";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DEFAULT_PAGE_SIZE = 20;
const SORTS: readonly string[] = [...TOKEN_SORTS, ...TOKEN_SORTS.map((s) => `-${s}`)];
const STATUSES: readonly string[] = TOKEN_STATUSES;

export const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function positiveInt(value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** The URL is typed by people: a bad value falls back to its default instead of failing the page. */
export function tokensQuery(params: Awaited<SearchParams>): ListTokensQuery {
  const sort = first(params.sort);
  const status = first(params.status);
  const q = first(params.q)?.trim().slice(0, 200);
  return {
    page: positiveInt(first(params.page), 1, 1_000_000),
    pageSize: positiveInt(first(params.pageSize), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    sort: sort && SORTS.includes(sort) ? (sort as ListTokensQuery["sort"]) : undefined,
    status: status && STATUSES.includes(status) ? (status as ListTokensQuery["status"]) : undefined,
    q: q || undefined,
  };
}
