import type { Metadata } from "next";
import { requireSuperAdmin } from "@/app/(dashboard)/require-super-admin";
import { PageLayout } from "@/components/page-header";
import { GenerateTokenDialog } from "@/components/tokens/generate-token-dialog";
import { SecretRevealProvider } from "@/components/tokens/secret-reveal";
import { TokensEmptyState } from "@/components/tokens/tokens-empty-state";
import { TokensTable } from "@/components/tokens/tokens-table";
import type { SearchParams } from "@/lib/list-query";
import { tokensQueryFromUrl } from "@/lib/schemas/token";
import { loadPermissionCatalog } from "@/server/catalog/options";
import { lifetimeLimit } from "@/server/settings/settings";
import { listTokens } from "@/server/tokens/token-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ searchParams }: { searchParams: SearchParams }) {
  const { refusal } = await requireSuperAdmin(
    "Only super admins can manage API tokens",
    "Ask a super admin to generate a token for you, or to change your role.",
  );
  if (refusal) return refusal;

  const query = tokensQueryFromUrl(await searchParams);
  const now = new Date();
  const [result, catalog, limit] = await Promise.all([listTokens(query, now), loadPermissionCatalog(), lifetimeLimit()]);
  const maxLifetimeDays = limit?.days ?? null;
  const nothingYet = result.total === 0 && !query.q && !query.status && !query.unusedForDays;
  const generate = <GenerateTokenDialog catalog={catalog} maxLifetimeDays={maxLifetimeDays} />;

  return (
    <SecretRevealProvider>
      <PageLayout
        title="API tokens"
        description="Tokens let scripts and tools call Tessera's API with the roles you give them. Each secret is shown once."
        actions={nothingYet ? undefined : generate}
      >
        {nothingYet ? (
          <TokensEmptyState action={generate} />
        ) : (
          <TokensTable
            list={{ ...query, ...result }}
            status={query.status}
            unusedForDays={query.unusedForDays}
            now={now.toISOString()}
            maxLifetimeDays={maxLifetimeDays}
          />
        )}
      </PageLayout>
    </SecretRevealProvider>
  );
}
