"use client";

import Link from "next/link";
import { useMemo } from "react";
import type { WebhookResponse } from "@/lib/schemas/webhook";
import { createDataTableColumnHelper, DataTable, type ListPage, rowActionsColumn } from "../ui/data-table";
import { WebhookRowActions } from "./webhook-actions";
import { NewWebhookDialog } from "./webhook-dialogs";
import { EventList, LastDeliveryCell, WebhookStatus } from "./webhook-status";

type Row = WebhookResponse & { now: string };
const column = createDataTableColumnHelper<Row>();

const columns = column.columns([
  column.accessor("url", {
    header: "Endpoint",
    enableSorting: false,
    cell: ({ row }) => (
      <span className="block max-w-sm space-y-0.5">
        <Link href={`/webhooks/${row.original.id}`} className="block font-mono text-xs break-all">
          {row.original.url}
        </Link>
        {row.original.description ? <span className="block text-xs text-muted">{row.original.description}</span> : null}
      </span>
    ),
  }),
  column.accessor("events", { header: "Events", enableSorting: false, cell: ({ getValue }) => <EventList events={getValue()} /> }),
  column.accessor("disabled", {
    id: "status",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => <WebhookStatus webhook={row.original} />,
  }),
  column.accessor("lastDelivery", {
    header: "Last delivery",
    enableSorting: false,
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => <LastDeliveryCell delivery={row.original.lastDelivery} now={row.original.now} />,
  }),
  rowActionsColumn(column, (webhook) => <WebhookRowActions webhook={webhook} />),
]);

export function WebhooksTable({ list, now }: { list: ListPage<WebhookResponse>; now: string }) {
  // The server's "now" rides along on each row so the static columns can say "3 minutes ago".
  const rows = useMemo(() => list.data.map((webhook) => ({ ...webhook, now })), [list.data, now]);
  return (
    <DataTable
      list={{ ...list, data: rows }}
      columns={columns}
      label="Webhooks"
      noun="webhooks"
      searchPlaceholder="Search by URL or description"
      toolbar={<NewWebhookDialog />}
      emptyState="No webhooks yet. Add one to tell another system when tokens are created, changed, expire or leak."
    />
  );
}
