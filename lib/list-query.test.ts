import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryFromUrl } from "./list-query";
import { AUDIT_PAGE_DEFAULT_SIZE, auditEventsQueryFromUrl, listAuditEventsQuery } from "./schemas/audit";
import { appsQueryFromUrl, listAppsQuery, listProjectsQuery, projectsQueryFromUrl } from "./schemas/catalog";
import { listTokensQuery, tokensQueryFromUrl } from "./schemas/token";
import { listUsersQuery, usersQueryFromUrl } from "./schemas/user";

describe("dashboard URL state", () => {
  it("free text loses what PostgreSQL cannot store, instead of failing the page", () => {
    expect(projectsQueryFromUrl({ q: "a\u0000b" }).q).toBe("ab");
    expect(projectsQueryFromUrl({ q: "\u0000" }).q).toBeUndefined();
    expect(projectsQueryFromUrl({ q: "x\ud800" }).q).toBe("x\ufffd");
    expect(projectsQueryFromUrl({ q: ["\u0000web", "other"] }).q).toBe("web");
  });

  it("pages and sizes out of range fall back to their defaults", () => {
    expect(projectsQueryFromUrl({ page: "2147483648", pageSize: "1e3" })).toMatchObject({ page: 1, pageSize: 20 });
    expect(projectsQueryFromUrl({ page: "3", pageSize: "50" })).toMatchObject({ page: 3, pageSize: 50 });
  });

  it("keeps a sort the API offers for that list, in either direction, and drops any other", () => {
    expect(usersQueryFromUrl({ sort: "-email" }).sort).toBe("-email");
    expect(usersQueryFromUrl({ sort: "lastUsedAt" }).sort).toBeUndefined();
    expect(tokensQueryFromUrl({ sort: "lastUsedAt" }).sort).toBe("lastUsedAt");
    expect(tokensQueryFromUrl({ sort: "email" }).sort).toBeUndefined();
  });

  it("reads each list's own filters with the API's rules", () => {
    expect(tokensQueryFromUrl({ status: "expiring" }).status).toBe("expiring");
    expect(tokensQueryFromUrl({ status: "gone" }).status).toBeUndefined();
    expect(appsQueryFromUrl({ project: " payments " }).project).toBe("payments");
    expect(appsQueryFromUrl({ project: "x".repeat(54) }).project).toBeUndefined();
    expect(auditEventsQueryFromUrl({ tokenId: "7", action: "token.created" })).toMatchObject({ tokenId: 7, action: "token.created" });
    expect(auditEventsQueryFromUrl({ tokenId: "2147483648", action: "token.stolen" })).toMatchObject({
      tokenId: undefined,
      action: undefined,
    });
  });

  it("lets a page default differ from the API's where it says so", () => {
    expect(auditEventsQueryFromUrl({}).pageSize).toBe(AUDIT_PAGE_DEFAULT_SIZE);
    expect(auditEventsQueryFromUrl({ pageSize: "0" }).pageSize).toBe(AUDIT_PAGE_DEFAULT_SIZE);
    expect(listAuditEventsQuery.parse({}).pageSize).toBe(20);
    expect(queryFromUrl(listProjectsQuery, { pageSize: "x" }, { pageSize: 100 }).pageSize).toBe(100);
  });

  it("never yields a query the API would refuse, whatever the URL holds", () => {
    const value = fc.oneof(fc.string(), fc.constantFrom("1", "-1", "0", "100", "101", "-name", "name", "active", "token.created"));
    const params = fc.dictionary(fc.constantFrom("page", "pageSize", "q", "sort", "status", "project", "tokenId", "action"), value);
    fc.assert(
      fc.property(params, (p) => {
        for (const [schema, read] of [
          [listTokensQuery, tokensQueryFromUrl],
          [listUsersQuery, usersQueryFromUrl],
          [listAppsQuery, appsQueryFromUrl],
          [listAuditEventsQuery, auditEventsQueryFromUrl],
        ] as const) {
          const query = read(p);
          expect(schema.safeParse(query).success, JSON.stringify({ p, query })).toBe(true);
        }
      }),
      { seed: 20_261_201, numRuns: 300 },
    );
  });
});
