import { firstParam, listQuery, oneOf, type SearchParams } from "@/lib/list-query";
import { type ListTokensQuery, TOKEN_SORTS, TOKEN_STATUSES } from "@/lib/schemas/token";

export type { SearchParams };

/** The URL is typed by people: a bad value falls back to its default instead of failing the page. */
export function tokensQuery(params: Awaited<SearchParams>): ListTokensQuery {
  return { ...listQuery(params, TOKEN_SORTS), status: oneOf(firstParam(params.status), TOKEN_STATUSES) };
}
