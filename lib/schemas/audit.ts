import { z } from "zod";
import { queryFromUrl, type RawParams } from "../list-query";
import { idNumber, pageQuery } from "./common";

export const AUDIT_ACTIONS = [
  "token.created",
  "token.updated",
  "token.regenerated",
  "token.deleted",
  "token.disabled",
  "token.enabled",
  "token.idle_disabled",
  "token.leaked",
  "token.grace_ended",
  "settings.updated",
  "user.created",
  "user.updated",
  "user.deleted",
  "session.ended",
  "sign-in.succeeded",
  "sign-in.failed",
  "user.sso-linked",
  "project.created",
  "project.updated",
  "project.deleted",
  "environment.created",
  "environment.updated",
  "environment.deleted",
  "app.created",
  "app.updated",
  "app.deleted",
  "deployment.triggered",
  "helm-app.installed",
  "helm-app.updated",
  "helm-app.deleted",
  "chart-group.created",
  "chart-group.updated",
  "chart-group.deleted",
  "catalog.seeded",
] as const;

// The audit log, always newest first: GET /api/v1/audit-events parses it strictly, the audit
// page leniently, showing more events a page by default than the API answers.
export const listAuditEventsQuery = pageQuery.pick({ page: true, pageSize: true }).extend({
  tokenId: idNumber("a token id", { coerce: true }).optional(),
  action: z.enum(AUDIT_ACTIONS, { error: "is not a known action" }).optional(),
});
export const AUDIT_PAGE_DEFAULT_SIZE = 50;
export const auditEventsQueryFromUrl = (params: RawParams) =>
  queryFromUrl(listAuditEventsQuery, params, { pageSize: AUDIT_PAGE_DEFAULT_SIZE });

export const auditEventResponse = z.object({
  id: z.number(),
  action: z.string(),
  actor: z.object({ type: z.enum(["user", "token", "system"]), id: z.number().nullable(), name: z.string() }),
  target: z.object({ type: z.string(), id: z.number().nullable() }),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuery>;
export type AuditEventResponse = z.infer<typeof auditEventResponse>;
