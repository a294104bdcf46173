"use client";

import { useMemo } from "react";
import { TOKEN_PAGE_SIZES, TOKENS_DEFAULT_SORT, type TokenResponse } from "@/lib/schemas/token";
import { DataTable, type ListPage } from "../ui/data-table";
import { TokenListContext, tokenColumns } from "./token-columns";
import { NoMatchingTokens, TokenFilters, type TokenStatusFilter, tokensNoun } from "./token-filters";

export type TokensTableProps = {
  list: ListPage<TokenResponse>;
  status?: TokenStatusFilter;
  /** The server render's time (ISO), so relative times and expiry colours agree between server and browser. */
  now: string;
  maxLifetimeDays: number | null;
};

export function TokensTable({ list, now, maxLifetimeDays, status }: TokensTableProps) {
  const context = useMemo(() => ({ now, maxLifetimeDays }), [now, maxLifetimeDays]);
  return (
    <TokenListContext.Provider value={context}>
      <DataTable
        list={list}
        columns={tokenColumns}
        defaultSort={TOKENS_DEFAULT_SORT}
        label="API tokens"
        noun={tokensNoun(status)}
        searchLabel="Search tokens by name"
        pageSizes={TOKEN_PAGE_SIZES}
        toolbar={<TokenFilters status={status} q={list.q} />}
        emptyState={<NoMatchingTokens status={status} />}
      />
    </TokenListContext.Provider>
  );
}
