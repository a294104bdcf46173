import type { LastDelivery, WebhookResponse } from "@/lib/schemas/webhook";
import { RelativeTime } from "../tokens/relative-time";
import { Badge } from "../ui/badge";
import { DateTime } from "../ui/date-time";

/** Active, failing (still trying), or disabled — by someone, or by Tessera after a day of failures, which it says. */
export function WebhookStatus({ webhook }: { webhook: WebhookResponse }) {
  if (webhook.disabledReason === "failing")
    return (
      <span className="space-y-1">
        <Badge tone="danger">Disabled by Tessera</Badge>
        <span className="block text-xs text-muted">
          Every delivery failed for a day{webhook.disabledAt ? " until " : ""}
          {webhook.disabledAt ? <DateTime value={webhook.disabledAt} withTime /> : null}. Enable it once the endpoint works.
        </span>
      </span>
    );
  if (webhook.disabled) return <Badge>Disabled</Badge>;
  if (webhook.consecutiveFailures > 0)
    return (
      <span className="space-y-1">
        <Badge tone="warning">Failing</Badge>
        <span className="block text-xs text-muted">
          {webhook.consecutiveFailures} failed attempt{webhook.consecutiveFailures === 1 ? "" : "s"} in a row
        </span>
      </span>
    );
  return <Badge tone="success">Active</Badge>;
}

export const DELIVERY_TONE = { succeeded: "success", pending: "warning", failed: "danger" } as const;
const DELIVERY_WORD = { succeeded: "Delivered", pending: "Pending", failed: "Failed" } as const;

export function DeliveryBadge({ status }: { status: LastDelivery["status"] }) {
  return <Badge tone={DELIVERY_TONE[status]}>{DELIVERY_WORD[status]}</Badge>;
}

/** The newest delivery: its outcome, when, and the event. */
export function LastDeliveryCell({ delivery, now }: { delivery: LastDelivery | null; now: string }) {
  if (!delivery) return <span className="text-muted">None yet</span>;
  return (
    <span className="space-y-0.5">
      <span className="flex items-center gap-2">
        <DeliveryBadge status={delivery.status} />
        {delivery.statusCode !== null ? <span className="font-mono text-xs">{delivery.statusCode}</span> : null}
      </span>
      <span className="block text-xs text-muted">
        <code className="text-xs">{delivery.event}</code> · <RelativeTime value={delivery.at} now={now} />
      </span>
    </span>
  );
}

/** "All events", or the list. */
export function EventList({ events }: { events: readonly string[] }) {
  if (events.length === 0) return <span>All events</span>;
  return (
    <ul className="flex max-w-xs flex-wrap gap-1">
      {events.map((event) => (
        <li key={event}>
          <code className="text-xs">{event}</code>
        </li>
      ))}
    </ul>
  );
}
