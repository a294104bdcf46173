import Link from "next/link";
import type { AuditEventResponse } from "@/lib/schemas/audit";
import { Badge } from "../ui/badge";
import { cn } from "../ui/cn";
import { DateTime } from "../ui/date-time";
import { summarizeAuditDetails, targetName } from "./audit-details";

export type AuditEventsTableProps = {
  events: AuditEventResponse[];
  /** The table's accessible name. */
  caption: string;
  /** On a token's own page the target column says the same thing on every row. */
  hideTarget?: boolean;
  empty?: string;
};

const TONE = { created: "success", installed: "success", deleted: "danger", regenerated: "warning" } as const;

function actionTone(action: string) {
  const verb = action.split(".").at(-1) ?? "";
  return verb in TONE ? TONE[verb as keyof typeof TONE] : "neutral";
}

/** A plain table of audit events: time, action, actor, target, IP, what changed. */
export function AuditEventsTable({ events, caption, hideTarget = false, empty = "No events yet." }: AuditEventsTableProps) {
  const th = "px-4 py-2.5 whitespace-nowrap";
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-surface-muted text-xs font-medium tracking-wide text-muted uppercase">
          <tr>
            <th scope="col" className={th}>
              Time
            </th>
            <th scope="col" className={th}>
              Action
            </th>
            <th scope="col" className={th}>
              Actor
            </th>
            {hideTarget ? null : (
              <th scope="col" className={th}>
                Target
              </th>
            )}
            <th scope="col" className={cn(th, "hidden 2xl:table-cell")}>
              IP
            </th>
            <th scope="col" className={th}>
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {events.map((event) => (
            <tr key={event.id} className="align-top">
              <td className="px-4 py-3">
                <DateTime value={event.createdAt} withTime />
              </td>
              <td className="px-4 py-3">
                <Badge tone={actionTone(event.action)} className="font-mono">
                  {event.action}
                </Badge>
              </td>
              <td className="px-4 py-3">
                <span className="block max-w-44 truncate" title={event.actor.name}>
                  {event.actor.name}
                  {event.actor.type !== "user" ? <span className="ml-1 text-xs text-muted">({event.actor.type})</span> : null}
                </span>
                {/* Below 1536 px the address rides under the actor instead of taking a column. */}
                {event.ip ? <span className="block font-mono text-xs text-muted 2xl:hidden">{event.ip}</span> : null}
              </td>
              {hideTarget ? null : (
                <td className="max-w-48 px-4 py-3 break-words">
                  <AuditTarget event={event} />
                </td>
              )}
              <td className="hidden px-4 py-3 font-mono text-xs whitespace-nowrap text-muted 2xl:table-cell">{event.ip ?? "—"}</td>
              <td className="min-w-48 px-4 py-3 text-muted">{summarizeAuditDetails(event.action, event.details) || "—"}</td>
            </tr>
          ))}
          {events.length === 0 ? (
            <tr>
              <td colSpan={hideTarget ? 5 : 6} className="px-4 py-10 text-center text-muted">
                {empty}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function AuditTarget({ event }: { event: AuditEventResponse }) {
  const name = targetName(event.details);
  const label = `${event.target.type}${name ? ` ${name}` : ""}`;
  const id = event.target.id;
  if (event.target.type === "token" && id !== null && event.action !== "token.deleted") {
    return (
      <Link href={`/tokens/${id}`}>
        {label} <span className="text-muted">#{id}</span>
      </Link>
    );
  }
  return (
    <span>
      {label}
      {id !== null ? <span className="text-muted"> #{id}</span> : null}
    </span>
  );
}
