import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { DatabaseTimeoutError } from "./db/postgres";
import { toApiError } from "./errors";

// Races past a service's own duplicate check end at a unique index; the answer must still
// name the field, whichever driver reported it (PGlite lists fields, pg names the index).
describe("unique violations", () => {
  const violation = (constraint: object, modelName = "ApiToken") => ({
    code: "P2002",
    meta: { modelName, driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint } } },
  });

  it.each([
    ["PGlite (fields)", violation({ fields: ["name"] })],
    ["node-postgres (index)", violation({ index: "ApiToken_name_active_key" })],
  ])("answers 409 at the name field for %s", (_name, error) => {
    expect(toApiError(error).toProblem()).toEqual({
      type: "about:blank",
      title: "Conflict",
      status: 409,
      code: "conflict",
      detail: "A token with this name already exists.",
      errors: [{ path: "name", message: "is already used" }],
    });
  });

  it("names emails and uses the right article", () => {
    expect(toApiError(violation({ index: "User_email_key" }, "User")).message).toBe("A user with this email already exists.");
    expect(toApiError(violation({ fields: ["name"] }, "App")).message).toBe("An app with this name already exists.");
  });

  it("says something sensible for an index it cannot read", () => {
    expect(toApiError(violation({}, "HelmApp")).toProblem()).toMatchObject({
      status: 409,
      detail: "This Helm app conflicts with one that already exists.",
    });
  });
});

// Every way a slow, frozen or lost database shows up, as pg, pg-pool, PostgreSQL and
// Prisma report it (shapes taken from real failures in tests/postgres/hung-database.test.ts).
describe("database timeouts and lost connections", () => {
  const prisma = (message: string, code: string, meta?: Record<string, unknown>) =>
    new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7", meta });
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "ERROR" });
  const adapterMeta = (code: string, message: string) => ({
    driverAdapterError: {
      name: "DriverAdapterError",
      cause: { originalCode: code, originalMessage: message, kind: "postgres", code, message },
    },
  });

  it.each([
    ["a statement the client stopped waiting for", new DatabaseTimeoutError(3000)],
    [
      "the same through Prisma",
      prisma(
        "Invalid `db.user.findMany()` invocation:\n\nThe database did not answer within 3000 ms; the connection was closed.",
        "ETIMEDOUT",
      ),
    ],
    ["no pooled connection in time (pg-pool)", new Error("timeout exceeded when trying to connect")],
    [
      "a new connection that never finished (pg-pool)",
      new Error("Connection terminated due to connection timeout", { cause: new Error("Connection terminated unexpectedly") }),
    ],
    ["a new connection that never finished (pg)", new Error("timeout expired")],
    ["a query on a connection closed after a timeout (pg)", new Error("Client was closed and is not queryable")],
    ["statement_timeout (pg)", pgError("57014", "canceling statement due to statement timeout")],
    ["lock_timeout (pg)", pgError("55P03", "canceling statement due to lock timeout")],
    ["idle_in_transaction_session_timeout (pg)", pgError("25P03", "terminating connection due to idle-in-transaction timeout")],
    [
      "statement_timeout through Prisma",
      prisma(
        "Raw query failed. Code: `57014`. Message: `canceling statement due to statement timeout`",
        "P2010",
        adapterMeta("57014", "canceling statement due to statement timeout"),
      ),
    ],
    [
      "a transaction that could not start within maxWait",
      prisma("Transaction API error: Unable to start a transaction in the given time.", "P2028"),
    ],
    [
      "a transaction past its timeout",
      prisma(
        "Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 6000 ms.",
        "P2028",
      ),
    ],
    ["Prisma's own pool timeout", prisma("Timed out fetching a new connection from the connection pool.", "P2024")],
  ])("answers 503 unavailable for %s", (_name, error) => {
    expect(toApiError(error).toProblem()).toEqual({
      type: "about:blank",
      title: "Service unavailable",
      status: 503,
      code: "unavailable",
      detail: "The database cannot be reached. Try again shortly.",
    });
  });

  it.each([
    ["a plain bug", new Error("Cannot read properties of undefined")],
    ["a missing table", prisma("Raw query failed. Code: `42P01`.", "P2010", adapterMeta("42P01", 'relation "x" does not exist'))],
    ["a transaction used after it ended", prisma("Transaction API error: Transaction not found.", "P2028")],
  ])("still answers 500 for %s", (_name, error) => {
    expect(toApiError(error).status).toBe(500);
  });
});
