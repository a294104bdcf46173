import { auditEventResponse, listAuditEventsQuery } from "@/lib/schemas/audit";
import { pageResponse } from "@/lib/schemas/common";
import { listAuditEvents } from "@/server/audit/list";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/v1/audit-events",
      tag: "Audit",
      summary: "Audit events, newest first",
      access: "superAdmin",
      query: listAuditEventsQuery,
      response: pageResponse(auditEventResponse),
      errors: [400],
    },
    async ({ query }) => listAuditEvents(query),
  ),
});
