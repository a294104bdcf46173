"use client";

import { useMemo } from "react";
import { TOKEN_PAGE_SIZES, TOKENS_DEFAULT_SORT, type TokenResponse } from "@/lib/schemas/token";
import { DataTable } from "../ui/data-table";
import { TokenListContext, tokenColumns } from "./token-columns";
import { NoMatchingTokens, TokenFilters, type TokenStatusFilter, tokensNoun } from "./token-filters";

export type TokensTableProps = {
  tokens: TokenResponse[];
  total: number;
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  status?: TokenStatusFilter;
  /** The server render's time (ISO), so relative times and expiry colours agree between server and browser. */
  now: string;
  maxLifetimeDays: number | null;
};

export function TokensTable({ tokens, now, maxLifetimeDays, status, ...paging }: TokensTableProps) {
  const context = useMemo(() => ({ now, maxLifetimeDays }), [now, maxLifetimeDays]);
  return (
    <TokenListContext.Provider value={context}>
      <DataTable
        {...paging}
        columns={tokenColumns}
        data={tokens}
        defaultSort={TOKENS_DEFAULT_SORT}
        getRowId={(token) => String(token.id)}
        label="API tokens"
        noun={tokensNoun(status)}
        searchLabel="Search tokens by name"
        searchPlaceholder="Search by name"
        pageSizes={TOKEN_PAGE_SIZES}
        toolbar={<TokenFilters status={status} q={paging.q} />}
        emptyState={<NoMatchingTokens status={status} />}
      />
    </TokenListContext.Provider>
  );
}
