import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/server/auth/principal";
import { seedDemoData } from "@/server/catalog/seed";
import { useFreshDatabase } from "../helpers/db";

describe("demo data", () => {
  it("creates a realistic catalog once, and nothing the second time", async () => {
    const db = await useFreshDatabase();
    expect(await seedDemoData(SYSTEM_ACTOR)).toEqual({
      projects: 3,
      environments: 4,
      apps: 12,
      deployments: 31,
      helmApps: 4,
      chartGroups: 3,
    });
    expect(await db.environment.count({ where: { production: true } })).toBe(1);
    expect(await seedDemoData(SYSTEM_ACTOR)).toEqual({
      projects: 0,
      environments: 0,
      apps: 0,
      deployments: 0,
      helmApps: 0,
      chartGroups: 0,
    });
    expect(await db.app.count()).toBe(12);
    expect(await db.deployment.count()).toBe(31);
  });
});
