import { describe, expect, it } from "vitest";
import { aboutCount } from "./pagination";

// An estimated total as the list page words it (the API's totalExact: false).
describe("aboutCount", () => {
  it.each([
    [10_001, "about 10,000"],
    [48_213, "about 48,000"],
    [999_999, "about 1,000,000"],
    [1_234_567, "about 1.2 million"],
    [12_000_000, "about 12 million"],
  ])("%i reads %s", (n, words) => {
    expect(aboutCount(n)).toBe(words);
  });
});
