import { z } from "zod";
import "./messages";

/** The largest id a row can have: ids are PostgreSQL int4 columns. */
export const INT32_MAX = 2_147_483_647;

/** Path parameter ids: positive integers written in decimal, nothing else. */
export const idParam = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, "must be a positive integer")
  .transform(Number)
  .refine((n) => n <= INT32_MAX, "must be a positive integer");

/** An id sent in a body or a query (coerced from the query's text); past int4 it could only make the database fail. */
export function idNumber(what: string, { coerce = false } = {}) {
  return (coerce ? z.coerce.number({ error: `must be ${what} (an integer)` }) : z.number({ error: `must be ${what} (an integer)` }))
    .int("must be an integer")
    .positive("must be positive")
    .max(INT32_MAX, `must be at most ${INT32_MAX}`);
}

export const MAX_PAGE_SIZE = 100;

export const pageQuery = z.object({
  page: z.coerce
    .number({ error: "must be a number" })
    .int("must be an integer")
    .min(1, "must be at least 1")
    .max(INT32_MAX, `must be at most ${INT32_MAX}`)
    .default(1),
  pageSize: z.coerce
    .number({ error: "must be a number" })
    .int("must be an integer")
    .min(1, "must be at least 1")
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(20),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});

/** A sort over `fields`: a field name, ascending, or `-` and the name, descending. */
export type SortOf<F extends readonly string[]> = F[number] | `-${F[number]}`;

/** The `sort` parameter of a list query over `fields`. */
export function sortParam<const F extends readonly [string, ...string[]]>(fields: F) {
  const values = [...fields, ...fields.map((f) => `-${f}`)] as [SortOf<F>, ...SortOf<F>[]];
  return z.enum(values, { error: `must be one of ${fields.join(", ")} (prefix - for descending)` }).optional();
}

/** The answer of every list: one page of `item`, and how many there are in all. */
export function pageResponse<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
}

export type Page<T> = { data: T[]; page: number; pageSize: number; total: number };
