import { listAuditEventsQuery } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/server/audit/list";
import { parseQuery } from "@/server/http/parse";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit-events — super admins; filter by tokenId and action, newest first. */
export const GET = route("superAdmin", async ({ req }) => listAuditEvents(parseQuery(req, listAuditEventsQuery)));
