// A position in the token list for keyset paging (docs/design.md, "List paging"): the sort it
// was made under, the sort key and id of the row it points past, and which way it reads.
// Opaque to clients (base64url JSON); the server checks every part, so a hand-made or
// truncated cursor is a 400, never a query.

export const TOKEN_LIST_SORT_FIELDS = ["name", "lastUsedAt", "expiresAt", "createdAt"] as const;
export type TokenSortField = (typeof TOKEN_LIST_SORT_FIELDS)[number];
/** Sort fields that can be null; their nulls come last in either direction. */
export const NULLABLE_SORT_FIELDS: ReadonlySet<TokenSortField> = new Set(["lastUsedAt", "expiresAt"]);

/**
 * after: the rows that follow (key, id) in the list's order; before: the rows that precede it;
 * end: the last page (no position).
 */
export type TokenCursor =
  | { direction: "after" | "before"; sort: string; key: string | null; id: number }
  | { direction: "end"; sort: string; key: null; id: 0 };

const CODES = { after: "a", before: "b", end: "e" } as const;
const DIRECTIONS = { a: "after", b: "before", e: "end" } as const;

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bytes = Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function encodeTokenCursor(cursor: TokenCursor): string {
  return toBase64Url(JSON.stringify([CODES[cursor.direction], cursor.sort, cursor.key, cursor.id]));
}

const INT32_MAX = 2_147_483_647;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The cursor `text` encodes, or null when it is not one this list could have given out. */
export function decodeTokenCursor(text: string, sorts: readonly string[]): TokenCursor | null {
  const json = fromBase64Url(text);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 4) return null;
  const [code, sort, key, id] = value as unknown[];
  const direction = typeof code === "string" ? DIRECTIONS[code as keyof typeof DIRECTIONS] : undefined;
  if (!direction || typeof sort !== "string" || !sorts.includes(sort)) return null;
  if (direction === "end") return key === null && id === 0 ? { direction, sort, key: null, id: 0 } : null;
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > INT32_MAX) return null;
  const field = sort.replace(/^-/, "") as TokenSortField;
  if (key === null) return NULLABLE_SORT_FIELDS.has(field) ? { direction, sort, key, id } : null;
  if (typeof key !== "string") return null;
  if (field === "name") return key.length <= 200 ? { direction, sort, key, id } : null;
  if (!ISO_UTC.test(key) || Number.isNaN(Date.parse(key))) return null;
  return { direction, sort, key, id };
}
