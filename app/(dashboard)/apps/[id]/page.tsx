import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { AppActions } from "@/components/catalog/app-actions";
import { DeployDialog } from "@/components/catalog/deploy-dialog";
import { DeploymentsTable } from "@/components/catalog/deployments-table";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { ApiError } from "@/lib/errors";
import type { SearchParams } from "@/lib/list-query";
import { canDeleteApp, canTriggerDeployment, canUpdateApp } from "@/lib/permissions/policy";
import { deploymentsQueryFromUrl } from "@/lib/schemas/catalog";
import { idParam } from "@/lib/schemas/common";
import { requireUser } from "@/server/auth/current-user";
import type { Principal } from "@/server/auth/principal";
import { getAppOrThrow, listDeployments } from "@/server/catalog/apps";
import { allEnvironments } from "../catalog-names";

export const dynamic = "force-dynamic";

/** The app, or Next's 404 page for an id that is malformed, missing, or not readable (the API's 404, too). */
async function readableAppOr404(user: Principal, rawId: string) {
  const id = idParam.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getAppOrThrow(user, id.data);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  }
}

/** Once per request: the metadata and the page both need the signed-in user and the app. */
const load = cache(async (rawId: string) => {
  const user = await requireUser();
  return { user, app: await readableAppOr404(user, rawId) };
});

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { app } = await load((await params).id);
  return { title: app.name };
}

export default async function AppPage({ params, searchParams }: Props) {
  const { user, app } = await load((await params).id);
  const [deployments, environments] = await Promise.all([
    listDeployments(user, app.id, deploymentsQueryFromUrl(await searchParams)),
    allEnvironments(),
  ]);
  const ref = { project: app.project, name: app.name };
  const deployable = environments.names.filter((env) => canTriggerDeployment(user.permissions, ref, env));

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Link href="/apps" className="text-sm">
          ← Apps
        </Link>
        <PageHeader
          title={app.name}
          description={
            <>
              Devtron app in project <Link href={`/apps?project=${encodeURIComponent(app.project)}`}>{app.project}</Link>
            </>
          }
          actions={
            <>
              <AppActions app={app} canUpdate={canUpdateApp(user.permissions, ref)} canDelete={canDeleteApp(user.permissions, ref)} />
              {deployable.length ? (
                <DeployDialog
                  appId={app.id}
                  appName={app.name}
                  environments={deployable}
                  productionEnvironments={environments.production}
                />
              ) : null}
            </>
          }
        />
      </div>

      <section aria-labelledby="details-title" className="rounded-xl border border-line bg-surface p-6 shadow-sm">
        <h2 id="details-title" className="sr-only">
          Details
        </h2>
        <dl className="grid gap-x-8 gap-y-4 text-sm sm:grid-cols-2">
          <Detail term="Project">{app.project}</Detail>
          <Detail term="Created">
            <DateTime value={app.createdAt} withTime /> by {app.createdBy}
          </Detail>
          <Detail term="Description" wide>
            {app.description || <span className="text-muted">No description.</span>}
          </Detail>
          <Detail term="Labels" wide>
            {app.labels.length ? (
              <ul className="flex flex-wrap gap-2">
                {app.labels.map((l) => (
                  <li key={l.key}>
                    <Badge tone={l.propagate ? "accent" : "neutral"}>
                      {l.key}={l.value}
                      {l.propagate ? <span className="sr-only"> (propagated)</span> : null}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-muted">No labels.</span>
            )}
          </Detail>
          <Detail term="Last updated">
            <DateTime value={app.updatedAt} withTime />
          </Detail>
        </dl>
      </section>

      <section aria-labelledby="deployments-title" className="space-y-4">
        <h2 id="deployments-title" className="text-lg font-semibold">
          Deployments
        </h2>
        <DeploymentsTable
          deployments={deployments.data}
          total={deployments.total}
          page={deployments.page}
          pageSize={deployments.pageSize}
          productionEnvironments={environments.production}
        />
      </section>
    </div>
  );
}

function Detail({ term, wide, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}
