import { createProjectInput, listProjectsQuery, projectResponse } from "@/lib/schemas/catalog";
import { pageResponse } from "@/lib/schemas/common";
import { actorOf } from "@/server/auth/principal";
import { createProject, listProjects } from "@/server/catalog/projects";
import { methods } from "@/server/http/methods";
import { route } from "@/server/http/route";

const path = "/api/v1/projects";
const tag = "Projects";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({
  // Any signed-in principal reads projects; only super admins change them.
  GET: route(
    {
      path,
      tag,
      summary: "List projects",
      access: "principal",
      query: listProjectsQuery,
      response: pageResponse(projectResponse),
      errors: [400],
    },
    async ({ query }) => listProjects(query),
  ),
  POST: route(
    {
      path,
      tag,
      summary: "Create",
      access: "superAdmin",
      body: createProjectInput,
      response: projectResponse,
      status: 201,
      errors: [400, 403, 409],
    },
    async ({ body, principal, ip }) => createProject(body, actorOf(principal, ip)),
  ),
});
