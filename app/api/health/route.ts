import { healthResponse } from "@/lib/schemas/health";
import { getDb } from "@/server/db";
import { reply } from "@/server/http/declaration";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  GET: route(
    {
      path: "/api/health",
      tag: "Health",
      summary: "Health: 200 when the database answers, 503 when not",
      access: "public",
      // Load balancers call it as they are; whatever credentials come along are not looked at.
      authenticate: false,
      response: healthResponse,
      noStore: true,
    },
    async () => {
      try {
        const db = await getDb();
        await db.$queryRaw`SELECT 1`;
        return { status: "ok" as const };
      } catch (error) {
        console.error("[tessera] health check failed:", (error as Error)?.message);
        return reply(503, { status: "unavailable" as const });
      }
    },
  ),
});
