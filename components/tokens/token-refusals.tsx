import type { RefusalsToday } from "@/lib/schemas/token";
import { DateTime } from "../ui/date-time";

const requests = (n: number) => `${n} refused request${n === 1 ? "" : "s"}`;

/** Today's (UTC) requests the allowlist refused, by address, the most refused first. */
export function TokenRefusals({ refusals, hasAllowlist }: { refusals: RefusalsToday; hasAllowlist: boolean }) {
  if (refusals.total === 0) {
    return (
      <p className="text-sm text-muted">
        {hasAllowlist ? "No requests from outside the allowlist today." : "No allowlist, so no request is refused for its address."}
      </p>
    );
  }
  return (
    <div className="space-y-1.5 text-sm">
      <p className="font-medium text-warning-text">
        {requests(refusals.total)} from outside the allowlist today (UTC; counts arrive within seconds).
      </p>
      <ul aria-label="Refused requests today, by address" className="space-y-0.5">
        {refusals.addresses.map((a) => (
          <li key={a.ip}>
            {requests(a.requests)} from <span className="font-mono">{a.ip}</span> today{" "}
            <span className="text-muted">
              (last at <DateTime value={a.lastAt} withTime />)
            </span>
          </li>
        ))}
      </ul>
      {refusals.moreAddresses > 0 ? <p className="text-muted">and from {refusals.moreAddresses} more addresses</p> : null}
    </div>
  );
}
