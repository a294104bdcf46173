import { z } from "zod";
import "./messages";

/** Path parameter ids: positive integers written in decimal, nothing else. */
export const idParam = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, "must be a positive integer")
  .transform(Number)
  .refine((n) => n <= 2_147_483_647, "must be a positive integer");

export const MAX_PAGE_SIZE = 100;

export const pageQuery = z.object({
  page: z.coerce.number({ error: "must be a number" }).int("must be an integer").min(1, "must be at least 1").default(1),
  pageSize: z.coerce
    .number({ error: "must be a number" })
    .int("must be an integer")
    .min(1, "must be at least 1")
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .default(20),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
});

export type PageQuery = z.infer<typeof pageQuery>;

export type Page<T> = { data: T[]; page: number; pageSize: number; total: number };
