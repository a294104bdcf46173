import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POLICY_CASES } from "./policy-table";
import { RENDER_COMMAND, renderPermissionsDoc } from "./render-doc";

const docPath = new URL("../../docs/permissions.md", import.meta.url);

function onDisk(): string {
  try {
    return readFileSync(docPath, "utf8");
  } catch {
    return "";
  }
}

describe("docs/permissions.md", () => {
  it("matches the policy table", () => {
    // A plain boolean keeps the failure short; the fix is always to re-render.
    const upToDate = onDisk() === renderPermissionsDoc();
    expect(upToDate, `docs/permissions.md is out of date: run \`${RENDER_COMMAND}\``).toBe(true);
  });

  it("renders every case and the case count", () => {
    const doc = renderPermissionsDoc();
    expect(doc).toContain(`${POLICY_CASES.length} cases`);
    expect(doc).toContain("| `admin` | install | ✗ | ✓ | ✗ | ✗ | ✗ |");
  });
});
