"use client";

import { expiryStatus, timeLeftText } from "@/lib/tokens/expiry";
import { DateTime } from "../ui/date-time";
import { WarningMark } from "../ui/warning-mark";

export type TokenExpiryProps = { expiresAt: string | null; now: string };

/** The list's expiry cell: the date; red "Expired on …"; amber "Expires in N days"; "No expiration" with a warning mark. */
export function TokenExpiry({ expiresAt, now }: TokenExpiryProps) {
  const status = expiryStatus(expiresAt ? new Date(expiresAt) : null, new Date(now));
  if (status === "never" || !expiresAt) {
    return (
      <span
        className="inline-flex items-center gap-1.5 whitespace-nowrap text-warning-text"
        title="Tokens that never expire stay valid if they leak"
      >
        <WarningMark />
        No expiration
      </span>
    );
  }
  if (status === "expired") {
    return (
      <span className="whitespace-nowrap font-medium text-danger-text">
        Expired on <DateTime value={expiresAt} />
      </span>
    );
  }
  if (status === "expiring") {
    return (
      <span className="inline-flex flex-col">
        <span className="whitespace-nowrap font-medium text-warning-text">
          Expires in {timeLeftText(new Date(expiresAt), new Date(now))}
        </span>
        <span className="text-xs text-muted">
          <DateTime value={expiresAt} />
        </span>
      </span>
    );
  }
  return <DateTime value={expiresAt} />;
}

/** The detail page's info bar: when the token stops working, and how to change that. */
export function TokenExpirySentence({ expiresAt, now }: TokenExpiryProps) {
  const status = expiryStatus(expiresAt ? new Date(expiresAt) : null, new Date(now));
  const hint = <span className="text-muted"> Regenerate to set a new expiration date.</span>;
  if (status === "never" || !expiresAt) {
    return (
      <p className="flex items-start gap-2 text-warning-text">
        <WarningMark className="mt-0.5" />
        <span>This token has no expiration date.{hint}</span>
      </p>
    );
  }
  if (status === "expired") {
    return (
      <p className="text-danger-text">
        <span className="font-medium">
          This token expired on <DateTime value={expiresAt} withTime />.
        </span>
        {hint}
      </p>
    );
  }
  return (
    <p className={status === "expiring" ? "text-warning-text" : undefined}>
      This token expires on{" "}
      <span className="font-medium">
        <DateTime value={expiresAt} withTime />
      </span>
      {status === "expiring" ? ` (in ${timeLeftText(new Date(expiresAt), new Date(now))})` : ""}.{hint}
    </p>
  );
}
