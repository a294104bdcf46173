"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { DELIVERY_STATUSES, type WebhookDeliveryResponse } from "@/lib/schemas/webhook";
import { apiRequest } from "../api-request";
import { UrlFilter } from "../catalog/url-filter";
import { RelativeTime } from "../tokens/relative-time";
import { createDataTableColumnHelper, DataTable, type ListPage, rowActionsColumn } from "../ui/data-table";
import { DropdownMenuItem } from "../ui/dropdown-menu";
import { RowMenu, useRowMenu } from "../ui/row-menu";
import { useToast } from "../ui/toast";
import { DeliveryBadge } from "./webhook-status";

// One endpoint's delivery log, newest first, paged and filtered by status in the URL. While a
// delivery is due within the minute, the page refreshes itself every few seconds, so a test
// event or a redelivery shows its outcome without a reload.

type Row = WebhookDeliveryResponse & { webhookId: number; webhookDisabled: boolean; now: string };
const column = createDataTableColumnHelper<Row>();

const columns = column.columns([
  column.accessor("event", {
    header: "Event",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="space-y-0.5">
        <code className="block text-xs">{row.original.event}</code>
        <span className="block font-mono text-xs text-muted" title="The webhook-id header, the same on every attempt">
          {row.original.messageId}
        </span>
      </span>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="space-y-0.5">
        <DeliveryBadge status={row.original.status} />
        <span className="block text-xs text-muted">
          {row.original.attempts} attempt{row.original.attempts === 1 ? "" : "s"}
        </span>
      </span>
    ),
  }),
  column.accessor("statusCode", {
    header: "Response",
    enableSorting: false,
    cell: ({ row }) => <ResponseCell delivery={row.original} />,
  }),
  column.accessor("durationMs", {
    header: "Duration",
    enableSorting: false,
    meta: { className: "hidden md:table-cell text-right tabular-nums" },
    cell: ({ getValue }) => (getValue() === null ? <span className="text-muted">—</span> : `${getValue()} ms`),
  }),
  column.accessor("lastAttemptAt", {
    header: "Last attempt",
    enableSorting: false,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) =>
      row.original.lastAttemptAt ? (
        <RelativeTime value={row.original.lastAttemptAt} now={row.original.now} />
      ) : (
        <span className="text-muted">Not yet</span>
      ),
  }),
  column.accessor("nextAttemptAt", {
    header: "Next retry",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.status === "pending" && row.original.nextAttemptAt ? (
        <RelativeTime value={row.original.nextAttemptAt} now={row.original.now} />
      ) : (
        <span className="text-muted">—</span>
      ),
  }),
  rowActionsColumn(column, (delivery) => <DeliveryRowActions delivery={delivery} />),
]);

function ResponseCell({ delivery }: { delivery: WebhookDeliveryResponse }) {
  const detail = delivery.error ?? delivery.responseSnippet;
  return (
    <span className="block max-w-xs space-y-0.5">
      {delivery.statusCode !== null ? <span className="font-mono text-xs">HTTP {delivery.statusCode}</span> : null}
      {detail ? (
        <span className="block truncate font-mono text-xs text-muted" title={detail}>
          {detail}
        </span>
      ) : delivery.statusCode === null ? (
        <span className="text-muted">—</span>
      ) : null}
    </span>
  );
}

function DeliveryRowActions({ delivery }: { delivery: Row }) {
  const router = useRouter();
  const { toast } = useToast();
  const menu = useRowMenu();
  const [pending, setPending] = useState(false);
  async function redeliver() {
    setPending(true);
    const result = await apiRequest(`/api/v1/webhooks/${delivery.webhookId}/deliveries/${delivery.id}/redeliver`, { method: "POST" });
    setPending(false);
    if (!result.ok) return toast({ tone: "error", title: "Could not redeliver", description: result.problem.detail });
    toast({ tone: "success", title: "Redelivery queued", description: "It is sent within seconds, under the same webhook-id." });
    router.refresh();
  }
  return (
    <RowMenu name={`${delivery.event} ${delivery.messageId}`} menu={menu} busy={pending}>
      <DropdownMenuItem disabled={pending || delivery.webhookDisabled} onSelect={redeliver}>
        Redeliver
      </DropdownMenuItem>
    </RowMenu>
  );
}

const STATUS_WORDS = { pending: "Pending", succeeded: "Delivered", failed: "Failed" } as const;

export type DeliveryLogProps = {
  list: ListPage<WebhookDeliveryResponse> & { status?: (typeof DELIVERY_STATUSES)[number] };
  webhookId: number;
  webhookDisabled: boolean;
  now: string;
};

export function DeliveryLog({ list, webhookId, webhookDisabled, now }: DeliveryLogProps) {
  const rows = useMemo(
    () => list.data.map((d) => ({ ...d, webhookId, webhookDisabled, now })),
    [list.data, webhookId, webhookDisabled, now],
  );
  useRefreshWhileDue(list.data, now, webhookDisabled);
  return (
    <DataTable
      list={{ ...list, data: rows }}
      columns={columns}
      label="Delivery log"
      noun={list.status ? `${STATUS_WORDS[list.status].toLowerCase()} deliveries` : "deliveries"}
      searchable={false}
      toolbar={<UrlFilter param="status" label="Status" allLabel="All deliveries" options={DELIVERY_STATUSES} value={list.status} />}
      emptyState="Nothing sent yet. Send a test event to see a delivery here."
    />
  );
}

const SOON_MS = 60_000;
const REFRESH_MS = 3_000;

function useRefreshWhileDue(deliveries: WebhookDeliveryResponse[], now: string, paused: boolean) {
  const router = useRouter();
  const due =
    !paused && deliveries.some((d) => d.status === "pending" && d.nextAttemptAt && Date.parse(d.nextAttemptAt) - Date.parse(now) < SOON_MS);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each refresh brings a new `now`, which re-arms the timer while something is still due
  useEffect(() => {
    if (!due) return;
    const timer = setTimeout(() => router.refresh(), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [due, now, router]);
}
