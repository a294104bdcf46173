import { getDb } from "@/server/db";
import { json } from "@/server/http/respond";

export const dynamic = "force-dynamic";

/** GET /api/health — 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    return json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[tessera] health check failed:", (error as Error)?.message);
    return json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
