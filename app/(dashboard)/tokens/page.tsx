import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { SuperAdminOnly } from "@/components/super-admin-only";
import { GenerateTokenDialog } from "@/components/tokens/generate-token-dialog";
import { SecretRevealProvider } from "@/components/tokens/secret-reveal";
import { TokensEmptyState } from "@/components/tokens/tokens-empty-state";
import { TokensTable } from "@/components/tokens/tokens-table";
import type { SearchParams } from "@/lib/list-query";
import { TOKENS_DEFAULT_SORT, tokensQueryFromUrl } from "@/lib/schemas/token";
import { requireUser } from "@/server/auth/current-user";
import { isSuperAdmin } from "@/server/auth/principal";
import { loadPermissionCatalog } from "@/server/catalog/options";
import { maxTokenLifetimeDays } from "@/server/tokens/config";
import { listTokens } from "@/server/tokens/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  if (!isSuperAdmin(user)) {
    return (
      <SuperAdminOnly title="Only super admins can manage API tokens">
        <p>You are signed in as {user.label}, which is not a super admin account.</p>
        <p>Ask a super admin to generate a token for you, or to change your role.</p>
      </SuperAdminOnly>
    );
  }

  const query = tokensQueryFromUrl(await searchParams);
  const now = new Date();
  const [result, catalog] = await Promise.all([listTokens(query, now), loadPermissionCatalog()]);
  const maxLifetimeDays = maxTokenLifetimeDays();
  const nothingYet = result.total === 0 && !query.q && !query.status;
  const generate = <GenerateTokenDialog catalog={catalog} maxLifetimeDays={maxLifetimeDays} />;

  return (
    <SecretRevealProvider>
      <div className="space-y-6">
        <PageHeader
          title="API tokens"
          description="Tokens let scripts and tools call Tessera's API with the roles you give them. Each secret is shown once."
          actions={nothingYet ? undefined : generate}
        />
        {nothingYet ? (
          <TokensEmptyState action={generate} />
        ) : (
          <TokensTable
            tokens={result.data}
            total={result.total}
            page={result.page}
            pageSize={result.pageSize}
            sort={query.sort ?? TOKENS_DEFAULT_SORT}
            q={query.q}
            status={query.status}
            now={now.toISOString()}
            maxLifetimeDays={maxLifetimeDays}
          />
        )}
      </div>
    </SecretRevealProvider>
  );
}
