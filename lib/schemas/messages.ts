import { z } from "zod";

// Plain-language defaults for every schema that does not set its own message, in the
// style of the rest of the API ("<field> must be …"): the API, the OpenAPI clients and
// the dashboard's forms all show these to people.

const TYPE_NAMES: Record<string, string> = {
  object: "a JSON object",
  array: "a list",
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
};

z.config({
  customError: (iss) => {
    switch (iss.code) {
      case "invalid_type":
        if (iss.input === undefined) return "is required";
        return `must be ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
      case "unrecognized_keys":
        return `has unknown field${iss.keys.length === 1 ? "" : "s"}: ${iss.keys.join(", ")}`;
      default:
        return undefined;
    }
  },
});
