import type { Metadata } from "next";
import { requireSuperAdmin } from "@/app/(dashboard)/require-super-admin";
import { PageLayout } from "@/components/page-header";
import { CalendarFeedSection } from "@/components/webhooks/calendar-feed-section";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import type { SearchParams } from "@/lib/list-query";
import { webhooksQueryFromUrl } from "@/lib/schemas/webhook";
import { hasCalendarFeed } from "@/server/notifications/calendar";
import { listWebhooks } from "@/server/notifications/webhooks";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, refusal } = await requireSuperAdmin(
    "Only super admins can manage webhooks",
    "Ask a super admin to add an endpoint for you, or to change your role.",
  );
  if (refusal) return refusal;
  const query = webhooksQueryFromUrl(await searchParams);
  const [result, hasFeed] = await Promise.all([listWebhooks(query), user.type === "user" ? hasCalendarFeed(user.id) : false]);
  return (
    <PageLayout
      title="Webhooks"
      description="Endpoints Tessera tells about token events: created, changed, regenerated, deleted, expiring, expired, leaked. Each request is signed."
    >
      <WebhooksTable list={{ ...query, ...result }} now={new Date().toISOString()} />
      <CalendarFeedSection hasFeed={hasFeed} />
    </PageLayout>
  );
}
