import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { checkBudgets } from "./check-bundle-budgets.mjs";

// The budget check against a fake build: random bytes do not compress, so each chunk's gzipped
// size is its size (plus a few bytes of gzip framing), and the verdict is known in advance.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ROUTE = "/(dashboard)/tokens/page";

/** A build whose runtime is 40 kB, whose page's segments add `pageKB`, with a 500 kB chunk loaded on demand. */
function fakeBuild(pageKB: number): { dir: string; budgets: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "tessera-budget-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
  mkdirSync(path.join(dir, "server", "app", "(dashboard)", "tokens"), { recursive: true });
  const chunk = (name: string, kB: number) => writeFileSync(path.join(dir, "static", "chunks", name), randomBytes(kB * 1024));
  chunk("runtime.js", 40);
  chunk("layout.js", 10);
  chunk("page.js", pageKB - 10);
  chunk("dialog-on-demand.js", 500);
  writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/runtime.js"] }));
  const manifest = {
    clientModules: {
      "[project]/components/tokens/generate-token-form.tsx": { chunks: ["/_next/static/chunks/dialog-on-demand.js"], async: true },
    },
    entryJSFiles: {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/(dashboard)/tokens/page": ["static/chunks/layout.js", "static/chunks/page.js"],
    },
  };
  writeFileSync(
    path.join(dir, "server", "app", "(dashboard)", "tokens", "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(ROUTE)}] = ${JSON.stringify(manifest)};`,
  );
  const budgets = path.join(dir, "budgets.json");
  writeFileSync(budgets, JSON.stringify({ routes: { [ROUTE]: { label: "tokens page", maxKB: 100 } } }));
  return { dir, budgets };
}

function run(build: { dir: string; budgets: string }) {
  return spawnSync(process.execPath, [path.join(__dirname, "check-bundle-budgets.mjs")], {
    env: { ...process.env, BUNDLE_BUILD_DIR: build.dir, BUNDLE_BUDGETS: build.budgets },
    encoding: "utf8",
  });
}

describe("check-bundle-budgets", () => {
  it("fails, naming the page and by how much, when the first load is over its budget", () => {
    const result = run(fakeBuild(80));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/tokens page\s+120\.\d kB of 100 kB gzip, 3 scripts {2}OVER by 20\.\d kB/);
    expect(result.stderr).toContain("loads more JavaScript than its budget");
  });

  it("passes under the budget, counting the runtime and the segments but not what loads on demand", () => {
    const build = fakeBuild(50);
    const result = run(build);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/tokens page\s+90\.\d kB of 100 kB gzip, 3 scripts {2}ok/);
    const [only] = checkBudgets(build.dir, { [ROUTE]: { label: "tokens page", maxKB: 100 } });
    expect(only).toMatchObject({ files: 3, ok: true });
  });

  it("says there is no build rather than passing", () => {
    const result = run({ dir: path.join(tmpdir(), "no-such-build"), budgets: fakeBuild(50).budgets });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("run `next build` first");
  });
});
