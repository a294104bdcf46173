// The token list's options the tokens page needs in the browser, apart from the zod schemas
// that parse them (lib/schemas/token.ts re-exports these): importing a schema module would
// bring zod into the page's first load.

/** Newest first. */
export const TOKENS_DEFAULT_SORT = "-createdAt";
export const TOKEN_PAGE_SIZES = [20, 50, 100] as const;
