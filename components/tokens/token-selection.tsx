"use client";

import { createContext, useContext, useMemo, useState } from "react";
import type { TokenResponse } from "@/lib/schemas/token";
import { Checkbox } from "../ui/input";

// Rows picked for a bulk action, by id (with their names, to say what will change). The
// selection survives paging; the table clears it when the search or a filter changes, so it
// never holds tokens the list no longer shows.

type Picked = Pick<TokenResponse, "id" | "name">;

export type TokenSelection = {
  selected: ReadonlyMap<number, string>;
  /** The rows on the page being shown. */
  page: readonly Picked[];
  toggle: (token: Picked, on: boolean) => void;
  togglePage: (on: boolean) => void;
  clear: () => void;
};

export const TokenSelectionContext = createContext<TokenSelection | null>(null);

export function useTokenSelectionState(page: readonly Picked[]): TokenSelection {
  const [selected, setSelected] = useState<ReadonlyMap<number, string>>(new Map());
  return useMemo(() => {
    const change = (tokens: readonly Picked[], on: boolean) =>
      setSelected((current) => {
        const next = new Map(current);
        for (const t of tokens) {
          if (on) next.set(t.id, t.name);
          else next.delete(t.id);
        }
        return next;
      });
    return {
      selected,
      page,
      toggle: (token, on) => change([token], on),
      togglePage: (on) => change(page, on),
      clear: () => setSelected(new Map()),
    };
  }, [selected, page]);
}

function useSelection(): TokenSelection {
  const selection = useContext(TokenSelectionContext);
  if (!selection) throw new Error("token selection used outside the tokens table");
  return selection;
}

export function SelectTokenCheckbox({ token }: { token: Picked }) {
  const { selected, toggle } = useSelection();
  return (
    <Checkbox
      aria-label={`Select ${token.name}`}
      checked={selected.has(token.id)}
      onChange={(event) => toggle(token, event.target.checked)}
    />
  );
}

export function SelectPageCheckbox() {
  const { selected, page, togglePage } = useSelection();
  const picked = page.filter((t) => selected.has(t.id)).length;
  return (
    <Checkbox
      aria-label="Select every token on this page"
      checked={page.length > 0 && picked === page.length}
      ref={(input) => {
        if (input) input.indeterminate = picked > 0 && picked < page.length;
      }}
      disabled={page.length === 0}
      onChange={(event) => togglePage(event.target.checked)}
    />
  );
}
