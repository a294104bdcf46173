import { z } from "zod";

/** GET /api/health: "ok" with 200 while the database answers, "unavailable" with 503 while it does not. */
export const healthResponse = z.object({ status: z.enum(["ok", "unavailable"]) });
