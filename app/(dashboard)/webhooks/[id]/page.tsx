import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSuperAdmin } from "@/app/(dashboard)/require-super-admin";
import { PageHeader } from "@/components/page-header";
import { DateTime } from "@/components/ui/date-time";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { WebhookDetailActions } from "@/components/webhooks/webhook-actions";
import { EventList, WebhookStatus } from "@/components/webhooks/webhook-status";
import { ApiError } from "@/lib/errors";
import type { SearchParams } from "@/lib/list-query";
import { idParam } from "@/lib/schemas/common";
import { deliveriesQueryFromUrl } from "@/lib/schemas/webhook";
import { listDeliveries } from "@/server/notifications/deliveries";
import { getWebhook } from "@/server/notifications/webhooks";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhook" };

async function webhookOrNotFound(rawId: string) {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getWebhook(id.data);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { refusal } = await requireSuperAdmin("Only super admins can manage webhooks");
  if (refusal) return refusal;
  const webhook = await webhookOrNotFound((await params).id);
  const query = deliveriesQueryFromUrl(await searchParams);
  const deliveries = await listDeliveries(webhook.id, query);
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/webhooks" className="underline underline-offset-2">
          Webhooks
        </Link>{" "}
        <span className="text-muted" aria-hidden="true">
          /
        </span>{" "}
        <span aria-current="page" className="text-muted">
          Endpoint {webhook.id}
        </span>
      </nav>
      <PageHeader
        title="Webhook"
        description={
          <>
            <span className="font-mono break-all">{webhook.url}</span> · added by {webhook.createdBy} on{" "}
            <DateTime value={webhook.createdAt} />
          </>
        }
        actions={<WebhookDetailActions webhook={webhook} />}
      />
      <dl className="grid gap-x-6 gap-y-3 rounded-xl border border-line bg-surface px-5 py-4 text-sm shadow-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">Status</dt>
        <dd>
          <WebhookStatus webhook={webhook} />
        </dd>
        <dt className="text-muted">Events</dt>
        <dd>
          <EventList events={webhook.events} />
        </dd>
        <dt className="text-muted">Description</dt>
        <dd>{webhook.description || <span className="text-muted">None</span>}</dd>
      </dl>
      <section aria-labelledby="deliveries-title" className="space-y-3">
        <h2 id="deliveries-title" className="text-base font-semibold">
          Delivery log
        </h2>
        <DeliveryLog
          list={{ ...query, ...deliveries }}
          webhookId={webhook.id}
          webhookDisabled={webhook.disabled}
          now={new Date().toISOString()}
        />
      </section>
    </div>
  );
}
