import { afterAll } from "vitest";
import { closeDb } from "@/server/db";

afterAll(async () => {
  await closeDb();
});
