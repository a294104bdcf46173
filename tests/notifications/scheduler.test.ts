import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/principal";
import { ConfigError } from "@/server/config";
import type { Db } from "@/server/db";
import { schedulerEnabled, smtpConfig } from "@/server/notifications/config";
import { startScheduler, stopScheduler } from "@/server/notifications/scheduler";
import { openSecret, SecretBoxError, sealSecret } from "@/server/notifications/secret-box";
import { isPublicAddress } from "@/server/notifications/target";
import { createWebhook } from "@/server/notifications/webhooks";
import { shutdownTasks } from "@/server/process-state";
import { createToken } from "@/server/tokens/tokens";
import { useFreshDatabase } from "../helpers/db";
import { makeUser, unique } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";
import { type Receiver, startReceiver } from "../helpers/webhook-receiver";

// The loop a long-lived server runs, its configuration, and the small pure parts.

let db: Db;
let actor: Actor;
let receiver: Receiver;
let userId: number;

beforeAll(async () => {
  db = await useFreshDatabase();
  const user = await makeUser(db, { superAdmin: true });
  userId = user.id;
  actor = { type: "user", id: user.id, name: user.email, ip: null };
  receiver = await startReceiver();
});
afterAll(async () => {
  await stopScheduler();
  await receiver.close();
});

const env = (vars: Record<string, string>) => ({ NODE_ENV: "production", ...vars }) as NodeJS.ProcessEnv;

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the scheduler loop", () => {
  it("delivers in the background, and stops with the shutdown tasks", async () => {
    const { secret } = await createWebhook({ url: receiver.url, events: [], description: "" }, actor, { allowPrivate: true });
    receiver.setSecret(secret);
    startScheduler({ allowPrivate: true, smtp: null }, 50);
    await createToken({ name: unique("loop"), description: "", permissions: { superAdmin: true } }, actor);
    await until(() => receiver.received.length === 1);
    expect(receiver.received[0]).toMatchObject({ type: "token.created", verified: true });

    for (const task of shutdownTasks) await task();
    const { token } = await createToken({ name: unique("after"), description: "", permissions: { superAdmin: true } }, actor);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received).toHaveLength(1);
    expect(await db.notificationEvent.findFirstOrThrow({ where: { tokenId: token.id } })).toMatchObject({ dispatchedAt: null });
  });

  it("runs unless TESSERA_SCHEDULER=off or on Vercel", () => {
    expect(schedulerEnabled(env({}))).toBe(true);
    expect(schedulerEnabled(env({ TESSERA_SCHEDULER: "off" }))).toBe(false);
    expect(schedulerEnabled(env({ VERCEL: "1" }))).toBe(false);
  });
});

describe("configuration and the small parts", () => {
  it("wants TESSERA_SMTP_URL and TESSERA_MAIL_FROM together, with an smtp URL", () => {
    expect(smtpConfig(env({}))).toBeNull();
    expect(smtpConfig(env({ TESSERA_SMTP_URL: "smtp://u:p@mail:587", TESSERA_MAIL_FROM: "t@example.com" }))).toEqual({
      url: "smtp://u:p@mail:587",
      from: "t@example.com",
    });
    expect(() => smtpConfig(env({ TESSERA_SMTP_URL: "smtp://mail" }))).toThrow(ConfigError);
    expect(() => smtpConfig(env({ TESSERA_MAIL_FROM: "t@example.com" }))).toThrow(ConfigError);
    expect(() => smtpConfig(env({ TESSERA_SMTP_URL: "http://mail", TESSERA_MAIL_FROM: "t@example.com" }))).toThrow(/smtp:\/\//);
  });

  it("judges addresses: only public unicast passes", () => {
    const cases: [string, boolean][] = [
      ["93.184.216.34", true],
      ["2606:4700:4700::1111", true],
      ["127.0.0.1", false],
      ["10.0.0.1", false],
      ["172.16.5.4", false],
      ["192.168.1.1", false],
      ["169.254.169.254", false],
      ["100.64.0.1", false],
      ["0.0.0.0", false],
      ["224.0.0.1", false],
      ["255.255.255.255", false],
      ["::1", false],
      ["::", false],
      ["fe80::1", false],
      ["fd12:3456::1", false],
      ["::ffff:10.0.0.1", false],
      ["::ffff:93.184.216.34", true],
      ["64:ff9b::a00:1", false],
      ["2002:a00:1::", false],
      ["not an address", false],
    ];
    expect(cases.map(([a]) => [a, isPublicAddress(a)])).toEqual(cases);
  });

  it("keeps webhook secrets sealed under a key from the session secret", () => {
    const sealed = sealSecret("whsec_abc");
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("abc");
    expect(openSecret(sealed)).toBe("whsec_abc");
    const parts = sealed.split(".");
    const tampered = [...parts.slice(0, 3), Buffer.from("whsec_abd").toString("base64url")].join(".");
    expect(() => openSecret(tampered)).toThrow(SecretBoxError);
    const original = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another-secret-entirely-0123456789";
    try {
      expect(() => openSecret(sealed)).toThrow(/NEXTAUTH_SECRET changed/);
    } finally {
      process.env.NEXTAUTH_SECRET = original;
    }
  });
});

describe("notifyEmails through POST and PATCH /api/v1/tokens", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("stores up to 10 addresses, lower-cased and without repeats, and refuses the rest with 400", async () => {
    const admin = client(server, await sessionCookieFor(userId));
    const { token } = await createToken({ name: unique("patch"), description: "", permissions: { superAdmin: true } }, actor);
    const ok = await admin("PATCH", `/api/v1/tokens/${token.id}`, {
      notifyEmails: [" Ops@Example.com", "ops@example.com", "dev@example.com"],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.notifyEmails).toEqual(["ops@example.com", "dev@example.com"]);
    expect((await admin("GET", `/api/v1/tokens/${token.id}`)).body.notifyEmails).toEqual(["ops@example.com", "dev@example.com"]);

    const tooMany = await admin("PATCH", `/api/v1/tokens/${token.id}`, {
      notifyEmails: Array.from({ length: 11 }, (_, i) => `a${i}@example.com`),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "notifyEmails", message: "must list at most 10 addresses" }],
    });
    const bad = await admin("PATCH", `/api/v1/tokens/${token.id}`, { notifyEmails: ["not-an-email"] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "notifyEmails.0", message: "must be a valid email address" }],
    });
    const notList = await admin("PATCH", `/api/v1/tokens/${token.id}`, { notifyEmails: "ops@example.com" });
    expect(notList.status).toBe(400);
    const cleared = await admin("PATCH", `/api/v1/tokens/${token.id}`, { notifyEmails: [] });
    expect(cleared.body.notifyEmails).toEqual([]);
  });

  it("takes them when the token is generated, by the same rules", async () => {
    const admin = client(server, await sessionCookieFor(userId));
    const made = await admin("POST", "/api/v1/tokens", {
      name: unique("notify"),
      permissions: { superAdmin: true },
      notifyEmails: ["Oncall@Example.com", "oncall@example.com"],
    });
    expect(made.status).toBe(201);
    expect((made.body.token as { notifyEmails: string[] }).notifyEmails).toEqual(["oncall@example.com"]);
    const id = (made.body.token as { id: number }).id;
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).notifyEmails).toEqual(["oncall@example.com"]);
    expect((await admin("POST", "/api/v1/tokens", { name: unique("notify"), permissions: { superAdmin: true } })).body.token).toMatchObject(
      {
        notifyEmails: [],
      },
    );
    const bad = await admin("POST", "/api/v1/tokens", {
      name: unique("notify"),
      permissions: { superAdmin: true },
      notifyEmails: ["nope"],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "notifyEmails.0", message: "must be a valid email address" }],
    });
  });
});
