import "server-only";
import type { Page } from "@/lib/schemas/common";

// Paging, sorting and search for every list query (users, tokens, the catalog).

export type Paging = { page: number; pageSize: number; q?: string; sort?: string };

/**
 * `name` / `-name` → Prisma orderBy, with the id as a tiebreaker so pages never overlap.
 * The tiebreaker follows the sort's direction, so one (field, id) index serves both.
 */
export function orderBy(sort: string | undefined, fallback: string): Record<string, "asc" | "desc">[] {
  const s = sort ?? fallback;
  const field = s.replace(/^-/, "");
  const direction = s.startsWith("-") ? "desc" : "asc";
  return [{ [field]: direction }, { id: direction }];
}

export function pageOf<T>(data: T[], total: number, p: Paging): Page<T> {
  return { data, page: p.page, pageSize: p.pageSize, total };
}

export const skipTake = (p: Paging) => ({ skip: (p.page - 1) * p.pageSize, take: p.pageSize });

/** `q` for a LIKE pattern: `%`, `_` and `\\` match themselves, not as wildcards. */
export const likeEscaped = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Case-insensitive substring search; `%`, `_` and `\\` are matched literally, not as LIKE wildcards. */
export const contains = (q: string | undefined) => (q ? { contains: likeEscaped(q), mode: "insensitive" as const } : undefined);
