"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";

export type SearchParamsPatch = Record<string, string | number | null | undefined>;

/**
 * Server-side tables keep their state (page, pageSize, sort, q) in the URL: changing it
 * replaces the URL and the server component re-renders with the new page of data.
 * `pending` is true until that render has arrived.
 */
export function useSearchParamsUpdater() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  // The URL changes only when a navigation commits, so two quick changes (status, then
  // page size) would each start from the old URL and the second would undo the first.
  // Each change starts from the last one asked for instead.
  const latest = useRef(searchParams.toString());
  useEffect(() => {
    latest.current = searchParams.toString();
  }, [searchParams]);

  const update = useCallback(
    (patch: SearchParamsPatch) => {
      const params = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === "") params.delete(key);
        else params.set(key, String(value));
      }
      const query = params.toString();
      latest.current = query;
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [router, pathname],
  );

  return { update, pending };
}
