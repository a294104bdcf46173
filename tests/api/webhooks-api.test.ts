import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TOKEN_EVENT_TYPES } from "@/lib/schemas/webhook";
import type { Db } from "@/server/db";
import { useFreshDatabase } from "../helpers/db";
import { makeUser } from "../helpers/fixtures";
import { client, sessionCookieFor, startServer, type TestServer } from "../helpers/http";
import { invalid, problem } from "../helpers/problem";
import { type Receiver, startReceiver } from "../helpers/webhook-receiver";

// /api/v1/webhooks… and the cron route over real HTTP, as a super admin with a session
// cookie: endpoints made through the API deliver real token events, signed, to a receiver on
// loopback that verifies them with the standardwebhooks library; the work is done by
// GET /api/cron/notifications, as Vercel Cron calls it. Each refusal is compared whole.

let db: Db;
let server: TestServer;
let admin: ReturnType<typeof client>;
let viewer: ReturnType<typeof client>;
let anon: ReturnType<typeof client>;
let receiver: Receiver;
let tokenSecret: string;

const CRON_SECRET = "cron-secret-for-the-webhooks-test-0123";
const saved = { cron: process.env.CRON_SECRET, allow: process.env.TESSERA_WEBHOOK_ALLOW_PRIVATE };
const iso = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const WHSEC = expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/);

beforeAll(async () => {
  process.env.CRON_SECRET = CRON_SECRET;
  db = await useFreshDatabase();
  server = await startServer();
  const user = await makeUser(db, { email: "hooks-admin@example.com", superAdmin: true });
  admin = client(server, await sessionCookieFor(user.id));
  viewer = client(server, await sessionCookieFor((await makeUser(db, { email: "hooks-viewer@example.com" })).id));
  anon = client(server);
  receiver = await startReceiver();
  const made = await admin("POST", "/api/v1/tokens", { name: "hooks-admin-token", permissions: { superAdmin: true } });
  tokenSecret = made.body.secret as string;
});
afterAll(async () => {
  process.env.CRON_SECRET = saved.cron;
  if (saved.cron === undefined) delete process.env.CRON_SECRET;
  await receiver.close();
  await server.close();
});

beforeEach(async () => {
  process.env.TESSERA_WEBHOOK_ALLOW_PRIVATE = "1";
  receiver.answer(204);
  receiver.reset();
  // Each test starts with no endpoints and no work left over.
  await db.webhook.deleteMany();
  await cron();
});
afterEach(() => {
  if (saved.allow === undefined) delete process.env.TESSERA_WEBHOOK_ALLOW_PRIVATE;
  else process.env.TESSERA_WEBHOOK_ALLOW_PRIVATE = saved.allow;
});

const cron = (authorization = `Bearer ${CRON_SECRET}`) => anon("GET", "/api/cron/notifications", undefined, { authorization });

type WebhookJson = { id: number; url: string; events: string[]; disabled: boolean };

async function createHook(body: Record<string, unknown> = {}) {
  const res = await admin("POST", "/api/v1/webhooks", { url: receiver.url, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  receiver.setSecret(res.body.secret as string);
  return { webhook: res.body.webhook as WebhookJson, secret: res.body.secret as string };
}

let tokens = 0;
async function createToken() {
  tokens += 1;
  const res = await admin("POST", "/api/v1/tokens", { name: `hooked-${tokens}`, permissions: { superAdmin: true } });
  expect(res.status).toBe(201);
  return res.body.token as { id: number; name: string };
}

describe("POST /api/v1/webhooks", () => {
  it("answers 201 with the endpoint and its whsec_ secret, no-store; the secret is never shown again", async () => {
    const res = await admin("POST", "/api/v1/webhooks", {
      url: receiver.url,
      events: ["token.created", "token.deleted"],
      description: "CI notifications",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toEqual({
      secret: WHSEC,
      webhook: {
        id: expect.any(Number),
        url: receiver.url,
        description: "CI notifications",
        events: ["token.created", "token.deleted"],
        disabled: false,
        disabledReason: null,
        disabledAt: null,
        consecutiveFailures: 0,
        failingSince: null,
        lastDelivery: null,
        createdAt: iso,
        createdBy: "hooks-admin@example.com",
        updatedAt: iso,
        updatedBy: "hooks-admin@example.com",
      },
    });
    const secret = res.body.secret as string;
    const id = (res.body.webhook as WebhookJson).id;
    const read = await admin("GET", `/api/v1/webhooks/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body.webhook);
    const list = await admin("GET", "/api/v1/webhooks");
    expect(list.body).toEqual({ data: [res.body.webhook], page: 1, pageSize: 20, total: 1 });
    const edited = await admin("PATCH", `/api/v1/webhooks/${id}`, { description: "changed" });
    const base64 = secret.slice("whsec_".length);
    for (const answer of [read, list, edited]) expect(JSON.stringify(answer.body)).not.toContain(base64);
    const audit = await db.auditEvent.findMany({ where: { targetType: "webhook", targetId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["webhook.created", "webhook.updated"]);
    expect(JSON.stringify(audit)).not.toContain(base64);
  });

  it("delivers a token created through the API to a loopback receiver, signed as Standard Webhooks says", async () => {
    const { webhook } = await createHook({ events: ["token.created"] });
    receiver.answer(200);
    const token = await createToken();
    const done = await cron();
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ events: 1, webhooks: 1 });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.verified).toBe(true);
    expect(got.body).toMatchObject({ type: "token.created", timestamp: iso, data: { token: { id: token.id, name: token.name } } });

    const log = await admin("GET", `/api/v1/webhooks/${webhook.id}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body).toEqual({
      data: [
        {
          id: expect.any(Number),
          messageId: got.id,
          event: "token.created",
          status: "succeeded",
          attempts: 1,
          statusCode: 200,
          durationMs: expect.any(Number),
          responseSnippet: "ok",
          error: null,
          lastAttemptAt: iso,
          nextAttemptAt: null,
          createdAt: iso,
        },
      ],
      page: 1,
      pageSize: 20,
      total: 1,
    });
    const delivery = (log.body.data as { id: number }[])[0]!;
    const listed = await admin("GET", "/api/v1/webhooks");
    expect((listed.body.data as { lastDelivery: unknown }[])[0]!.lastDelivery).toEqual({
      id: delivery.id,
      event: "token.created",
      status: "succeeded",
      statusCode: 200,
      at: iso,
    });
  });

  it("takes every event with events: [] and only the listed ones otherwise", async () => {
    const { webhook: all } = await createHook({ events: [] });
    const { webhook: deletions } = await createHook({ events: ["token.deleted"] });
    const token = await createToken();
    await admin("DELETE", `/api/v1/tokens/${token.id}`);
    await cron();
    const events = async (id: number) =>
      ((await admin("GET", `/api/v1/webhooks/${id}/deliveries`)).body.data as { event: string }[]).map((d) => d.event);
    expect(await events(all.id)).toEqual(["token.deleted", "token.created"]);
    expect(await events(deletions.id)).toEqual(["token.deleted"]);
  });

  it.each([
    ["no url", {}, [{ path: "url", message: "is required" }]],
    ["an ftp URL", { url: "ftp://example.com/x" }, [{ path: "url", message: "must be an http:// or https:// URL" }]],
    ["not a URL", { url: "hooks" }, [{ path: "url", message: "must be an http:// or https:// URL" }]],
    [
      "an unknown event",
      { url: "https://93.184.215.14/h", events: ["token.exploded"] },
      [{ path: "events.0", message: `must be one of ${TOKEN_EVENT_TYPES.join(", ")}` }],
    ],
    [
      "an event twice",
      { url: "https://93.184.215.14/h", events: ["token.created", "token.created"] },
      [{ path: "events", message: "must not list an event twice" }],
    ],
    [
      "events not a list",
      { url: "https://93.184.215.14/h", events: "all" },
      [{ path: "events", message: "must be a list of event types ([] for all)" }],
    ],
    [
      "an unknown field",
      { url: "https://93.184.215.14/h", secret: "whsec_mine" },
      [{ path: "(body)", message: "has unknown field: secret" }],
    ],
    [
      "a description too long",
      { url: "https://93.184.215.14/h", description: "x".repeat(351) },
      [{ path: "description", message: "must be at most 350 characters" }],
    ],
  ])("refuses %s with 400 and creates nothing", async (_name, body, errors) => {
    const res = await admin("POST", "/api/v1/webhooks", body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(invalid(errors));
    expect(await db.webhook.count()).toBe(0);
  });

  it("refuses a body that is not JSON", async () => {
    const res = await admin("POST", "/api/v1/webhooks", "{nope", { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(problem("invalid_json", "The request body is not valid JSON."));
  });
});

describe("private targets (SSRF)", () => {
  const refused = (host: string) =>
    problem("validation_failed", new RegExp(`^url is refused: ${host}`), [
      {
        path: "url",
        message: expect.stringMatching(
          new RegExp(
            `^is refused: ${host}.* a loopback, private or reserved address \\(set TESSERA_WEBHOOK_ALLOW_PRIVATE=1 to allow private targets\\)$`,
          ),
        ),
      },
    ]);

  it.each([
    ["loopback", "http://127.0.0.1:9/hooks", "127\\.0\\.0\\.1"],
    ["a name for loopback", "http://localhost:9/hooks", "localhost resolves to (127\\.0\\.0\\.1|::1),"],
    ["IPv6 loopback", "http://[::1]:9/hooks", "::1"],
    ["a private network", "http://10.0.0.8/hooks", "10\\.0\\.0\\.8"],
    ["cloud metadata", "http://169.254.169.254/latest/meta-data", "169\\.254\\.169\\.254"],
    ["a v4-mapped loopback", "http://[::ffff:127.0.0.1]/hooks", "::ffff:(127\\.0\\.0\\.1|7f00:1)"],
  ])("without TESSERA_WEBHOOK_ALLOW_PRIVATE, refuses %s on create and on edit", async (_name, url, host) => {
    delete process.env.TESSERA_WEBHOOK_ALLOW_PRIVATE;
    const res = await admin("POST", "/api/v1/webhooks", { url });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(refused(host));
    expect(await db.webhook.count()).toBe(0);

    const publicOne = await admin("POST", "/api/v1/webhooks", { url: "https://93.184.215.14/hooks" });
    expect(publicOne.status).toBe(201);
    const id = (publicOne.body.webhook as WebhookJson).id;
    const edit = await admin("PATCH", `/api/v1/webhooks/${id}`, { url });
    expect(edit.status).toBe(400);
    expect(edit.body).toEqual(refused(host));
    expect((await admin("GET", `/api/v1/webhooks/${id}`)).body.url).toBe("https://93.184.215.14/hooks");
  });

  it("with TESSERA_WEBHOOK_ALLOW_PRIVATE=1, takes a loopback target and delivers to it", async () => {
    process.env.TESSERA_WEBHOOK_ALLOW_PRIVATE = "1";
    const { webhook } = await createHook();
    expect(webhook.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hooks$/);
    await admin("POST", `/api/v1/webhooks/${webhook.id}/test`);
    await cron();
    expect(receiver.received.map((r) => [r.type, r.verified])).toEqual([["webhook.test", true]]);
  });

  it("checks again at delivery: an endpoint saved while private targets were allowed gets nothing once they are not", async () => {
    const { webhook } = await createHook();
    delete process.env.TESSERA_WEBHOOK_ALLOW_PRIVATE;
    await admin("POST", `/api/v1/webhooks/${webhook.id}/test`);
    await cron();
    expect(receiver.hits).toBe(0);
    const [delivery] = (await admin("GET", `/api/v1/webhooks/${webhook.id}/deliveries`)).body.data as { status: string; error: string }[];
    expect(delivery).toMatchObject({
      status: "pending",
      error: expect.stringMatching(/127\.0\.0\.1 is a loopback, private or reserved address/),
    });
  });
});

describe("GET, PATCH and DELETE /api/v1/webhooks/{id}", () => {
  it("disables and enables an endpoint, edits its events and description, and deletes it with its log", async () => {
    const { webhook } = await createHook({ events: ["token.created"] });
    const off = await admin("PATCH", `/api/v1/webhooks/${webhook.id}`, { disabled: true });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ disabled: true, disabledReason: "manual", disabledAt: iso });
    await createToken();
    await cron();
    expect(receiver.hits).toBe(0);

    const on = await admin("PATCH", `/api/v1/webhooks/${webhook.id}`, { disabled: false, events: [], description: "everything" });
    expect(on.body).toMatchObject({ disabled: false, disabledReason: null, disabledAt: null, events: [], description: "everything" });
    await createToken();
    await cron();
    expect(receiver.received.map((r) => r.type)).toEqual(["token.created"]);

    const gone = await admin("DELETE", `/api/v1/webhooks/${webhook.id}`);
    expect(gone.status).toBe(204);
    expect(await db.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(0);
    for (const [method, path] of [
      ["GET", `/api/v1/webhooks/${webhook.id}`],
      ["PATCH", `/api/v1/webhooks/${webhook.id}`],
      ["DELETE", `/api/v1/webhooks/${webhook.id}`],
      ["GET", `/api/v1/webhooks/${webhook.id}/deliveries`],
      ["POST", `/api/v1/webhooks/${webhook.id}/test`],
    ] as const) {
      const res = await admin(method, path, method === "PATCH" ? { description: "x" } : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toEqual(problem("not_found", `No webhook with id ${webhook.id}.`));
    }
  });

  it.each([
    ["disabled as a string", { disabled: "yes" }, [{ path: "disabled", message: "must be true or false" }]],
    ["an empty url", { url: "" }, [{ path: "url", message: "is required" }]],
    ["an unknown field", { secret: "whsec_x" }, [{ path: "(body)", message: "has unknown field: secret" }]],
  ])("refuses a PATCH with %s, changing nothing", async (_name, body, errors) => {
    const { webhook } = await createHook();
    const res = await admin("PATCH", `/api/v1/webhooks/${webhook.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(invalid(errors));
    expect((await admin("GET", `/api/v1/webhooks/${webhook.id}`)).body).toMatchObject({ url: receiver.url, disabled: false });
  });

  it("answers 400 for an id that is not a number, and 404 past int4", async () => {
    const bad = await admin("GET", "/api/v1/webhooks/abc");
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(
      problem("validation_failed", "must be a positive integer", [{ path: "id", message: "must be a positive integer" }]),
    );
    expect((await admin("GET", "/api/v1/webhooks/99999999999")).status).toBe(404);
  });

  it("searches the list by URL and description, and pages it", async () => {
    await createHook({ description: "alpha team" });
    await createHook({ description: "beta team" });
    const found = await admin("GET", "/api/v1/webhooks?q=BETA");
    expect((found.body.data as { description: string }[]).map((w) => w.description)).toEqual(["beta team"]);
    const paged = await admin("GET", "/api/v1/webhooks?pageSize=1&page=2");
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: 2, data: [{ description: "beta team" }] });
    const tooBig = await admin("GET", "/api/v1/webhooks?pageSize=101");
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toEqual(invalid([{ path: "pageSize", message: "must be at most 100" }]));
  });
});

describe("the delivery log, redelivery and the test event", () => {
  it("queues a webhook.test for one endpoint (202), sends it signed, and logs it", async () => {
    const { webhook: other } = await createHook();
    const { webhook } = await createHook({ events: ["token.deleted"] });
    const queued = await admin("POST", `/api/v1/webhooks/${webhook.id}/test`);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ event: "webhook.test", status: "pending", attempts: 0, statusCode: null, nextAttemptAt: iso });
    await cron();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ type: "webhook.test", verified: true, id: queued.body.messageId });
    expect(receiver.received[0]!.body).toMatchObject({ data: { webhook: { id: webhook.id, url: receiver.url } } });
    expect((await admin("GET", `/api/v1/webhooks/${other.id}/deliveries`)).body.total).toBe(0);
  });

  it("redelivers under the same webhook-id (202), pages the log and filters it by status", async () => {
    const { webhook } = await createHook();
    receiver.answer(500);
    await createToken();
    await createToken();
    await cron();
    expect(receiver.received.map((r) => r.verified)).toEqual([true, true]);
    const failed = await admin("GET", `/api/v1/webhooks/${webhook.id}/deliveries?status=pending`);
    expect(failed.body.total).toBe(2);
    expect(failed.body.data).toEqual([
      expect.objectContaining({
        status: "pending",
        statusCode: 500,
        responseSnippet: "nope 500",
        error: "answered 500",
        attempts: 1,
        nextAttemptAt: iso,
      }),
      expect.objectContaining({ status: "pending", statusCode: 500 }),
    ]);
    const page2 = await admin("GET", `/api/v1/webhooks/${webhook.id}/deliveries?pageSize=1&page=2`);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    const [newest, oldest] = failed.body.data as { id: number; messageId: string }[];
    expect((page2.body.data as { id: number }[])[0]!.id).toBe(oldest!.id);

    receiver.answer(204);
    receiver.reset();
    const again = await admin("POST", `/api/v1/webhooks/${webhook.id}/deliveries/${newest!.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: newest!.id, messageId: newest!.messageId, status: "pending" });
    await cron();
    expect(receiver.received.map((r) => r.id)).toEqual([newest!.messageId]);
    const succeeded = await admin("GET", `/api/v1/webhooks/${webhook.id}/deliveries?status=succeeded`);
    expect(succeeded.body.data).toEqual([expect.objectContaining({ id: newest!.id, status: "succeeded", attempts: 2, statusCode: 204 })]);

    const badStatus = await admin("GET", `/api/v1/webhooks/${webhook.id}/deliveries?status=done`);
    expect(badStatus.status).toBe(400);
    expect(badStatus.body).toEqual(invalid([{ path: "status", message: "must be one of pending, succeeded, failed" }]));
  });

  it("answers 404 for a delivery of another endpoint or none, and 409 while the endpoint is disabled", async () => {
    const { webhook } = await createHook();
    const { webhook: other } = await createHook();
    const test = await admin("POST", `/api/v1/webhooks/${webhook.id}/test`);
    const deliveryId = test.body.id as number;
    const elsewhere = await admin("POST", `/api/v1/webhooks/${other.id}/deliveries/${deliveryId}/redeliver`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toEqual(problem("not_found", `No delivery with id ${deliveryId} for webhook ${other.id}.`));
    expect((await admin("POST", `/api/v1/webhooks/${webhook.id}/deliveries/2147483000/redeliver`)).status).toBe(404);
    const notId = await admin("POST", `/api/v1/webhooks/${webhook.id}/deliveries/x/redeliver`);
    expect(notId.body).toEqual(
      problem("validation_failed", "must be a positive integer", [{ path: "deliveryId", message: "must be a positive integer" }]),
    );

    await admin("PATCH", `/api/v1/webhooks/${webhook.id}`, { disabled: true });
    const conflict = problem("conflict", "The webhook is disabled; enable it first.");
    const redeliver = await admin("POST", `/api/v1/webhooks/${webhook.id}/deliveries/${deliveryId}/redeliver`);
    expect([redeliver.status, redeliver.body]).toEqual([409, conflict]);
    const retest = await admin("POST", `/api/v1/webhooks/${webhook.id}/test`);
    expect([retest.status, retest.body]).toEqual([409, conflict]);
  });
});

describe("who may call the webhook API", () => {
  it("refuses people who are not super admins (403) and callers without credentials (401)", async () => {
    const { webhook } = await createHook();
    const paths = [
      ["GET", "/api/v1/webhooks"],
      ["POST", "/api/v1/webhooks"],
      ["GET", `/api/v1/webhooks/${webhook.id}`],
      ["PATCH", `/api/v1/webhooks/${webhook.id}`],
      ["DELETE", `/api/v1/webhooks/${webhook.id}`],
      ["GET", `/api/v1/webhooks/${webhook.id}/deliveries`],
      ["POST", `/api/v1/webhooks/${webhook.id}/deliveries/1/redeliver`],
      ["POST", `/api/v1/webhooks/${webhook.id}/test`],
    ] as const;
    for (const [method, path] of paths) {
      const body = method === "POST" || method === "PATCH" ? { url: receiver.url } : undefined;
      const refused = await viewer(method, path, body);
      expect([refused.status, refused.body], `${method} ${path}`).toEqual([
        403,
        problem("forbidden", "Only super admins can manage webhooks."),
      ]);
      const nobody = await anon(method, path, body);
      expect(nobody.status, `${method} ${path}`).toBe(401);
      expect(nobody.body.code).toBe("unauthorized");
    }
    const byToken = await anon("GET", "/api/v1/webhooks", undefined, { authorization: `Bearer ${tokenSecret}` });
    expect(byToken.status).toBe(200);
    expect(await db.webhook.count()).toBe(1);
  });
});

describe("GET /api/cron/notifications", () => {
  const refusal = problem(
    "unauthorized",
    "This endpoint runs the scheduled notification work for Vercel Cron: set CRON_SECRET and send Authorization: Bearer <CRON_SECRET>.",
  );

  it("refuses anything but Authorization: Bearer <CRON_SECRET> with 401, doing nothing", async () => {
    await createHook();
    await createToken();
    const pending = () => db.notificationEvent.count({ where: { dispatchedAt: null } });
    expect(await pending()).toBe(1);
    const attempts: [string, Record<string, string>][] = [
      ["no header", {}],
      ["another secret", { authorization: "Bearer not-the-cron-secret" }],
      ["the secret without Bearer", { authorization: CRON_SECRET }],
      ["a super admin's API token", { authorization: `Bearer ${tokenSecret}` }],
      ["Devtron's token header", { token: CRON_SECRET }],
    ];
    for (const [name, headers] of attempts) {
      const res = await anon("GET", "/api/cron/notifications", undefined, headers);
      expect([res.status, res.body], name).toEqual([401, refusal]);
      expect(res.headers.get("content-type"), name).toBe("application/problem+json; charset=utf-8");
    }
    const bySession = await admin("GET", "/api/cron/notifications");
    expect([bySession.status, bySession.body]).toEqual([401, refusal]);
    expect(await pending()).toBe(1);
    expect(receiver.hits).toBe(0);
  });

  it("refuses every request while CRON_SECRET is not set, the right-looking one included", async () => {
    delete process.env.CRON_SECRET;
    try {
      for (const authorization of ["Bearer ", "Bearer undefined", `Bearer ${CRON_SECRET}`]) {
        const res = await cron(authorization);
        expect([res.status, res.body]).toEqual([401, refusal]);
      }
    } finally {
      process.env.CRON_SECRET = CRON_SECRET;
    }
  });

  it("is the path vercel.json schedules, every 5 minutes", async () => {
    const config = JSON.parse(readFileSync(path.resolve(__dirname, "../../vercel.json"), "utf8")) as { crons: unknown };
    expect(config.crons).toEqual([{ path: "/api/cron/notifications", schedule: "*/5 * * * *" }]);
  });

  it("does the due work once: a second run finds nothing left", async () => {
    await createHook();
    await createToken();
    const first = await cron();
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.body).toEqual({
      reminders: 0,
      idle: 0,
      graces: 0,
      events: 1,
      webhooks: 1,
      emails: 0,
      pruned: expect.any(Number),
      more: false,
    });
    const second = await cron();
    expect(second.body).toMatchObject({ reminders: 0, events: 0, webhooks: 0, emails: 0, more: false });
    expect(receiver.received).toHaveLength(1);
  });
});
