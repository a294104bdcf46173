import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type ListTokensQuery, TOKEN_TOTAL_EXACT_LIMIT, TOKENS_DEFAULT_SORT, type TokenPage } from "@/lib/schemas/token";
import { encodeTokenCursor, NULLABLE_SORT_FIELDS, type TokenCursor, type TokenSortField } from "@/lib/tokens/list-cursor";
import { type Db, getDb } from "../db";
import { tokenFilterSql, tokenWhere } from "./token-filter";
import { PUBLIC_FIELDS, type TokenRow, toTokenResponse } from "./tokens";

// The token list at a million tokens (docs/design.md, "List paging"). Three ways to a page:
// - a cursor (after / before a row, or the end): keyset reads, each an index range whatever
//   the depth — the dashboard's Next, Previous and Last;
// - `page` alone: OFFSET, for jumps and for clients that only know page numbers; its cost
//   grows with the depth, so the dashboard follows cursors past page 1;
// - either way `total` is counted up to TOKEN_TOTAL_EXACT_LIMIT and estimated past it.
//
// A nullable sort (lastUsedAt, expiresAt) lists its nulls last in both directions. No single
// index range covers "value order, then nulls" both ways, so the list is read as two segments,
// the rows with a value and the rows without, each an index range of its own (the partial
// (field, id) indexes of prisma/migrations/20261128090000_api_tokens).

type Travel = "asc" | "desc";
type Segment = { where: Prisma.ApiTokenWhereInput; orderBy: Prisma.ApiTokenOrderByWithRelationInput[]; hasValue: boolean };
type Position = { key: string | null; id: number };

const flip = (d: Travel): Travel => (d === "asc" ? "desc" : "asc");

/** The rows strictly past `at` in `travel` order, within a segment with values. */
function pastValue(field: TokenSortField, at: Position & { key: string }, travel: Travel): Prisma.ApiTokenWhereInput {
  const key = field === "name" ? at.key : new Date(at.key);
  const op = travel === "asc" ? "gt" : "lt";
  // "field >= key" is the index range; the OR only sorts out the rows that tie on key.
  return { AND: [{ [field]: { [`${op}e`]: key } }, { OR: [{ [field]: { [op]: key } }, { id: { [op]: at.id } }] }] };
}

/** The list's segments in the order `travel` reads them (reading backwards visits the nulls first). */
function segmentsOf(field: TokenSortField, direction: Travel, travel: Travel): Segment[] {
  const valueOrder = [{ [field]: travel }, { id: travel }] as Prisma.ApiTokenOrderByWithRelationInput[];
  if (!NULLABLE_SORT_FIELDS.has(field)) return [{ where: {}, orderBy: valueOrder, hasValue: true }];
  const values: Segment = { where: { [field]: { not: null } }, orderBy: valueOrder, hasValue: true };
  const nulls: Segment = { where: { [field]: null }, orderBy: [{ id: travel }], hasValue: false };
  return travel === direction ? [values, nulls] : [nulls, values];
}

/**
 * Up to `take` rows read in `travel` order from `from` (exclusive; null: the start), skipping
 * `skip` rows first (OFFSET, page jumps only).
 */
async function readRows(
  db: Db,
  where: Prisma.ApiTokenWhereInput,
  field: TokenSortField,
  direction: Travel,
  travel: Travel,
  from: Position | null,
  skip: number,
  take: number,
): Promise<TokenRow[]> {
  // The page's ids first, then its rows: the first query reads only indexed columns, so the
  // planner can answer it from an index alone (an index-only scan, and for the filters the
  // covering indexes of prisma/migrations/20261201160000_list_scale) and fetch just these rows.
  const ids: number[] = [];
  let started = from === null;
  for (const segment of segmentsOf(field, direction, travel)) {
    let past: Prisma.ApiTokenWhereInput = {};
    if (!started) {
      // Segments before the position's own are not read; reading starts right after it.
      if (segment.hasValue !== (from!.key !== null)) continue;
      past =
        from!.key === null
          ? { id: { [travel === "asc" ? "gt" : "lt"]: from!.id } }
          : pastValue(field, from as Position & { key: string }, travel);
      started = true;
    }
    const segmentWhere = { AND: [where, segment.where, past] };
    const batch = await db.apiToken.findMany({
      where: segmentWhere,
      select: { id: true },
      orderBy: segment.orderBy,
      skip,
      take: take - ids.length,
    });
    ids.push(...batch.map((r) => r.id));
    if (ids.length >= take) break;
    // Rows an OFFSET would have skipped in this segment count against the next one.
    if (skip > 0) skip = batch.length > 0 ? 0 : Math.max(0, skip - (await db.apiToken.count({ where: segmentWhere })));
  }
  if (ids.length === 0) return [];
  const byId = new Map((await db.apiToken.findMany({ where: { id: { in: ids } }, select: PUBLIC_FIELDS })).map((r) => [r.id, r]));
  // A row removed between the two reads is left out, as if the page had been read a moment later.
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Searches shorter than a trigram have no index to count with (a count would read every row). */
export const SEARCH_INDEXED_FROM = 3;

/** Counted up to the limit; past it, the planner's estimate (never below the limit it passed). */
async function totalOf(db: Db, query: ListTokensQuery, now: Date) {
  // In SQL, not count({ take }): Prisma orders that subquery by id, which at a million tokens
  // sorts (or walks the primary key past) every match before the limit applies.
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "ApiToken" WHERE ${tokenFilterSql(query, now)} LIMIT ${TOKEN_TOTAL_EXACT_LIMIT + 1}) AS page`;
  const counted = row?.n ?? 0;
  if (counted <= TOKEN_TOTAL_EXACT_LIMIT) return { total: counted, totalExact: true };
  return { total: await estimateOf(db, query, now, TOKEN_TOTAL_EXACT_LIMIT + 1), totalExact: false };
}

/** The planner's row estimate for the filter, never below `atLeast` (rows known to exist). */
async function estimateOf(db: Db, query: ListTokensQuery, now: Date, atLeast: number): Promise<number> {
  const [plan] = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "ApiToken" WHERE ${tokenFilterSql(query, now)}`;
  return Math.max(Math.round(plan?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0), atLeast);
}

export async function listTokens(query: ListTokensQuery, now = new Date()): Promise<TokenPage> {
  const db = await getDb();
  const where = tokenWhere(query, now);
  const sort = query.sort ?? TOKENS_DEFAULT_SORT;
  const field = sort.replace(/^-/, "") as TokenSortField;
  const direction: Travel = sort.startsWith("-") ? "desc" : "asc";
  const { pageSize } = query;
  const cursorAt = (direction: TokenCursor["direction"], row: TokenRow): string =>
    encodeTokenCursor({ direction, sort, key: keyOf(row, field), id: row.id } as TokenCursor);
  const lastCursor = encodeTokenCursor({ direction: "end", sort, key: null, id: 0 });

  const shortSearch = query.q !== undefined && query.q.length < SEARCH_INDEXED_FROM;
  const [read, exact] = await Promise.all([readPage(), shortSearch ? null : totalOf(db, query, now)]);
  // A short search is counted only when its first page already holds every match.
  const counted =
    exact ??
    (read.page === 1 && !read.hasNext
      ? { total: read.rows.length, totalExact: true }
      : { total: await estimateOf(db, query, now, ((read.page ?? 1) - 1) * pageSize + read.rows.length + 1), totalExact: false });
  return {
    data: read.rows.map((r) => toTokenResponse(r, now)),
    page: read.page ?? Math.max(1, Math.ceil(counted.total / pageSize)),
    pageSize,
    ...counted,
    nextCursor: read.hasNext && read.rows.length ? cursorAt("after", read.rows.at(-1)!) : null,
    prevCursor: read.hasPrev && read.rows.length ? cursorAt("before", read.rows[0]!) : null,
    lastCursor,
  };

  /** The page's rows in list order; `page` null: the last page, numbered once the total is known. */
  async function readPage(): Promise<{ rows: TokenRow[]; hasNext: boolean; hasPrev: boolean; page: number | null }> {
    const cursor = query.cursor;
    if (!cursor || cursor.direction === "after") {
      const skip = cursor ? 0 : (query.page - 1) * pageSize;
      const from = cursor ? { key: cursor.key, id: cursor.id } : null;
      const rows = await readRows(db, where, field, direction, direction, from, skip, pageSize + 1);
      return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize, hasPrev: Boolean(cursor) || skip > 0, page: query.page };
    }
    const from = cursor.direction === "end" ? null : { key: cursor.key, id: cursor.id };
    const rows = await readRows(db, where, field, direction, flip(direction), from, 0, pageSize + 1);
    // Reading back reached the start: show the first page, full, rather than a short one.
    if (rows.length <= pageSize) {
      const first = await readRows(db, where, field, direction, direction, null, 0, pageSize + 1);
      return { rows: first.slice(0, pageSize), hasNext: first.length > pageSize, hasPrev: false, page: 1 };
    }
    return {
      rows: rows.slice(0, pageSize).reverse(),
      hasNext: cursor.direction !== "end",
      hasPrev: true,
      page: cursor.direction === "end" ? null : query.page,
    };
  }
}

function keyOf(row: TokenRow, field: TokenSortField): string | null {
  const value = row[field];
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
