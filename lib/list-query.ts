import type { z } from "zod";

// Dashboard pages read their table state from the URL, with the very schema the API parses
// the same list with (lib/schemas/<resource>.ts). People type and share URLs, so a value the
// schema refuses falls back to that field's default instead of failing the page (the API,
// by contrast, says 400).

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export type RawParams = Awaited<SearchParams>;

const firstParam = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * A URL value as a list query reads it: NULs dropped and unpaired surrogates replaced, as
 * PostgreSQL can store neither and a search for one would fail the page; blank is absent.
 */
function urlText(value: string | string[] | undefined): string | undefined {
  return firstParam(value)?.replaceAll("\u0000", "").toWellFormed().trim() || undefined;
}

/**
 * Every field of `schema` from the URL, each parsed on its own: a value its field refuses
 * (or a missing one) becomes the field's default, or `fallback[field]` when given.
 */
export function queryFromUrl<S extends z.ZodObject>(schema: S, params: RawParams, fallback: Partial<z.output<S>> = {}): z.output<S> {
  const query: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const text = urlText(params[key]);
    const parsed = text === undefined ? undefined : field.safeParse(text);
    if (parsed?.success) query[key] = parsed.data;
    else if (key in fallback) query[key] = fallback[key as keyof typeof fallback];
    else query[key] = field.safeParse(undefined).data;
  }
  return query as z.output<S>;
}
