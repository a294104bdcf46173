import { z } from "zod";
import { permissionsSchema } from "../permissions/schema";

/** GET /api/v1/me: who the caller is, a signed-in user or a token, and what it may do. */
export const meResponse = z.object({
  type: z.enum(["user", "token"]),
  id: z.number().int(),
  name: z.string(),
  permissions: permissionsSchema,
});
