import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/principal";
import type { Db } from "@/server/db";
import type { NotifierOptions } from "@/server/notifications/config";
import { runDueWork } from "@/server/notifications/scheduler";
import { createToken, updateToken } from "@/server/tokens/tokens";
import { useFreshDatabase } from "../helpers/db";
import { makeUser, unique } from "../helpers/fixtures";

// Email notices through a real SMTP server started here (smtp-server), read back and
// parsed as a mail client would (mailparser): recipients, plain text and HTML.

const DAY = 86_400_000;
const SMTP_PORTS = [48100, 48199] as const;
const USER = "notify";
const PASS = "smtp-pass-123";

type Mail = { rcptTo: string[]; mailFrom: string; parsed: ParsedMail };
let db: Db;
let server: SMTPServer;
let port = 0;
const inbox: Mail[] = [];
let refuseNext = 0;

async function listen(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const p = SMTP_PORTS[0] + Math.floor(Math.random() * (SMTP_PORTS[1] - SMTP_PORTS[0] + 1));
    const ok = await new Promise<boolean>((resolve) => {
      const onError = () => resolve(false);
      server.server.once("error", onError);
      server.listen(p, "127.0.0.1", () => {
        server.server.off("error", onError);
        resolve(true);
      });
    });
    if (ok) return p;
  }
  throw new Error("no free SMTP port");
}

beforeAll(async () => {
  db = await useFreshDatabase();
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) return callback(null, { user: USER });
      callback(new Error("bad credentials"));
    },
    onData(stream, session, callback) {
      if (refuseNext > 0) {
        refuseNext -= 1;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("try later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          inbox.push({
            rcptTo: session.envelope.rcptTo.map((r) => r.address).sort(),
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            parsed,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  port = await listen();
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const about = (name: string) => inbox.filter((m) => m.parsed.subject?.includes(`"${name}"`));
const smtp = () => ({ url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`, from: "Tessera <tessera@example.com>" });
const run = (now: Date, more: Partial<NotifierOptions> = {}) =>
  runDueWork({ now: () => now, smtp: smtp(), allowPrivate: true, retentionDays: 3650, ...more });

async function tokenBy(actor: Actor, notifyEmails: string[], description = "") {
  const now = new Date();
  const { token } = await createToken(
    { name: unique("mail"), description, permissions: { superAdmin: true }, expiresInDays: 60 },
    actor,
    now,
  );
  if (notifyEmails.length > 0) await updateToken(token.id, { notifyEmails }, actor);
  return { id: token.id, name: token.name, expiresAt: new Date(token.expiresAt as string) };
}

describe("email notices", () => {
  it("sends reminders and the expiry to the creator and notifyEmails, as text and HTML with a link to regenerate", async () => {
    const creator = await makeUser(db, { superAdmin: true, email: `${unique("owner")}@example.com` });
    const actor: Actor = { type: "user", id: creator.id, name: creator.email, ip: null };
    const token = await tokenBy(actor, ["ops@example.com", creator.email.toUpperCase()], "Deploys <prod> & staging");
    inbox.length = 0;
    await run(new Date()); // token.created and token.updated: webhooks only, no email
    expect(inbox).toHaveLength(0);

    await run(new Date(token.expiresAt.getTime() - 7 * DAY));
    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.rcptTo).toEqual(["ops@example.com", creator.email].sort());
    expect(mail.mailFrom).toBe("tessera@example.com");
    expect(mail.parsed.subject).toBe(`[Tessera] The API token "${token.name}" expires in 7 days`);
    const link = `http://localhost:3000/tokens/${token.id}`;
    const text = mail.parsed.text ?? "";
    expect(text).toContain(`Token:       ${token.name}`);
    expect(text).toContain(`Expires:     ${token.expiresAt.toUTCString()}`);
    expect(text).toContain("Last used:   never");
    expect(text).toContain("Description: Deploys <prod> & staging");
    expect(text).toContain(`Regenerate it: ${link}`);
    const html = String(mail.parsed.html);
    expect(html).toContain(`<a href="${link}">Regenerate it in Tessera</a>`);
    expect(html).toContain("Deploys &lt;prod&gt; &amp; staging");
    expect(html).toContain(token.expiresAt.toUTCString());
    const event = await db.notificationEvent.findFirstOrThrow({ where: { tokenId: token.id, type: "token.expiring" } });
    expect(mail.parsed.messageId).toBe(`<${event.messageId}@tessera>`);

    await run(new Date(token.expiresAt.getTime()));
    expect(inbox.map((m) => m.parsed.subject)).toEqual([
      `[Tessera] The API token "${token.name}" expires in 7 days`,
      `[Tessera] The API token "${token.name}" has expired`,
    ]);
    await run(new Date(token.expiresAt.getTime() + DAY));
    expect(inbox).toHaveLength(2);
  });

  it("skips a creator that is a token (API-TOKEN:…), and sends nothing when no one is left", async () => {
    const bot: Actor = { type: "token", id: 1, name: "API-TOKEN:deploy-bot", ip: null };
    const withList = await tokenBy(bot, ["team@example.com"]);
    const alone = await tokenBy(bot, []);
    inbox.length = 0;
    await run(new Date(withList.expiresAt.getTime() - DAY));
    // (Tokens of the test before are due at the same moment; only this test's count here.)
    expect(about(withList.name).map((m) => m.rcptTo)).toEqual([["team@example.com"]]);
    expect(about(alone.name)).toEqual([]);
    expect(await db.notificationEmail.count({ where: { event: { tokenId: alone.id } } })).toBe(0);
    expect(await db.notificationEvent.count({ where: { tokenId: alone.id, type: "token.expiring" } })).toBe(1);
  });

  it("retries a message the SMTP server refused, and writes no email at all without SMTP", async () => {
    const owner = await makeUser(db, { superAdmin: true });
    const actor: Actor = { type: "user", id: owner.id, name: owner.email, ip: null };
    const token = await tokenBy(actor, []);
    inbox.length = 0;
    refuseNext = 1;
    const due = new Date(token.expiresAt.getTime() - DAY);
    await run(due);
    const email = await db.notificationEmail.findFirstOrThrow({ where: { event: { tokenId: token.id } } });
    expect(email).toMatchObject({ status: "pending", attempts: 1, error: expect.stringContaining("try later") });
    expect(about(token.name)).toHaveLength(0);
    await run(new Date(due.getTime() + 60_000));
    expect(about(token.name).map((m) => m.rcptTo)).toEqual([[owner.email]]);
    expect(await db.notificationEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({
      status: "sent",
      attempts: 2,
      error: null,
    });

    const quiet = await tokenBy(actor, []);
    await runDueWork({ now: () => new Date(quiet.expiresAt.getTime() - DAY), smtp: null, retentionDays: 3650 });
    expect(await db.notificationEvent.count({ where: { tokenId: quiet.id, type: "token.expiring" } })).toBe(1);
    expect(await db.notificationEmail.count({ where: { event: { tokenId: quiet.id } } })).toBe(0);
  });
});
