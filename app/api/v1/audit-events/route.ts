import { listAuditEventsQuery } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/server/audit/list";
import { methods } from "@/server/http/methods";
import { parseQuery } from "@/server/http/parse";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/audit-events — super admins; filter by tokenId and action, newest first. */
  GET: route("superAdmin", async ({ req }) => listAuditEvents(parseQuery(req, listAuditEventsQuery))),
});
