import { describe, expect, it } from "vitest";
import { listQuery, textParam } from "./list-query";

describe("dashboard URL state", () => {
  it("free text loses what PostgreSQL cannot store, instead of failing the page", () => {
    expect(textParam({ q: "a\u0000b" }, "q")).toBe("ab");
    expect(textParam({ q: "\u0000" }, "q")).toBeUndefined();
    expect(textParam({ q: "x\ud800" }, "q")).toBe("x\ufffd");
    expect(listQuery({ q: ["\u0000web", "other"] }, ["name"]).q).toBe("web");
  });

  it("pages and sizes out of range fall back to their defaults", () => {
    expect(listQuery({ page: "2147483648", pageSize: "1e3" }, ["name"])).toMatchObject({ page: 1, pageSize: 20 });
  });
});
