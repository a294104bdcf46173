import { describe, expect, it } from "vitest";
import { cn } from "./cn";
import { inputClasses } from "./input";

describe("cn", () => {
  it("skips falsy values and joins the rest", () => {
    expect(cn("a", false, null, undefined, "", "b")).toBe("a b");
  });

  it("lets the later of two conflicting Tailwind classes win", () => {
    expect(cn("px-3 py-2", "px-4")).toBe("py-2 px-4");
    expect(cn(inputClasses, "h-9 w-auto")).toMatch(/\bh-9\b/);
    expect(cn(inputClasses, "h-9 w-auto")).not.toMatch(/\bh-10\b|\bw-full\b/);
  });

  it("keeps the theme's own colours apart from sizes", () => {
    // text-danger-text is a colour and text-sm a size: both stay.
    expect(cn("text-sm text-fg", "text-danger-text")).toBe("text-sm text-danger-text");
    expect(cn("border border-line-strong", "border-danger-text")).toBe("border border-danger-text");
    expect(cn("bg-surface", "bg-surface-muted")).toBe("bg-surface-muted");
  });
});
