import { publicUrl } from "@/server/config";
import { json } from "@/server/http/respond";
import { openApiDocument } from "@/server/openapi/document";

/** GET /api/openapi.json — the OpenAPI 3.1 document, generated from the routes' own zod schemas. */
export function GET() {
  return json(openApiDocument(publicUrl()));
}
