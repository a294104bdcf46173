import "server-only";
import { MAX_PAGE_SIZE } from "@/lib/schemas/common";
import { listEnvironments } from "@/server/catalog/environments";
import { listProjects } from "@/server/catalog/projects";

// Every project and environment name, for filters and form selects on the catalog pages.
// Both lists are readable by any signed-in principal (docs/decisions.md). Shared by the
// apps and Helm apps pages; paged through the services so no list is silently cut at 100.

const MAX_PAGES = 50;

async function allNames(list: (p: { page: number; pageSize: number }) => Promise<{ data: { name: string }[]; total: number }>) {
  const names: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await list({ page, pageSize: MAX_PAGE_SIZE });
    names.push(...result.data.map((r) => r.name));
    if (result.data.length < MAX_PAGE_SIZE || names.length >= result.total) break;
  }
  return names;
}

export const allProjectNames = () => allNames(listProjects);

/** Names, and which of them are production environments. */
export async function allEnvironments(): Promise<{ names: string[]; production: string[] }> {
  const all: { name: string; production: boolean }[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await listEnvironments({ page, pageSize: MAX_PAGE_SIZE });
    all.push(...result.data);
    if (result.data.length < MAX_PAGE_SIZE || all.length >= result.total) break;
  }
  return { names: all.map((e) => e.name), production: all.filter((e) => e.production).map((e) => e.name) };
}
