import { publicUrl } from "@/server/config";
import { methods } from "@/server/http/methods";
import { json } from "@/server/http/respond";
import { openApiDocument } from "@/server/openapi/document";
import { DOCUMENTED_ROUTES } from "../../documented-routes";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/openapi.json — the OpenAPI 3.1 document, written from the routes' own declarations. */
  GET: async () => json(openApiDocument(DOCUMENTED_ROUTES, publicUrl())),
});
