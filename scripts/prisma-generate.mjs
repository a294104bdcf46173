// Runs `prisma generate` on machines with and without Prisma's native schema engine.
// generate never executes the engine, but the CLI insists on finding a file; offline
// machines cannot download it, so point the CLI at any existing file in that case.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const enginesDir = path.join(process.cwd(), "node_modules", "@prisma", "engines");
const hasEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
if (!hasEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;

const cli = require.resolve("prisma/build/index.js");
execFileSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
