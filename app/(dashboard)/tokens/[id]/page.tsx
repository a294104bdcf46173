import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSuperAdmin } from "@/app/(dashboard)/require-super-admin";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { PageHeader } from "@/components/page-header";
import { SecretRevealProvider } from "@/components/tokens/secret-reveal";
import { TokenAllowlistForm } from "@/components/tokens/token-allowlist-form";
import { TokenDetailActions } from "@/components/tokens/token-detail-actions";
import { TokenDisabledNotice } from "@/components/tokens/token-disabled-notice";
import { TokenEditForm } from "@/components/tokens/token-edit-form";
import { TokenExpirySentence } from "@/components/tokens/token-expiry";
import { TokenExplainer } from "@/components/tokens/token-explainer";
import { TokenGracePanel } from "@/components/tokens/token-grace-panel";
import { TokenRefusals } from "@/components/tokens/token-refusals";
import { TokenUsage } from "@/components/tokens/token-usage";
import { DateTime } from "@/components/ui/date-time";
import { Panel } from "@/components/ui/panel";
import { ApiError } from "@/lib/errors";
import { idParam } from "@/lib/schemas/common";
import { listAuditEvents } from "@/server/audit/list";
import { loadPermissionCatalog } from "@/server/catalog/options";
import { clientIp } from "@/server/client-ip";
import { lifetimeLimit } from "@/server/settings/settings";
import { getGraceOrThrow } from "@/server/tokens/grace";
import { tokenRefusalsToday } from "@/server/tokens/refusals";
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
  const [usage, history, catalog, limit, refusals, grace] = await Promise.all([
    tokenUsageByDay(token.id, 30, now),
    listAuditEvents({ page: 1, pageSize: HISTORY_SIZE, tokenId: token.id }),
    loadPermissionCatalog(),
    lifetimeLimit(),
    tokenRefusalsToday(token.id, now),
    getGraceOrThrow(token.id, now),
  ]);
  const maxLifetimeDays = limit?.days ?? null;
  const ip = clientIp(await headers());

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
        <div className="space-y-2 rounded-xl border border-line bg-surface px-5 py-3 text-sm shadow-sm">
          <TokenDisabledNotice token={token} />
          <TokenExpirySentence expiresAt={token.expiresAt} now={now.toISOString()} />
        </div>
        <TokenGracePanel tokenId={token.id} tokenName={token.name} grace={grace} />
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <TokenEditForm token={token} catalog={catalog} />
          <TokenUsage token={token} usage={usage} now={now.toISOString()} />
        </div>
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Panel titleId="access-title" title="Network access" className="space-y-4">
            <TokenAllowlistForm token={token} yourIp={ip === "unknown" ? null : ip} />
            <div className="border-t border-line pt-4">
              <TokenRefusals refusals={refusals} hasAllowlist={token.allowedIps.length > 0} />
            </div>
          </Panel>
          <TokenExplainer tokenId={token.id} catalog={catalog} />
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
