import type { Metadata } from "next";
import { requireSuperAdmin } from "@/app/(dashboard)/require-user";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilters, AuditPagination } from "@/components/audit/audit-filters";
import { PageLayout } from "@/components/page-header";
import { AUDIT_ACTIONS, type ListAuditEventsQuery } from "@/lib/schemas/audit";
import { MAX_PAGE_SIZE } from "@/lib/schemas/common";
import { listAuditEvents } from "@/server/audit/list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const ACTIONS: readonly string[] = AUDIT_ACTIONS;

function positiveInt(value: string | undefined, max = 1_000_000_000): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

/** Bad values in a typed URL fall back to their defaults instead of failing the page. */
function auditQuery(params: Awaited<SearchParams>): ListAuditEventsQuery {
  const action = first(params.action);
  return {
    page: positiveInt(first(params.page), 1_000_000) ?? 1,
    pageSize: positiveInt(first(params.pageSize), MAX_PAGE_SIZE) ?? 50,
    tokenId: positiveInt(first(params.tokenId), 2_147_483_647),
    action: action && ACTIONS.includes(action) ? (action as ListAuditEventsQuery["action"]) : undefined,
  };
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { refusal } = await requireSuperAdmin("Only super admins can read the audit log");
  if (refusal) return refusal;
  const query = auditQuery(await searchParams);
  const result = await listAuditEvents(query);
  return (
    <PageLayout
      title="Audit log"
      description="Every change to tokens, users and the catalog: who did it, when, from where, and what changed. Secrets are never recorded."
    >
      <AuditFilters action={query.action} tokenId={query.tokenId} />
      <AuditEventsTable
        events={result.data}
        caption="Audit events, newest first"
        empty={query.action || query.tokenId ? "No events match these filters." : "No events yet."}
      />
      {result.total > 0 ? <AuditPagination page={result.page} pageSize={result.pageSize} total={result.total} /> : null}
    </PageLayout>
  );
}
