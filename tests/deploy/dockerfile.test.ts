import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contextFiles, ignoredBy, readCopy, readEnv, readStages } from "../helpers/dockerfile";
import { planFinalStage, ROOT } from "../helpers/image";

// What can be checked of the Dockerfile without building it: the final stage's shape,
// and that the build stage can find every file it copies. tests/postgres/image.test.ts
// then runs the final stage's files after a build.

const stages = readStages(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
const plan = planFinalStage();
const ignore = readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n");

describe("the Dockerfile's final stage", () => {
  it("is Node 20 on a slim base, separate from the build stage", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const final = stages.at(-1)!;
    const args = Object.fromEntries(
      readFileSync(path.join(ROOT, "Dockerfile"), "utf8")
        .split("\n")
        .filter((l) => l.startsWith("ARG "))
        .map((l) => l.slice(4).split("=") as [string, string]),
    );
    const base = final.base.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? "");
    expect(base).toMatch(/^node:20(\.\d+)*-(bookworm-slim|slim|alpine[\d.]*)$/);
    expect(final.instructions.some((i) => i.keyword === "COPY" && !readCopy(i.args).from)).toBe(false);
  });

  it("runs the front door (scripts/serve.mjs) as a numeric non-root user, exposes 3000, and checks /api/health with node", () => {
    expect(plan.command).toEqual(["node", "scripts/serve.mjs"]);
    expect(plan.user).not.toBeNull();
    expect(plan.user!.uid).toBeGreaterThan(0);
    expect(plan.user!.gid).toBeGreaterThan(0);
    expect(plan.expose).toEqual(["3000"]);
    expect(plan.env).toMatchObject({ NODE_ENV: "production", PORT: "3000" });
    expect(plan.healthcheck).toEqual(["node", "scripts/healthcheck.mjs"]);
    expect(readFileSync(path.join(ROOT, "scripts/healthcheck.mjs"), "utf8")).toContain("/api/health");
  });

  it("keeps the embedded database in a volume that the user owns, and writes nowhere else", () => {
    expect(plan.volumes).toEqual([plan.env.TESSERA_DATA_DIR]);
    expect(path.isAbsolute(plan.env.TESSERA_DATA_DIR!)).toBe(true);
    // The one RUN makes the volume's folder the user's; the image test stands it in with a folder of that owner.
    expect(plan.runs).toEqual([
      `mkdir -p ${plan.env.TESSERA_DATA_DIR} && chown ${plan.user!.uid}:${plan.user!.gid} ${plan.env.TESSERA_DATA_DIR}`,
    ]);
  });

  it("copies production files only: the standalone output, its static assets and the front door's scripts", () => {
    const sources = plan.copies.map((c) => path.relative(ROOT, c.source));
    expect(sources).toEqual([
      ".next/standalone",
      ".next/static",
      "scripts/serve.mjs",
      "scripts/request-guard.mjs",
      "scripts/healthcheck.mjs",
    ]);
    // The front door's own imports are in the image too (node builtins and `next` aside).
    for (const file of sources.filter((s) => s.startsWith("scripts/"))) {
      const imports = [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/^import .* from "(\.[^"]+)";$/gm)].map((m) => m[1]!);
      for (const imported of imports) expect(sources).toContain(path.join("scripts", imported));
    }
  });
});

describe("the build stage", () => {
  const build = stages.find((s) => s.name === "build")!;

  it("copies the whole context into its WORKDIR and builds there (the image test maps that folder onto this repository)", () => {
    const keywords = build.instructions.map((i) => `${i.keyword} ${i.args}`);
    expect(keywords).toContain("WORKDIR /app");
    expect(keywords).toContain("COPY . .");
    expect(keywords).toContain("RUN npm ci --no-audit --no-fund");
    expect(keywords.at(-1)).toBe("RUN node node_modules/next/dist/bin/next build");
    expect(plan.workdir).toBe("/app");
  });

  it("finds every file it copies from the context: present in the repository and not left out by .dockerignore", () => {
    const fromContext = stages.flatMap((s) => s.instructions.filter((i) => i.keyword === "COPY").map((i) => readCopy(i.args)));
    const sources = fromContext.filter((c) => !c.from).flatMap((c) => c.sources);
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources.filter((s) => s !== ".")) {
      expect(existsSync(path.join(ROOT, source)), source).toBe(true);
      expect(ignoredBy(ignore, source), source).toBe(false);
    }
  });

  it("sends the sources the build needs, and no local data, secrets, installed or built output", () => {
    const sent = contextFiles(ROOT);
    for (const needed of ["package.json", "package-lock.json", "next.config.mjs", "instrumentation.ts", "proxy.ts", "tsconfig.json"]) {
      expect(sent).toContain(needed);
    }
    expect(sent.some((f) => f.startsWith("app/api/health/"))).toBe(true);
    expect(sent.some((f) => f.startsWith("prisma/migrations/"))).toBe(true);
    for (const left of ["node_modules/", ".next/", ".git/", ".data/", "lib/generated/", "tests/", "e2e/"]) {
      expect(sent.filter((f) => f.startsWith(left))).toEqual([]);
    }
    expect(sent.filter((f) => /(^|\/)\.env($|\.)/.test(f) || f.endsWith(".test.ts"))).toEqual([]);
  });
});

describe(".dockerignore patterns", () => {
  it.each([
    [".env", true],
    [".env.local", true],
    ["server/db.test.ts", true],
    ["node_modules/next/package.json", true],
    ["server/db.ts", false],
    ["scripts/serve.mjs", false],
    ["app/setup/page.tsx", false],
  ])("%s left out: %s", (file, expected) => {
    expect(ignoredBy(ignore, file)).toBe(expected);
  });

  it("reads ENV lines with several pairs", () => {
    expect(readEnv(`A=1 B="two words" C=/data`)).toEqual({ A: "1", B: "two words", C: "/data" });
  });
});
