"use client";

import {
  createColumnHelper,
  functionalUpdate,
  metaHelper,
  type OnChangeFn,
  type PaginationState,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  type TableOptions,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { type ReactNode, useCallback, useMemo } from "react";
import type { Page } from "@/lib/schemas/common";
import { cn } from "./cn";
import { EmptyRows, SortMark } from "./data-table-parts";
import { DataTableSearch } from "./data-table-search";
import { Pagination } from "./pagination";
import { useSearchParamsUpdater } from "./use-search-params-updater";

// A table whose paging, sorting and search happen on the server. The state lives in
// the URL (page, pageSize, sort = "name" | "-name", q); Table only renders the page
// it is given, so every `manual*` flag is on and no client row model is registered.

export type DataTableColumnMeta = {
  className?: string;
  /** Pins the column to the right edge while a narrow screen scrolls the table (row actions). */
  stickyEnd?: boolean;
};

const STICKY_END = "sticky right-0";

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;

/** Column helper for DataTable columns; column ids of sortable columns are the API's sort keys. */
export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/** The trailing row-menu column every table has: an unseen header, kept on screen at narrow widths. */
export function rowActionsColumn<TData extends RowData>(
  column: ReturnType<typeof createDataTableColumnHelper<TData>>,
  render: (row: TData) => ReactNode,
) {
  return column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    meta: { className: "w-14 text-right", stickyEnd: true },
    cell: ({ row }) => render(row.original),
  });
}

export function sortingFromParam(sort: string | undefined): SortingState {
  return sort ? [{ id: sort.replace(/^-/, ""), desc: sort.startsWith("-") }] : [];
}

export function sortingToParam(sorting: SortingState): string | undefined {
  const first = sorting[0];
  return first ? `${first.desc ? "-" : ""}${first.id}` : undefined;
}

/**
 * One page of a list as the server answered it (rows, page, pageSize, total), with the sort
 * (`name` or `-name`) and search (`q`) from the URL that asked for it: a list page hands it to
 * its table in one piece, `{ ...query, ...result }`.
 */
export type ListPage<T> = Page<T> & { sort?: string; q?: string } & Partial<KeysetPage>;

/**
 * A list that pages by keyset past page 1 (server/tokens/token-list.ts): Next and Previous
 * follow its cursors, and its total may be an estimate.
 */
export type KeysetPage = { totalExact: boolean; nextCursor: string | null; prevCursor: string | null; lastCursor: string };

/** Rows are the API's records; their ids identify them across pages and refreshes. */
type Identified = { id: number };

export type DataTableProps<TData extends Identified> = {
  columns: TableOptions<DataTableFeatures, TData>["columns"];
  /** The current page of rows, already searched, sorted and paged by the server. */
  list: ListPage<TData>;
  /** The sort the server uses without a sort param. */
  defaultSort?: string;
  /** The table's accessible name (its caption), e.g. "Users". */
  label: string;
  /** Plural noun for counts, e.g. "users". */
  noun: string;
  /** False for a list the server cannot search (a delivery log): no search box. */
  searchable?: boolean;
  searchLabel?: string;
  searchPlaceholder?: string;
  /** Shown when there is nothing at all (no search active). */
  emptyState?: ReactNode;
  /** Rendered next to the search box, e.g. a "New user" button. */
  toolbar?: ReactNode;
  pageSizes?: readonly number[];
};

export function DataTable<TData extends Identified>(props: DataTableProps<TData>) {
  const { columns, list, defaultSort, label, noun } = props;
  const { data, total, page, pageSize, sort, q = "" } = list;
  const { update, pending } = useSearchParamsUpdater();

  const sorting = useMemo(() => sortingFromParam(sort ?? defaultSort), [sort, defaultSort]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);

  const onSortingChange = useCallback<OnChangeFn<SortingState>>(
    (updater) => {
      const next = sortingToParam(functionalUpdate(updater, sorting));
      update({ sort: next === defaultSort ? null : next, page: null, cursor: null });
    },
    [sorting, defaultSort, update],
  );
  const onPaginationChange = useCallback<OnChangeFn<PaginationState>>(
    (updater) => {
      const next = functionalUpdate(updater, pagination);
      const sizeChanged = next.pageSize !== pagination.pageSize;
      update({ page: sizeChanged || next.pageIndex === 0 ? null : next.pageIndex + 1, pageSize: next.pageSize, cursor: null });
    },
    [pagination, update],
  );
  const onSearch = useCallback((text: string) => update({ q: text || null, page: null, cursor: null }), [update]);
  const keyset = list.nextCursor !== undefined;
  // Keyset lists step by cursor (page 1 needs none); a jump by page number reads by offset.
  const onPageChange = (next: number) => {
    if (!keyset || next <= 1) return table.setPageIndex(next - 1);
    const cursor = next === page + 1 ? list.nextCursor : next === page - 1 ? list.prevCursor : null;
    update({ page: next, cursor });
  };

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => String(row.id),
    state: { sorting, pagination },
    onSortingChange,
    onPaginationChange,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  const rows = table.getRowModel().rows;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        {props.searchable === false ? null : (
          <DataTableSearch
            value={q}
            onSearch={onSearch}
            label={props.searchLabel ?? `Search ${noun}`}
            placeholder={props.searchPlaceholder ?? "Search by name"}
          />
        )}
        {props.toolbar ? <div className="flex items-center gap-2">{props.toolbar}</div> : null}
      </div>
      <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-sm">
        <table aria-busy={pending || undefined} className={cn("w-full text-left text-sm transition-opacity", pending && "opacity-60")}>
          <caption className="sr-only">{label}</caption>
          <thead className="border-b border-line bg-surface-muted text-xs font-medium tracking-wide text-muted uppercase">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const canSort = header.column.getCanSort();
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                      className={cn(
                        "px-4 py-2.5 whitespace-nowrap",
                        header.column.columnDef.meta?.stickyEnd && `${STICKY_END} bg-surface-muted`,
                        header.column.columnDef.meta?.className,
                      )}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 uppercase hover:bg-surface-muted hover:text-fg"
                        >
                          <table.FlexRender header={header} />
                          <SortMark direction={sorted} />
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-surface-muted/40">
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cn(
                      "px-4 py-3 align-middle",
                      cell.column.columnDef.meta?.stickyEnd && `${STICKY_END} bg-surface`,
                      cell.column.columnDef.meta?.className,
                    )}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-12 text-center">
                  <EmptyRows
                    {...{ q, total, noun, emptyState: props.emptyState }}
                    onClearSearch={() => onSearch("")}
                    onFirstPage={() => table.firstPage()}
                  />
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {total > 0 ? (
        <Pagination
          page={page}
          pageCount={pageCount}
          pageSize={pageSize}
          total={total}
          totalExact={list.totalExact ?? true}
          hasNext={keyset ? list.nextCursor !== null : undefined}
          onLastPage={keyset && list.lastCursor ? () => update({ page: pageCount, cursor: list.lastCursor }) : undefined}
          noun={noun}
          pageSizes={props.pageSizes}
          disabled={pending}
          onPageChange={onPageChange}
          onPageSizeChange={(size) => table.setPageSize(size)}
        />
      ) : null}
    </div>
  );
}
