// Writes docs/permissions.md from the permission table. lib/permissions/render-doc.test.ts fails
// when the file on disk is out of date, so run this after changing the policy or the table.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { renderPermissionsDoc } from "../lib/permissions/render-doc";

const target = fileURLToPath(new URL("../docs/permissions.md", import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderPermissionsDoc());
console.log(`wrote ${target}`);
