import { z } from "zod";
import { ACTIONS, type AccessRequest, type RequestEntity } from "../permissions/policy";
import { grantSchema, NAME_MAX } from "../permissions/schema";

// "Can this token …?": GET /api/v1/tokens/{id}/explain. The query names a request the way
// the policy sees it (lib/permissions/policy.ts AccessRequest): an entity, an action, and the
// names it concerns. A name left out means "all of them" (creating an app concerns the whole
// project), as in the policy.

const REQUEST_ENTITIES = Object.keys(ACTIONS) as [RequestEntity, ...RequestEntity[]];
export type ExplainField = "project" | "environment" | "app" | "group";

/** Which names each entity's requests take: required, optional, or (left out) not applicable. */
export const EXPLAIN_FIELDS: Record<RequestEntity, Partial<Record<ExplainField, "required" | "optional">>> = {
  "devtron-app": { project: "required", environment: "optional", app: "optional" },
  "helm-app": { project: "required", environment: "required", app: "optional" },
  "chart-group": { group: "optional" },
  catalog: {},
};

const name = z.string().trim().min(1, "must not be empty").max(NAME_MAX, `must be at most ${NAME_MAX} characters`);

export const explainQuery = z
  .object({
    entity: z.enum(REQUEST_ENTITIES, { error: `must be one of ${REQUEST_ENTITIES.join(", ")}` }),
    action: z.string().trim().min(1, "must not be empty"),
    project: name.optional(),
    environment: name.optional(),
    app: name.optional(),
    group: name.optional(),
  })
  .superRefine((q, ctx) => {
    const actions: readonly string[] = ACTIONS[q.entity];
    if (!actions.includes(q.action))
      ctx.addIssue({ code: "custom", path: ["action"], message: `must be one of ${actions.join(", ")} for ${q.entity}` });
    for (const field of ["project", "environment", "app", "group"] as const) {
      const rule = EXPLAIN_FIELDS[q.entity][field];
      if (rule === "required" && q[field] === undefined)
        ctx.addIssue({ code: "custom", path: [field], message: `is required for ${q.entity}` });
      if (rule === undefined && q[field] !== undefined)
        ctx.addIssue({ code: "custom", path: [field], message: `does not apply to ${q.entity}` });
    }
  });

export type ExplainQuery = z.infer<typeof explainQuery>;

/** The policy's request for a query explainQuery accepted. */
export function accessRequestOf(q: ExplainQuery): AccessRequest {
  const { entity, action, ...names } = q;
  const given = Object.fromEntries(Object.entries(names).filter(([, value]) => value !== undefined));
  // explainQuery checked the action against the entity and which names it takes.
  return { entity, action, ...given } as AccessRequest;
}

export const explainResponse = z.object({
  allowed: z.boolean(),
  /** Why, in a sentence: the grant that allows it, or what the nearest grant lacks. */
  reason: z.string(),
  /** The grant that allows it; null when refused, or when super admin allows everything. */
  grant: grantSchema.nullable(),
});
