// Next's server exposes AsyncLocalStorage globally before loading anything else; its
// request scope (tests/helpers/next-route.ts) needs it. Must stay the first import.
import "next/dist/server/node-environment-baseline";
import { afterAll } from "vitest";
import { closeDb } from "@/server/db";

afterAll(async () => {
  await closeDb();
});
