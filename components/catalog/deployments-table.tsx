"use client";

import type { DeploymentResponse } from "@/lib/schemas/catalog";
import { Badge } from "../ui/badge";
import { DateTime } from "../ui/date-time";
import { Pagination } from "../ui/pagination";
import { useSearchParamsUpdater } from "../ui/use-search-params-updater";

export type DeploymentsTableProps = {
  deployments: DeploymentResponse[];
  total: number;
  page: number;
  pageSize: number;
  productionEnvironments: string[];
};

/** Newest first, paged through the URL (`page`); the list has no search or sort of its own. */
export function DeploymentsTable({ deployments, total, page, pageSize, productionEnvironments }: DeploymentsTableProps) {
  const { update, pending } = useSearchParamsUpdater();
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-xl border border-line bg-surface shadow-sm">
        <table aria-busy={pending || undefined} className="w-full text-left text-sm">
          <caption className="sr-only">Deployments</caption>
          <thead className="border-b border-line bg-surface-muted text-xs font-medium tracking-wide text-muted uppercase">
            <tr>
              {["Environment", "Image", "Status", "Triggered by", "Time"].map((h) => (
                <th key={h} scope="col" className="px-4 py-2.5 whitespace-nowrap">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {deployments.map((d) => (
              <tr key={d.id}>
                <td className="px-4 py-3 whitespace-nowrap">
                  <span className="flex items-center gap-2">
                    {d.environment}
                    {productionEnvironments.includes(d.environment) ? <Badge tone="warning">Production</Badge> : null}
                  </span>
                </td>
                <td className="px-4 py-3">
                  <code className="text-xs break-all">{d.image || "—"}</code>
                </td>
                <td className="px-4 py-3">
                  <Badge tone={d.status === "Succeeded" ? "success" : d.status === "Failed" ? "danger" : "neutral"}>{d.status}</Badge>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{d.triggeredBy}</td>
                <td className="px-4 py-3">
                  <DateTime value={d.createdAt} withTime />
                </td>
              </tr>
            ))}
            {deployments.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-10 text-center text-muted">
                  {total > 0 ? "This page is past the end of the list." : "Not deployed anywhere yet."}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {total > pageSize ? (
        <Pagination
          page={page}
          pageCount={Math.ceil(total / pageSize)}
          pageSize={pageSize}
          total={total}
          noun="deployments"
          disabled={pending}
          onPageChange={(next) => update({ page: next === 1 ? null : next })}
        />
      ) : null}
    </div>
  );
}
