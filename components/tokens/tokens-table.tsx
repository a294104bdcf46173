"use client";

import { useEffect, useMemo } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { TOKEN_PAGE_SIZES, TOKENS_DEFAULT_SORT } from "@/lib/tokens/list-options";
import { DataTable, type ListPage } from "../ui/data-table";
import { TokenBulkActions } from "./token-bulk-actions";
import { TokenListContext, tokenColumns } from "./token-columns";
import { NoMatchingTokens, TokenFilters, type TokenListFilters, tokensNoun } from "./token-filters";
import { TokenSelectionContext, useTokenSelectionState } from "./token-selection";

export type TokensTableProps = TokenListFilters & {
  list: ListPage<TokenResponse>;
  /** The server render's time (ISO), so relative times and expiry colours agree between server and browser. */
  now: string;
  maxLifetimeDays: number | null;
};

export function TokensTable({ list, now, maxLifetimeDays, status, unusedForDays }: TokensTableProps) {
  const context = useMemo(() => ({ now, maxLifetimeDays }), [now, maxLifetimeDays]);
  const selection = useTokenSelectionState(list.data);
  const filters = { status, unusedForDays };
  // A selection is made under one search and filter; under another it would hold tokens out of sight.
  const filterKey = JSON.stringify([list.q ?? "", status ?? "", unusedForDays ?? ""]);
  const { clear } = selection;
  // biome-ignore lint/correctness/useExhaustiveDependencies: clearing is what a change of filterKey should do
  useEffect(() => clear(), [filterKey]);
  return (
    <TokenListContext.Provider value={context}>
      <TokenSelectionContext.Provider value={selection}>
        <div className="space-y-4">
          <TokenBulkActions filter={{ q: list.q, status, unusedForDays }} total={list.total} totalExact={list.totalExact} />
          <DataTable
            list={list}
            columns={tokenColumns}
            defaultSort={TOKENS_DEFAULT_SORT}
            label="API tokens"
            noun={tokensNoun(filters)}
            searchLabel="Search tokens by name"
            pageSizes={TOKEN_PAGE_SIZES}
            toolbar={<TokenFilters {...filters} q={list.q} />}
            emptyState={<NoMatchingTokens {...filters} />}
          />
        </div>
      </TokenSelectionContext.Provider>
    </TokenListContext.Provider>
  );
}
