import type { TokenResponse } from "@/lib/schemas/token";
import { DateTime } from "../ui/date-time";
import { Panel } from "../ui/panel";
import { RelativeTime } from "./relative-time";

export type UsageDay = { day: string; requests: number };

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** Last use, the last five addresses, and requests per day over 30 days (a bar chart with its numbers in a table). */
export function TokenUsage({ token, usage, now }: { token: TokenResponse; usage: UsageDay[]; now: string }) {
  const total = usage.reduce((sum, d) => sum + d.requests, 0);
  const max = Math.max(1, ...usage.map((d) => d.requests));
  const busiest = usage.reduce<UsageDay | undefined>((best, d) => (!best || d.requests > best.requests ? d : best), undefined);
  const summary =
    total === 0
      ? "No requests in the last 30 days."
      : `${total} request${total === 1 ? "" : "s"} in the last 30 days; the busiest day was ${dayLabel(busiest!.day)} with ${busiest!.requests}.`;

  return (
    <Panel titleId="usage-title" title="Usage" className="space-y-4">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted">Last used</dt>
        <dd>
          {token.lastUsedAt ? (
            <>
              <RelativeTime value={token.lastUsedAt} now={now} /> <span className="text-muted">·</span>{" "}
              <span className="text-muted">
                <DateTime value={token.lastUsedAt} withTime />
              </span>
            </>
          ) : (
            "Never used"
          )}
        </dd>
        <dt className="text-muted">Recent IPs</dt>
        <dd>
          {token.recentIps.length ? (
            <ul className="space-y-0.5 font-mono text-xs" aria-label="The last 5 addresses, newest first">
              {token.recentIps.map((ip) => (
                <li key={ip}>{ip}</li>
              ))}
            </ul>
          ) : (
            <span className="text-muted">None yet</span>
          )}
        </dd>
      </dl>
      <figure className="space-y-2">
        <figcaption className="text-sm font-medium">Requests per day, last 30 days (UTC)</figcaption>
        <div role="img" aria-label={summary} className="flex h-24 items-end gap-px border-b border-line-strong">
          {usage.map((d) => (
            <div
              key={d.day}
              title={`${dayLabel(d.day)}: ${d.requests} request${d.requests === 1 ? "" : "s"}`}
              className="flex h-full flex-1 items-end"
            >
              <div
                className="w-full rounded-t-sm bg-accent"
                style={{ height: `${d.requests === 0 ? 0 : Math.max(4, (d.requests / max) * 100)}%` }}
              />
            </div>
          ))}
        </div>
        <div className="flex justify-between text-xs text-muted" aria-hidden="true">
          <span>{usage[0] ? dayLabel(usage[0].day) : ""}</span>
          <span>{usage.at(-1) ? dayLabel(usage.at(-1)!.day) : ""}</span>
        </div>
        <p className="text-sm text-muted">{summary}</p>
        <details className="text-sm">
          <summary className="cursor-pointer text-link">Show the numbers</summary>
          <table className="mt-2 w-full text-left text-xs">
            <caption className="sr-only">Requests per day</caption>
            <thead>
              <tr className="text-muted">
                <th scope="col" className="py-1 font-medium">
                  Day (UTC)
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Requests
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {[...usage].reverse().map((d) => (
                <tr key={d.day}>
                  <td className="py-1">{d.day}</td>
                  <td className="py-1 text-right tabular-nums">{d.requests}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    </Panel>
  );
}
