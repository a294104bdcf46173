import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "../config";

// Webhook signing secrets must be kept in a form that can sign, so unlike token secrets
// they cannot be stored as hashes. They are encrypted at rest (AES-256-GCM) with a key
// derived from the session secret, which is never in the database: a copy of the
// database alone does not let anyone sign webhooks. Changing NEXTAUTH_SECRET makes the
// stored secrets unreadable; deliveries then fail with a message saying so.

const VERSION = "v1";

let cached: { from: string; key: Buffer } | undefined;
function key(): Buffer {
  const secret = authSecret();
  if (cached?.from !== secret) {
    cached = { from: secret, key: Buffer.from(hkdfSync("sha256", secret, "tessera", "webhook-signing-secret", 32)) };
  }
  return cached.key;
}

export class SecretBoxError extends Error {
  constructor() {
    super("The webhook's signing secret cannot be decrypted: NEXTAUTH_SECRET changed since it was created. Create the webhook again.");
    this.name = "SecretBoxError";
  }
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !data) throw new SecretBoxError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError();
  }
}
