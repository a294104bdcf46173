// The JavaScript a page loads first, gzipped, against its budget: `node scripts/check-bundle-budgets.mjs`
// after `next build` (.ci/run runs it after `npm test`, whose e2e step builds). Exits 1 when a
// page is over. First load = the build's rootMainFiles (the runtime every page needs) plus
// every chunk the page's client reference manifest names for its segments (layouts, error and
// loading boundaries, the page). Chunks loaded later (next/dynamic, React.lazy) are not in it.
// Polyfills are left out: modern browsers skip them (nomodule). Budgets: scripts/bundle-budgets.json,
// where `maxKB` fails the check and `targetKB` (when lower) is where the page should get to: the
// ceiling only ever moves down (docs/performance.md, "First-load JavaScript").
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

/** The files a route loads first: the runtime's, then its segments' chunks. */
export function firstLoadFiles(buildDir, route) {
  const build = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8"));
  const sandbox = { globalThis: {} };
  sandbox.self = sandbox.globalThis;
  const manifestFile = path.join(buildDir, "server", "app", `${route}_client-reference-manifest.js`);
  vm.runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  const manifest = sandbox.globalThis.__RSC_MANIFEST?.[route];
  if (!manifest?.entryJSFiles) throw new Error(`${manifestFile} has no entryJSFiles for ${route}`);
  const files = new Set(build.rootMainFiles ?? []);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const file of chunks) files.add(file);
  return [...files];
}

/** Each budgeted route's first-load JavaScript in gzipped bytes, and whether it fits. */
export function checkBudgets(buildDir, budgets) {
  return Object.entries(budgets).map(([route, { label, maxKB, targetKB = maxKB }]) => {
    const files = firstLoadFiles(buildDir, route);
    const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(buildDir, file))).length, 0);
    return { route, label, files: files.length, kB: bytes / 1024, maxKB, targetKB, ok: bytes / 1024 <= maxKB };
  });
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const buildDir = path.resolve(process.env.BUNDLE_BUILD_DIR ?? path.join(root, ".next"));
  const budgetFile = process.env.BUNDLE_BUDGETS ?? path.join(root, "scripts", "bundle-budgets.json");
  const budgets = JSON.parse(readFileSync(budgetFile, "utf8")).routes;
  let results;
  try {
    results = checkBudgets(buildDir, budgets);
  } catch (error) {
    console.error(`[bundle budgets] cannot read the build in ${buildDir} (run \`next build\` first): ${error.message}`);
    process.exit(2);
  }
  for (const r of results) {
    const target = r.targetKB < r.maxKB ? ` (target ${r.targetKB} kB${r.kB <= r.targetKB ? ", met" : ""})` : "";
    const verdict = (r.ok ? "ok" : `OVER by ${(r.kB - r.maxKB).toFixed(1)} kB`) + target;
    console.log(`${r.label.padEnd(14)} ${r.kB.toFixed(1).padStart(7)} kB of ${r.maxKB} kB gzip, ${r.files} scripts  ${verdict}`);
  }
  if (results.some((r) => !r.ok)) {
    console.error("[bundle budgets] a page loads more JavaScript than its budget: load the rest on demand (next/dynamic).");
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
