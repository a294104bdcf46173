import "server-only";
import type { z } from "zod";

// Every success answer is checked against its route's response schema before it is sent:
// it must parse, and parsing must change nothing — no field the schema does not name (a
// hash, say), none it would have to fill in or rewrite. A handler that answers anything
// else is a bug: the request fails with a bare 500 and the log names the route and the field.

class AnswerMismatchError extends Error {
  override name = "AnswerMismatchError";
}

export function assertAnswerFits(schema: z.ZodType, answer: unknown, route: string): void {
  const parsed = schema.safeParse(answer);
  const problem = parsed.success
    ? difference(answer, parsed.data, "")
    : parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(answer)"} ${i.message}`)
        .join("; ");
  if (problem) throw new AnswerMismatchError(`${route} answered outside its response schema: ${problem}`);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** The first place where what the handler sent and what the schema made of it differ; null when nowhere. */
function difference(sent: unknown, described: unknown, path: string): string | null {
  if (Object.is(sent, described)) return null;
  if (Array.isArray(sent) && Array.isArray(described) && sent.length === described.length) {
    for (let i = 0; i < sent.length; i++) {
      const found = difference(sent[i], described[i], at(path, i));
      if (found) return found;
    }
    return null;
  }
  if (isObject(sent) && isObject(described)) {
    // A key whose value is undefined is not sent at all (JSON drops it), so it differs from nothing.
    for (const key of Object.keys(sent)) {
      if (sent[key] === undefined) continue;
      if (described[key] === undefined) return `${at(path, key)} is not in the schema`;
      const found = difference(sent[key], described[key], at(path, key));
      if (found) return found;
    }
    for (const key of Object.keys(described)) {
      if (described[key] !== undefined && sent[key] === undefined) return `${at(path, key)} is missing (the schema fills it in)`;
    }
    return null;
  }
  return `${path || "(answer)"} is rewritten by the schema`;
}
