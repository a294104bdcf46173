/** The order listTokens() uses when no sort is asked for: newest first. */
export const TOKENS_DEFAULT_SORT = "-createdAt";
export const TOKEN_PAGE_SIZES = [20, 50, 100] as const;
