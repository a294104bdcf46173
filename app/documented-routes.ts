import type { RouteModule } from "@/server/openapi/document";
import * as cron from "./api/cron/notifications/route";
import * as health from "./api/health/route";
import * as setup from "./api/setup/route";
import * as deployments from "./api/v1/apps/[id]/deployments/route";
import * as app from "./api/v1/apps/[id]/route";
import * as apps from "./api/v1/apps/route";
import * as audit from "./api/v1/audit-events/route";
import * as calendarFeed from "./api/v1/calendar/[secret]/route";
import * as chartGroup from "./api/v1/chart-groups/[id]/route";
import * as chartGroups from "./api/v1/chart-groups/route";
import * as environment from "./api/v1/environments/[id]/route";
import * as environments from "./api/v1/environments/route";
import * as helmApp from "./api/v1/helm-apps/[id]/route";
import * as helmApps from "./api/v1/helm-apps/route";
import * as introspect from "./api/v1/introspect/route";
import * as myCalendarFeed from "./api/v1/me/calendar-feed/route";
import * as me from "./api/v1/me/route";
import * as mySessions from "./api/v1/me/sessions/route";
import * as project from "./api/v1/projects/[id]/route";
import * as projects from "./api/v1/projects/route";
import * as idlePreview from "./api/v1/settings/idle-preview/route";
import * as settings from "./api/v1/settings/route";
import * as endGrace from "./api/v1/tokens/[id]/end-grace/route";
import * as explain from "./api/v1/tokens/[id]/explain/route";
import * as grace from "./api/v1/tokens/[id]/grace/route";
import * as regenerate from "./api/v1/tokens/[id]/regenerate/route";
import * as token from "./api/v1/tokens/[id]/route";
import * as bulk from "./api/v1/tokens/bulk/route";
import * as revoke from "./api/v1/tokens/revoke/route";
import * as tokens from "./api/v1/tokens/route";
import * as selfToken from "./api/v1/tokens/self/route";
import * as user from "./api/v1/users/[id]/route";
import * as userSessions from "./api/v1/users/[id]/sessions/route";
import * as users from "./api/v1/users/route";
import * as redeliver from "./api/v1/webhooks/[id]/deliveries/[deliveryId]/redeliver/route";
import * as deliveries from "./api/v1/webhooks/[id]/deliveries/route";
import * as webhook from "./api/v1/webhooks/[id]/route";
import * as webhookTest from "./api/v1/webhooks/[id]/test/route";
import * as webhooks from "./api/v1/webhooks/route";
import * as devtronToken from "./orchestrator/api-token/[id]/route";
import * as devtronTokens from "./orchestrator/api-token/route";
import * as devtronApps from "./orchestrator/app/route";

// Every route module whose handlers are declared (route(), orchestratorRoute()), in the order
// the OpenAPI document and the API reference (/docs/api) list them. Next bundles each route
// on its own, so nothing can find them at run time; tests/api/openapi.test.ts checks this
// list against the route files on disk.
export const DOCUMENTED_ROUTES: readonly RouteModule[] = [
  health,
  setup,
  me,
  mySessions,
  myCalendarFeed,
  tokens,
  bulk,
  selfToken,
  revoke,
  introspect,
  token,
  regenerate,
  grace,
  endGrace,
  explain,
  projects,
  project,
  environments,
  environment,
  apps,
  app,
  deployments,
  helmApps,
  helmApp,
  chartGroups,
  chartGroup,
  users,
  user,
  userSessions,
  audit,
  webhooks,
  webhook,
  deliveries,
  redeliver,
  webhookTest,
  calendarFeed,
  cron,
  settings,
  idlePreview,
  devtronTokens,
  devtronToken,
  devtronApps,
];
