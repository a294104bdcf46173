import { Client } from "pg";
import { pgDriver } from "@/server/db/drivers";
import { migrate } from "@/server/db/migrate";

export async function migrateUrl(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await migrate(pgDriver(client), { advisoryLock: true });
  } finally {
    await client.end();
  }
}
