import "server-only";
import type { Tx } from "../db";

// Grants name projects, environments, apps and chart groups. Before such a thing is
// deleted, whoever still holds a grant naming it is listed, so the 409 can say so.
// JSONB containment (`@>`) matches a grant whose field equals or lists the name.

type GrantProbe = { project: string } | { environments: string[] } | { apps: string[] } | { groups: string[] };

export async function usersWithGrant(tx: Tx, probe: GrantProbe): Promise<{ names: string[]; total: number }> {
  const where = { superAdmin: false, grants: { array_contains: [probe] } };
  const [rows, total] = await Promise.all([
    tx.user.findMany({ where, select: { email: true }, take: 3, orderBy: { email: "asc" } }),
    tx.user.count({ where }),
  ]);
  return { names: rows.map((r) => r.email), total };
}
