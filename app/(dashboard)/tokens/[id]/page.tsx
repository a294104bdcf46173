import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSuperAdmin } from "@/app/(dashboard)/require-super-admin";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { PageHeader } from "@/components/page-header";
import { SecretRevealProvider } from "@/components/tokens/secret-reveal";
import { TokenDetailActions } from "@/components/tokens/token-detail-actions";
import { TokenEditForm } from "@/components/tokens/token-edit-form";
import { TokenExpirySentence } from "@/components/tokens/token-expiry";
import { TokenUsage } from "@/components/tokens/token-usage";
import { DateTime } from "@/components/ui/date-time";
import { ApiError } from "@/lib/errors";
import { idParam } from "@/lib/schemas/common";
import { listAuditEvents } from "@/server/audit/list";
import { loadPermissionCatalog } from "@/server/catalog/options";
import { maxTokenLifetimeDays } from "@/server/tokens/config";
import { getTokenOrThrow, tokenUsageByDay } from "@/server/tokens/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API token" };

const HISTORY_SIZE = 10;

async function tokenOrNotFound(rawId: string) {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getTokenOrThrow(id.data);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function TokenPage({ params }: { params: Promise<{ id: string }> }) {
  const { refusal } = await requireSuperAdmin("Only super admins can manage API tokens");
  if (refusal) return refusal;
  const token = await tokenOrNotFound((await params).id);
  const now = new Date();
  const [usage, history, catalog] = await Promise.all([
    tokenUsageByDay(token.id, 30, now),
    listAuditEvents({ page: 1, pageSize: HISTORY_SIZE, tokenId: token.id }),
    loadPermissionCatalog(),
  ]);
  const maxLifetimeDays = maxTokenLifetimeDays();

  return (
    <SecretRevealProvider>
      <div className="space-y-6">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/tokens" className="underline underline-offset-2">
            API tokens
          </Link>{" "}
          <span className="text-muted" aria-hidden="true">
            /
          </span>{" "}
          <span aria-current="page" className="font-mono text-muted">
            {token.name}
          </span>
        </nav>
        <PageHeader
          title={token.name}
          description={
            <>
              <span className="font-mono">{token.preview}</span> · version {token.version} · created by {token.createdBy} on{" "}
              <DateTime value={token.createdAt} /> · last changed by {token.updatedBy}
            </>
          }
          actions={<TokenDetailActions token={token} now={now.toISOString()} maxLifetimeDays={maxLifetimeDays} />}
        />
        <div className="rounded-xl border border-line bg-surface px-5 py-3 text-sm shadow-sm">
          <TokenExpirySentence expiresAt={token.expiresAt} now={now.toISOString()} />
        </div>
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <TokenEditForm token={token} catalog={catalog} />
          <TokenUsage token={token} usage={usage} now={now.toISOString()} />
        </div>
        <section aria-labelledby="history-title" className="space-y-3">
          <div className="flex items-baseline justify-between gap-4">
            <h2 id="history-title" className="text-base font-semibold">
              History
            </h2>
            <Link href={`/audit?tokenId=${token.id}`}>
              {history.total > HISTORY_SIZE ? `All ${history.total} events` : "Open"} in the audit log
            </Link>
          </div>
          <AuditEventsTable events={history.data} caption={`History of ${token.name}`} hideTarget />
        </section>
      </div>
    </SecretRevealProvider>
  );
}
