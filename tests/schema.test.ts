import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { useFreshDatabase } from "./helpers/db";

// The migrations and schema.prisma must describe the same database: every model's
// table has exactly the schema's scalar fields as columns, and the client can read
// every field of every model on a freshly migrated database.

describe("migrations agree with schema.prisma", () => {
  it("has a table with exactly the schema's columns for every model, readable through the client", async () => {
    const db = await useFreshDatabase();
    const models = Object.values(Prisma.ModelName);
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) {
      const fields = Object.values((Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`]!);
      const columns = await db.$queryRaw<{ column_name: string }[]>`
        SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${model}`;
      expect({ model, columns: columns.map((c) => c.column_name).sort() }).toEqual({ model, columns: [...fields].sort() });
      const delegate = (db as unknown as Record<string, { findMany: (a: object) => Promise<unknown[]> }>)[
        model.charAt(0).toLowerCase() + model.slice(1)
      ]!;
      const select = Object.fromEntries(fields.map((f) => [f, true]));
      await expect(delegate.findMany({ select, take: 1 })).resolves.toEqual(expect.any(Array));
    }
  });
});
