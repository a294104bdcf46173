import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/principal";
import { closeDb, type Db, getDb, openDatabase, setDatabase } from "@/server/db";
import { createWebhook } from "@/server/notifications/webhooks";
import { createToken } from "@/server/tokens/tokens";
import { TEMPLATE_DB, withDatabase } from "../helpers/global-setup";
import { type Receiver, startReceiver } from "../helpers/webhook-receiver";

// Several Tessera instances on one PostgreSQL: separate processes, each with its own
// connection pool, doing the notification work at the same time. Each reminder fires
// once and each event reaches the endpoint once; an instance that stops after part of
// the work leaves nothing lost and nothing repeated for the next ones.
// Runs under `npm run test:pg` only (vitest.config.mts).

const WORKER = path.resolve(__dirname, "../fixtures/notify-worker.ts");
const DAY = 86_400_000;
let url: string;
let db: Db;
let receiver: Receiver;
const admin = { url: process.env.TESSERA_TEST_DATABASE_URL! };

beforeAll(async () => {
  const name = `tessera_test_notify_${Date.now()}`;
  const client = new Client({ connectionString: admin.url });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`).finally(() => client.end());
  url = withDatabase(admin.url, name);
  await closeDb();
  setDatabase(openDatabase({ kind: "postgres", url }));
  db = await getDb();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await closeDb();
  const client = new Client({ connectionString: admin.url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`).finally(() => client.end());
});

type Totals = { reminders: number; events: number; webhooks: number; emails: number };
type Worker = { child: ChildProcess; ready: Promise<void>; done: Promise<Totals> };

function startWorker(once = false): Worker {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER, ...(once ? ["once"] : [])], {
    env: { ...process.env, DATABASE_URL: url, TESSERA_WEBHOOK_ALLOW_PRIVATE: "1", TESSERA_SCHEDULER: "off" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (c: Buffer) => {
    err += c.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("READY")) resolve();
    });
    child.once("exit", () => reject(new Error(`worker exited before it was ready: ${err}`)));
  });
  const done = new Promise<Totals>((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker failed (${code}): ${err}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as Totals);
    });
  });
  return { child, ready, done };
}

async function runTogether(workers: Worker[]): Promise<Totals[]> {
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.child.stdin!.end("go\n");
  return Promise.all(workers.map((w) => w.done));
}

describe("notifications with several instances on one PostgreSQL", () => {
  it("fire each reminder and deliver each event exactly once, across a stop and a restart", { timeout: 120_000 }, async () => {
    const actor: Actor = { type: "system", id: null, name: "system", ip: null };
    const { secret } = await createWebhook({ url: receiver.url, events: [], description: "" }, actor, { allowPrivate: true });
    receiver.setSecret(secret);
    // Slow answers keep the instances busy at the same time.
    receiver.delay(50);
    const now = new Date();
    const soon = new Date(now.getTime() + 3 * DAY).toISOString();
    for (let i = 0; i < 12; i++)
      await createToken({ name: `inst-${i}`, description: "", permissions: { superAdmin: true }, expiresAt: soon }, actor, now);
    for (let i = 0; i < 12; i++) await createToken({ name: `plain-${i}`, description: "", permissions: { superAdmin: true } }, actor, now);

    // One instance does one bounded run and stops; then two run together, then one more starts fresh.
    const first = await runTogether([startWorker(true)]);
    expect(first[0]!.webhooks).toBeGreaterThan(0);
    const delivered = receiver.received.length;
    const pair = await runTogether([startWorker(), startWorker()]);
    const last = await runTogether([startWorker()]);

    const events = await db.notificationEvent.findMany({ select: { messageId: true, type: true } });
    // 24 created + one 7-day reminder for each of the 12 tokens expiring in 3 days.
    expect(events.filter((e) => e.type === "token.created")).toHaveLength(24);
    expect(events.filter((e) => e.type === "token.expiring")).toHaveLength(12);
    expect(await db.tokenExpiryNotice.count({ where: { daysBefore: 7 } })).toBe(12);
    const ids = receiver.received.map((r) => r.id);
    expect(ids).toHaveLength(events.length);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.messageId)));
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    // The pair shared the rest of the work between them; the instance after them found nothing left.
    expect(pair[0]!.webhooks + pair[1]!.webhooks).toBe(events.length - delivered);
    expect(pair.every((t) => t.webhooks > 0)).toBe(true);
    expect(last[0]).toEqual({ reminders: 0, events: 0, webhooks: 0, emails: 0 });
    expect(await db.webhookDelivery.count({ where: { status: { not: "succeeded" } } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { attempts: { not: 1 } } })).toBe(0);
  });
});
