import { getDb } from "@/server/db";
import { methods } from "@/server/http/methods";
import { json } from "@/server/http/respond";

export const dynamic = "force-dynamic";

/** GET /api/health — 200 when the database answers, 503 when it does not. */
async function health() {
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    return json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[tessera] health check failed:", (error as Error)?.message);
    return json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: health });
