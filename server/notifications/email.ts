import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { TokenResponse } from "@/lib/schemas/token";
import { publicUrl } from "../config";
import { getDb } from "../db";
import type { NotifierOptions, SmtpConfig } from "./config";
import type { EventPayload } from "./events";

// Email notices: the token's name, expiry and last use, and a link to regenerate it,
// as plain text and HTML. Emails are claimed and retried like webhook deliveries
// (./send-webhooks.ts), with the event's Message-ID, so a repeat after a crash is
// recognisable as the same message.

const LEASE_MS = 120_000;
const SMTP_TIMEOUT_MS = 10_000;

export type RenderedEmail = { subject: string; text: string; html: string };

function headline(type: string, token: TokenResponse, data: EventPayload["data"]): string {
  const name = `"${token.name}"`;
  switch (type) {
    case "token.expiring": {
      const days = Number(data.daysLeft);
      return `The API token ${name} expires in ${days} ${days === 1 ? "day" : "days"}`;
    }
    case "token.expired":
      return `The API token ${name} has expired`;
    case "token.leaked":
      // A leaked old secret (server/tokens/leaks.ts) ends its grace window; the token itself lives on.
      return data.secret === "previous"
        ? `The old secret of the API token ${name} was reported leaked and no longer works`
        : `The API token ${name} was reported leaked and has been revoked`;
    case "token.idle_disabled":
      return `The API token ${name} was disabled because it was not used`;
    default:
      return `The API token ${name}: ${type}`;
  }
}

const when = (iso: string | null) => (iso ? new Date(iso).toUTCString() : null);
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function renderEmail(payload: EventPayload, baseUrl = publicUrl()): RenderedEmail {
  const token = payload.data.token as unknown as TokenResponse;
  const title = headline(payload.type, token, payload.data);
  const link = `${baseUrl}/tokens/${token.id}`;
  const lastUse = token.lastUsedAt ? `${when(token.lastUsedAt)}${token.lastUsedIp ? ` from ${token.lastUsedIp}` : ""}` : "never";
  const rows: [string, string][] = [
    ["Token", token.name],
    ...(token.description ? ([["Description", token.description]] as [string, string][]) : []),
    ["Expires", when(token.expiresAt) ?? "never"],
    ["Last used", lastUse],
  ];
  const why = "You receive this because you created this token or are listed in its notification addresses.";
  const text = [`${title}.`, "", ...rows.map(([k, v]) => `${`${k}:`.padEnd(13)}${v}`), "", `Regenerate it: ${link}`, "", why, ""].join(
    "\n",
  );
  const html = [
    '<!doctype html><html><body style="font-family: system-ui, sans-serif; color: #111">',
    `<p><strong>${escapeHtml(title)}.</strong></p>`,
    '<table cellpadding="4">',
    ...rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`),
    "</table>",
    `<p><a href="${escapeHtml(link)}">Regenerate it in Tessera</a></p>`,
    `<p style="color: #555; font-size: 12px">${escapeHtml(why)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: `[Tessera] ${title}`, text, html };
}

let transport: { url: string; transporter: Transporter } | undefined;
function transporterFor(smtp: SmtpConfig): Transporter {
  if (transport?.url !== smtp.url) {
    transport?.transporter.close();
    transport = {
      url: smtp.url,
      transporter: nodemailer.createTransport({
        url: smtp.url,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      }),
    };
  }
  return transport.transporter;
}

type ClaimedEmail = { id: number; attempts: number };

/** Sends up to `batchSize` due emails, one at a time (SMTP servers prefer it). */
export async function sendDueEmails(options: NotifierOptions): Promise<number> {
  const smtp = options.smtp;
  if (!smtp) return 0;
  const db = await getDb();
  let sent = 0;
  while (sent < options.batchSize) {
    const now = options.now();
    const [claimed] = await db.$queryRaw<ClaimedEmail[]>`
      UPDATE "NotificationEmail" e SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz, "attempts" = e."attempts" + 1
      FROM (SELECT id FROM "NotificationEmail"
        WHERE status = 'pending' AND "nextAttemptAt" <= ${now.toISOString()}::timestamptz
          AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now.toISOString()}::timestamptz)
        ORDER BY "nextAttemptAt", id LIMIT 1 FOR UPDATE SKIP LOCKED) c
      WHERE e.id = c.id
      RETURNING e.id, e."attempts"`;
    if (!claimed) break;
    await sendOne(claimed, smtp, options);
    sent += 1;
  }
  return sent;
}

async function sendOne(claimed: ClaimedEmail, smtp: SmtpConfig, options: NotifierOptions): Promise<void> {
  const db = await getDb();
  const email = await db.notificationEmail.findUniqueOrThrow({ where: { id: claimed.id }, include: { event: true } });
  let error: string | null = null;
  try {
    const rendered = renderEmail(email.event.payload as EventPayload);
    await transporterFor(smtp).sendMail({
      from: smtp.from,
      to: email.recipients,
      messageId: `<${email.event.messageId}@tessera>`,
      ...rendered,
    });
  } catch (e) {
    error = (e as Error).message;
  }
  const now = options.now();
  const retryIn = error === null ? undefined : options.emailRetryDelaysMs[claimed.attempts - 1];
  await db.notificationEmail.updateMany({
    where: { id: claimed.id, attempts: claimed.attempts },
    data: {
      status: error === null ? "sent" : retryIn === undefined ? "failed" : "pending",
      sentAt: error === null ? now : null,
      nextAttemptAt: retryIn === undefined ? null : new Date(now.getTime() + retryIn),
      lockedUntil: null,
      lastAttemptAt: now,
      error,
    },
  });
  if (error !== null) console.error(`[tessera] could not send notification email ${claimed.id}: ${error}`);
}
