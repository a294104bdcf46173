import { createProjectInput, listProjectsQuery } from "@/lib/schemas/catalog";
import { actorOf } from "@/server/auth/principal";
import { createProject, listProjects } from "@/server/catalog/projects";
import { methods } from "@/server/http/methods";
import { parseBody, parseQuery } from "@/server/http/parse";
import { json } from "@/server/http/respond";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  /** GET /api/v1/projects — any signed-in principal. */
  GET: route("principal", async ({ req }) => listProjects(parseQuery(req, listProjectsQuery))),
  /** POST /api/v1/projects — super admins. */
  POST: route("superAdmin", async ({ req, principal, ip }) =>
    json(await createProject(await parseBody(req, createProjectInput), actorOf(principal, ip)), { status: 201 }),
  ),
});
