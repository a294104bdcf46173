import { Webhook as Verifier } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/principal";
import type { Db } from "@/server/db";
import type { NotifierOptions, Resolve } from "@/server/notifications/config";
import { listDeliveries, redeliverDelivery, sendTestEvent } from "@/server/notifications/deliveries";
import { runDueWork } from "@/server/notifications/scheduler";
import { openSecret } from "@/server/notifications/secret-box";
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, newWebhookSecret, updateWebhook } from "@/server/notifications/webhooks";
import { createToken, deleteToken } from "@/server/tokens/tokens";
import { useFreshDatabase } from "../helpers/db";
import { makeUser, unique } from "../helpers/fixtures";
import { type Receiver, startReceiver } from "../helpers/webhook-receiver";

// Webhooks end to end over real HTTP: a receiver on loopback verifies every request with
// the standardwebhooks library. The scheduler's clock is the test's, so retries are
// reached by moving it, never by sleeping; only the timeout test waits (for 300 ms).

let db: Db;
let actor: Actor;
let receiver: Receiver;
let clock: Date;

const SECOND = 1000;
const allowPrivate = { allowPrivate: true };
const options = (more: Partial<NotifierOptions> = {}): Partial<NotifierOptions> => ({
  now: () => clock,
  smtp: null,
  allowPrivate: true,
  webhookTimeoutMs: 2_000,
  retentionDays: 3650,
  ...more,
});
const run = (more: Partial<NotifierOptions> = {}) => runDueWork(options(more));
const tick = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

beforeAll(async () => {
  db = await useFreshDatabase();
  const user = await makeUser(db, { superAdmin: true });
  actor = { type: "user", id: user.id, name: user.email, ip: null };
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

beforeEach(async () => {
  clock = new Date();
  receiver.answer(204);
  receiver.reset();
  // Each test starts with no endpoints and nothing pending.
  await db.webhook.deleteMany();
  await run();
});

async function hook(events: string[] = [], url = receiver.url) {
  const made = await createWebhook({ url, events: events as never, description: "" }, actor, allowPrivate, clock);
  receiver.setSecret(made.secret);
  return made;
}
const makeToken = () => createToken({ name: unique("wh"), description: "", permissions: { superAdmin: true } }, actor, clock);
const deliveriesOf = async (webhookId: number) => (await listDeliveries(webhookId, { page: 1, pageSize: 100 })).data;

describe("webhook endpoints", () => {
  it("returns the whsec_ secret once, stores it only encrypted, and audits every change", async () => {
    const { webhook, secret } = await hook(["token.created"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhook).toMatchObject({
      url: receiver.url,
      events: ["token.created"],
      disabled: false,
      disabledReason: null,
      createdBy: actor.name,
    });
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row.secretEncrypted).not.toContain(secret.slice(6));
    expect(openSecret(row.secretEncrypted)).toBe(secret);
    expect(JSON.stringify([await getWebhook(webhook.id), await listWebhooks({ page: 1, pageSize: 20 })])).not.toContain(secret.slice(6));

    const edited = await updateWebhook(webhook.id, { events: [], description: "all events", disabled: true }, actor, allowPrivate);
    expect(edited).toMatchObject({ events: [], description: "all events", disabled: true, disabledReason: "manual" });
    await deleteWebhook(webhook.id, actor);
    await expect(getWebhook(webhook.id)).rejects.toMatchObject({ code: "not_found" });
    const audit = await db.auditEvent.findMany({ where: { targetType: "webhook", targetId: webhook.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["webhook.created", "webhook.updated", "webhook.deleted"]);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(6));
  });

  it("delivers each event once, signed per Standard Webhooks, with the outbox's body and id", async () => {
    const { webhook, secret } = await hook();
    const { token } = await makeToken();
    const done = await run();
    expect(done).toMatchObject({ events: 1, webhooks: 1 });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.verified).toBe(true);
    const event = await db.notificationEvent.findFirstOrThrow({ where: { tokenId: token.id } });
    expect(got.id).toBe(event.messageId);
    expect(got.body).toEqual(event.payload);
    expect(got.body).toMatchObject({ type: "token.created", data: { token: { id: token.id, name: token.name } } });
    // The signature is the library's: another secret does not verify it.
    const headers = { "webhook-id": got.id, "webhook-timestamp": got.timestamp };
    expect(() => new Verifier(newWebhookSecret()).verify(got.raw, { ...headers, "webhook-signature": "v1,x" })).toThrow();
    expect(Math.abs(Number(got.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(secret).not.toBe("");

    await run();
    tick(3600 * SECOND);
    await run();
    expect(receiver.received).toHaveLength(1);
    expect(await deliveriesOf(webhook.id)).toEqual([
      expect.objectContaining({
        messageId: event.messageId,
        event: "token.created",
        status: "succeeded",
        attempts: 1,
        statusCode: 204,
        nextAttemptAt: null,
      }),
    ]);
  });

  it("sends an endpoint only the events it subscribes to", async () => {
    await hook(["token.deleted"]);
    const { token } = await makeToken();
    await run();
    expect(receiver.received).toHaveLength(0);
    await deleteToken(token.id, actor);
    await run();
    expect(receiver.received.map((r) => r.type)).toEqual(["token.deleted"]);
  });
});

describe("retries", () => {
  it("retries after a 500 on the backoff schedule, under the same webhook-id", async () => {
    const { webhook } = await hook();
    receiver.answer(500);
    await makeToken();
    await run();
    const [first] = await deliveriesOf(webhook.id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, statusCode: 500, responseSnippet: "nope 500", error: "answered 500" });
    expect(Date.parse(first!.nextAttemptAt!) - clock.getTime()).toBe(5 * SECOND);
    tick(4 * SECOND);
    await run();
    expect(receiver.received).toHaveLength(1);
    receiver.answer(200);
    tick(SECOND);
    await run();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const [after] = await deliveriesOf(webhook.id);
    expect(after).toMatchObject({
      status: "succeeded",
      attempts: 2,
      statusCode: 200,
      responseSnippet: "ok",
      error: null,
      nextAttemptAt: null,
    });
    const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: after!.id }, orderBy: { id: "asc" } });
    expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 200],
    ]);
  });

  it("counts a request that does not answer in time as a failure, and retries it", async () => {
    const { webhook } = await hook();
    receiver.answer("hang");
    await makeToken();
    const started = performance.now();
    await run({ webhookTimeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(10_000);
    const [first] = await deliveriesOf(webhook.id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, statusCode: null, error: "timed out after 300 ms" });
    expect(first!.durationMs).toBeGreaterThanOrEqual(250);
    receiver.answer(204);
    tick(5 * SECOND);
    await run({ webhookTimeoutMs: 300 });
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ status: "succeeded", attempts: 2, statusCode: 204 });
  });

  it("gives up after the schedule, and disables an endpoint that kept failing for long enough, once, with an audit event", async () => {
    const { webhook } = await hook();
    receiver.answer(503);
    const quick = { retryDelaysMs: [SECOND, SECOND, 3600 * SECOND], disableAfterFailures: 3, disableAfterMs: 3600 * SECOND };
    await makeToken();
    await run(quick);
    tick(SECOND);
    await run(quick);
    tick(SECOND);
    await run(quick);
    // Three failures in two seconds: failing, but not for long enough to be disabled.
    expect(await getWebhook(webhook.id)).toMatchObject({ disabled: false });
    tick(3600 * SECOND);
    await run(quick);
    expect(receiver.received).toHaveLength(4);
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ status: "failed", attempts: 4, nextAttemptAt: null });
    expect(await getWebhook(webhook.id)).toMatchObject({ disabled: true, disabledReason: "failing" });
    const audit = await db.auditEvent.findMany({ where: { targetType: "webhook", targetId: webhook.id, action: "webhook.disabled" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "system",
      details: expect.objectContaining({ reason: "failing", consecutiveFailures: 4 }),
    });

    // A disabled endpoint receives nothing new; enabling it starts its count over.
    await makeToken();
    await run(quick);
    expect(receiver.received).toHaveLength(4);
    expect(await deliveriesOf(webhook.id)).toHaveLength(1);
    await updateWebhook(webhook.id, { disabled: false }, actor, allowPrivate);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ consecutiveFailures: 0, failingSince: null });
  });

  it("redelivers on request and sends a test event, both signed", async () => {
    const { webhook } = await hook();
    receiver.answer(500);
    await makeToken();
    await run({ retryDelaysMs: [] });
    const [failed] = await deliveriesOf(webhook.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    receiver.answer(204);
    const again = await redeliverDelivery(webhook.id, failed!.id, actor, clock);
    expect(again).toMatchObject({ status: "pending", nextAttemptAt: clock.toISOString() });
    await run();
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ id: failed!.id, status: "succeeded", attempts: 2 });
    expect(receiver.received.map((r) => r.id)).toEqual([failed!.messageId, failed!.messageId]);

    const test = await sendTestEvent(webhook.id, actor, clock);
    await run();
    const last = receiver.received.at(-1)!;
    expect(last).toMatchObject({ id: test.messageId, type: "webhook.test", verified: true });
    expect(last.body.data).toEqual({ webhook: { id: webhook.id, url: receiver.url } });
    await expect(redeliverDelivery(webhook.id, 999_999, actor)).rejects.toMatchObject({ code: "not_found" });
    await updateWebhook(webhook.id, { disabled: true }, actor, allowPrivate);
    await expect(sendTestEvent(webhook.id, actor)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("retention", () => {
  it("deletes finished events with their delivery logs after the retention period, never pending ones", async () => {
    const { webhook } = await hook();
    const done = await makeToken();
    await run();
    receiver.answer(500);
    const retrying = await makeToken();
    await run();
    const [pending, succeeded] = await deliveriesOf(webhook.id);
    expect([pending!.status, succeeded!.status]).toEqual(["pending", "succeeded"]);
    tick(31 * 86_400 * SECOND);
    const result = await run({ retentionDays: 30 });
    expect(result.pruned).toBeGreaterThanOrEqual(1);
    expect(await db.notificationEvent.count({ where: { tokenId: done.token.id, type: "token.created" } })).toBe(0);
    expect(await db.webhookAttempt.count({ where: { deliveryId: succeeded!.id } })).toBe(0);
    expect(await db.notificationEvent.count({ where: { tokenId: retrying.token.id, type: "token.created" } })).toBe(1);
    // (The jump also expired every token so far: their token.expired deliveries are new.)
    const left = (await deliveriesOf(webhook.id)).map((d) => d.id);
    expect(left).toContain(pending!.id);
    expect(left).not.toContain(succeeded!.id);
  });
});

describe("private targets (SSRF)", () => {
  const publicIp = "93.184.216.34";
  const resolveTo =
    (address: string): Resolve =>
    async () => [{ address, family: address.includes(":") ? 6 : 4 }];
  const refuse = { allowPrivate: false, resolve: resolveTo(publicIp) };

  it("refuses loopback, private, link-local and mapped addresses when a webhook is saved", async () => {
    for (const url of [
      "http://127.0.0.1/hooks",
      "http://localhost/hooks",
      "http://[::1]/hooks",
      "http://10.1.2.3/hooks",
      "http://192.168.0.10/hooks",
      "http://169.254.169.254/latest/meta-data",
      "http://[::ffff:127.0.0.1]/hooks",
      "http://[fd00::1]/hooks",
      "http://0.0.0.0/hooks",
      "http://0x7f.1/hooks",
    ]) {
      const check = url.includes("localhost") ? { allowPrivate: false, resolve: resolveTo("127.0.0.1") } : refuse;
      await expect(createWebhook({ url, events: [], description: "" }, actor, check)).rejects.toMatchObject({
        code: "validation_failed",
        errors: [{ path: "url", message: expect.stringMatching(/is refused: .*(loopback|private)/) }],
      });
    }
    const inside = { allowPrivate: false, resolve: resolveTo("10.0.0.7") };
    await expect(createWebhook({ url: "https://hooks.example.test/", events: [], description: "" }, actor, inside)).rejects.toMatchObject({
      errors: [{ path: "url", message: expect.stringContaining("resolves to 10.0.0.7") }],
    });
    const nowhere = { allowPrivate: false, resolve: () => Promise.reject(new Error("ENOTFOUND")) };
    await expect(
      createWebhook({ url: "https://nowhere.example.test/", events: [], description: "" }, actor, nowhere),
    ).rejects.toMatchObject({
      errors: [{ path: "url", message: expect.stringContaining("does not resolve") }],
    });
    const made = await createWebhook({ url: `https://${publicIp}/hooks`, events: [], description: "" }, actor, refuse);
    expect(made.webhook.url).toBe(`https://${publicIp}/hooks`);
    await deleteWebhook(made.webhook.id, actor);
  });

  it("checks again at delivery, against the addresses the request connects to", async () => {
    // Saved while private targets were allowed; delivered after they no longer are.
    const literal = await hook();
    await makeToken();
    await run({ allowPrivate: false });
    expect(receiver.hits).toBe(0);
    expect((await deliveriesOf(literal.webhook.id))[0]).toMatchObject({
      status: "pending",
      statusCode: null,
      error: expect.stringMatching(/127\.0\.0\.1 is a loopback/),
    });
    await deleteWebhook(literal.webhook.id, actor);

    // A name that resolved to a public address when saved, and to loopback at delivery.
    const port = new URL(receiver.url).port;
    const named = await createWebhook({ url: `http://hooks.example.test:${port}/hooks`, events: [], description: "" }, actor, refuse);
    receiver.setSecret(named.secret);
    await makeToken();
    await run({ allowPrivate: false, resolve: resolveTo("127.0.0.1") });
    expect(receiver.hits).toBe(0);
    expect((await deliveriesOf(named.webhook.id))[0]).toMatchObject({
      error: expect.stringMatching(/resolves to 127\.0\.0\.1, a private address/),
    });
    // Allowed, the same name reaches the receiver through the same resolver: the checked address is the one connected to.
    tick(5 * SECOND);
    await run({ allowPrivate: true, resolve: resolveTo("127.0.0.1") });
    expect(receiver.hits).toBe(1);
    expect(receiver.received[0]).toMatchObject({ verified: true });
  });
});

describe("several schedulers in one process", () => {
  it("deliver each event once", async () => {
    await hook();
    await Promise.all(Array.from({ length: 5 }, () => makeToken()));
    await Promise.all([run(), run(), run()]);
    await run();
    const ids = receiver.received.map((r) => r.id);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });
});
