import { describe, expect, it } from "vitest";
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
