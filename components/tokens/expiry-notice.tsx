import Link from "next/link";
import type { ExpirySummary } from "@/lib/schemas/notifications";
import { WarningMark } from "../ui/warning-mark";

const tokens = (n: number) => `${n} token${n === 1 ? "" : "s"}`;

/**
 * Above every dashboard page a super admin sees: how many tokens expire within 7 days, and how
 * many expired in the last 7, each linking to the token list filtered to them. Nothing when both are 0.
 */
export function ExpiryNotice({ summary }: { summary: ExpirySummary }) {
  if (summary.expiring === 0 && summary.expired === 0) return null;
  return (
    <section
      aria-label="Token expiry"
      className="mb-6 flex gap-2 rounded-xl border border-warning-text/30 bg-warning-soft px-4 py-3 text-sm text-warning-text"
    >
      <WarningMark className="mt-0.5" />
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        {summary.expiring > 0 ? (
          <Link href="/tokens?status=expiring" className="font-medium text-warning-text underline underline-offset-2">
            {tokens(summary.expiring)} {summary.expiring === 1 ? "expires" : "expire"} within 7 days
          </Link>
        ) : null}
        {summary.expired > 0 ? (
          <Link href="/tokens?status=expired" className="font-medium text-warning-text underline underline-offset-2">
            {tokens(summary.expired)} expired in the last 7 days
          </Link>
        ) : null}
      </p>
    </section>
  );
}
