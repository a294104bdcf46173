import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createToken, type ProductionServer, signIn, startProductionServer, waitForHealth } from "../tests/helpers/production-server";
import { e2ePorts } from "./ports";

// Production servers of this test's own (scripts/serve.mjs, on the build `npm test` made)
// on one embedded data folder: the folder has one owner, a second server is refused
// before it opens the folder, and a `kill -9` of the owner blocks nothing.

const { lockOwner: PORT, lockOther: OTHER_PORT } = e2ePorts();
const ADMIN = { TESSERA_ADMIN_EMAIL: "owner@tessera.test", TESSERA_ADMIN_PASSWORD: "owner-password-123" };

const started: ProductionServer[] = [];
let dir = "";

function start(port: number): ProductionServer {
  const server = startProductionServer(port, { TESSERA_DATA_DIR: dir, ...ADMIN });
  started.push(server);
  return server;
}

/** Its exit code; a server that is still running after a minute was not refused. */
async function refusal(server: ProductionServer): Promise<number | null | "still running"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"still running">((resolve) => {
    timer = setTimeout(() => resolve("still running"), 60_000);
  });
  return Promise.race([server.exited, timeout]).finally(() => clearTimeout(timer));
}

async function me(server: ProductionServer, secret: string): Promise<number> {
  return (await fetch(`${server.url}/api/v1/me`, { headers: { token: secret } })).status;
}

test.beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tessera-lock-e2e-"));
});

test.afterEach(async () => {
  for (const server of started.splice(0)) await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("one data folder, one server: a second is refused, a killed owner's lock blocks nothing, and no token is lost", async () => {
  test.setTimeout(300_000);
  const owner = start(PORT);
  await waitForHealth(owner);
  const cookie = await signIn(owner.url, ADMIN.TESSERA_ADMIN_EMAIL, ADMIN.TESSERA_ADMIN_PASSWORD);
  const secrets: string[] = [];
  for (let i = 0; i < 3; i++) secrets.push(await createToken(owner.url, cookie, `lock-e2e-${i}`));

  const samePort = start(PORT);
  expect(await refusal(samePort)).toBe(1);
  expect(samePort.output()).toContain(`cannot start: cannot listen on 127.0.0.1:${PORT}: another process uses that port`);

  const otherPort = start(OTHER_PORT);
  expect(await refusal(otherPort)).toBe(1);
  expect(otherPort.output()).toContain(`cannot start: The data folder ${dir} is in use by process ${owner.child.pid} on `);
  expect(otherPort.output()).toContain("stop that process first, or give this one its own TESSERA_DATA_DIR");
  // Refused at start, before it served anything, and before PGlite opened the folder
  // (it never reached the migrations).
  expect(otherPort.output()).not.toContain("Tessera is listening");
  expect(otherPort.output()).not.toContain("Applied migration");

  // The owner did not notice.
  await waitForHealth(owner);
  for (const secret of secrets) expect(await me(owner, secret)).toBe(200);

  await owner.stop("SIGKILL");
  const next = start(PORT);
  await waitForHealth(next);
  for (const secret of secrets) expect(await me(next, secret)).toBe(200);
  const list = await fetch(`${next.url}/api/v1/tokens?q=lock-e2e-`, { headers: { token: secrets[0]! } });
  expect(((await list.json()) as { total: number }).total).toBe(3);
});
