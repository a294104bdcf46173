import { publicUrl } from "@/server/config";
import { methods } from "@/server/http/methods";
import { json } from "@/server/http/respond";
import { openApiDocument } from "@/server/openapi/document";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/openapi.json — the OpenAPI 3.1 document, generated from the routes' own zod schemas. */
  GET: async () => json(openApiDocument(publicUrl())),
});
