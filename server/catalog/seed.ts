import "server-only";
import { recordEvent } from "../audit/record";
import type { Actor } from "../auth/principal";
import { getDb, type Tx } from "../db";

// A realistic demo catalog: 3 projects, 4 environments (one production), 12 apps with
// deployments, Helm apps and chart groups. Idempotent: what exists is left alone.

const PROJECTS = [
  { name: "payments", description: "Card processing, refunds and payouts" },
  { name: "storefront", description: "The customer-facing shop" },
  { name: "platform", description: "Shared infrastructure services" },
];
const ENVIRONMENTS = [
  { name: "dev", cluster: "dev-cluster", namespace: "dev", production: false, description: "Every merge lands here" },
  { name: "staging", cluster: "staging-cluster", namespace: "staging", production: false, description: "Release candidates" },
  { name: "qa", cluster: "staging-cluster", namespace: "qa", production: false, description: "Manual and load testing" },
  { name: "production", cluster: "prod-cluster", namespace: "prod", production: true, description: "Customers use this" },
];
const APPS: [project: string, name: string, description: string, envs: string[]][] = [
  ["payments", "payment-gateway", "Accepts card payments from the shop", ["dev", "staging", "production"]],
  ["payments", "refund-service", "Issues full and partial refunds", ["dev", "staging", "production"]],
  ["payments", "payout-worker", "Nightly merchant payouts", ["dev", "staging"]],
  ["payments", "fraud-scoring", "Scores transactions for fraud", ["dev", "qa"]],
  ["storefront", "web-frontend", "Next.js storefront", ["dev", "staging", "qa", "production"]],
  ["storefront", "catalog-api", "Product catalog API", ["dev", "staging", "production"]],
  ["storefront", "cart-service", "Shopping cart", ["dev", "staging", "production"]],
  ["storefront", "search-indexer", "Keeps search in sync with the catalog", ["dev"]],
  ["platform", "auth-service", "Single sign-on for internal tools", ["dev", "staging", "production"]],
  ["platform", "notification-hub", "Email, SMS and push", ["dev", "staging"]],
  ["platform", "metrics-exporter", "Prometheus exporters", ["dev", "production"]],
  ["platform", "feature-flags", "Feature flag service", ["dev", "staging", "qa"]],
];
const HELM_APPS = [
  {
    name: "redis-cache",
    project: "storefront",
    environment: "staging",
    chart: "bitnami/redis",
    version: "19.6.4",
    values: "architecture: standalone\nauth:\n  enabled: true\n",
  },
  {
    name: "postgres-main",
    project: "payments",
    environment: "production",
    chart: "bitnami/postgresql",
    version: "15.5.20",
    values: "primary:\n  persistence:\n    size: 50Gi\n",
  },
  {
    name: "ingress-nginx",
    project: "platform",
    environment: "production",
    chart: "ingress-nginx/ingress-nginx",
    version: "4.11.1",
    values: "controller:\n  replicaCount: 2\n",
  },
  {
    name: "grafana",
    project: "platform",
    environment: "staging",
    chart: "grafana/grafana",
    version: "8.4.2",
    values: "persistence:\n  enabled: false\n",
  },
];
const CHART_GROUPS = [
  {
    name: "observability",
    description: "Metrics, logs and dashboards",
    charts: [
      { name: "prometheus-community/prometheus", version: "25.24.1" },
      { name: "grafana/grafana", version: "8.4.2" },
      { name: "grafana/loki", version: "6.7.1" },
    ],
  },
  {
    name: "data-stores",
    description: "Databases and caches",
    charts: [
      { name: "bitnami/postgresql", version: "15.5.20" },
      { name: "bitnami/redis", version: "19.6.4" },
    ],
  },
  {
    name: "edge",
    description: "Ingress and certificates",
    charts: [
      { name: "ingress-nginx/ingress-nginx", version: "4.11.1" },
      { name: "jetstack/cert-manager", version: "1.15.1" },
    ],
  },
];

export type SeedResult = {
  projects: number;
  environments: number;
  apps: number;
  deployments: number;
  helmApps: number;
  chartGroups: number;
};

async function seedApps(tx: Tx, by: string, projectIds: Map<string, number>, envIds: Map<string, number>): Promise<[number, number]> {
  let apps = 0;
  let deployments = 0;
  for (const [i, [project, name, description, envs]] of APPS.entries()) {
    if (await tx.app.findUnique({ where: { name } })) continue;
    const app = await tx.app.create({
      data: {
        name,
        description,
        projectId: projectIds.get(project)!,
        createdBy: by,
        labels: [{ key: "team", value: project, propagate: true }],
      },
    });
    apps++;
    for (const [j, env] of envs.entries()) {
      await tx.deployment.create({
        data: {
          appId: app.id,
          environmentId: envIds.get(env)!,
          image: `registry.example.com/${name}:1.${i}.${j}`,
          triggeredBy: by,
          createdAt: new Date(Date.now() - (envs.length - j) * 3_600_000),
        },
      });
      deployments++;
    }
  }
  return [apps, deployments];
}

export async function seedDemoData(actor: Actor): Promise<SeedResult> {
  const db = await getDb();
  return db.$transaction(
    async (tx) => {
      const result: SeedResult = { projects: 0, environments: 0, apps: 0, deployments: 0, helmApps: 0, chartGroups: 0 };
      const projectIds = new Map<string, number>();
      for (const p of PROJECTS) {
        let project = await tx.project.findUnique({ where: { name: p.name } });
        if (!project) {
          project = await tx.project.create({ data: p });
          result.projects++;
        }
        projectIds.set(p.name, project.id);
      }
      const envIds = new Map<string, number>();
      for (const e of ENVIRONMENTS) {
        let environment = await tx.environment.findUnique({ where: { name: e.name } });
        if (!environment) {
          environment = await tx.environment.create({ data: e });
          result.environments++;
        }
        envIds.set(e.name, environment.id);
      }
      [result.apps, result.deployments] = await seedApps(tx, actor.name, projectIds, envIds);
      for (const h of HELM_APPS) {
        const environmentId = envIds.get(h.environment)!;
        if (await tx.helmApp.findUnique({ where: { environmentId_name: { environmentId, name: h.name } } })) continue;
        await tx.helmApp.create({
          data: {
            name: h.name,
            projectId: projectIds.get(h.project)!,
            environmentId,
            chart: h.chart,
            version: h.version,
            values: h.values,
          },
        });
        result.helmApps++;
      }
      for (const g of CHART_GROUPS) {
        if (await tx.chartGroup.findUnique({ where: { name: g.name } })) continue;
        await tx.chartGroup.create({ data: g });
        result.chartGroups++;
      }
      await recordEvent(tx, { action: "catalog.seeded", actor, target: { type: "catalog", id: null }, details: result });
      return result;
    },
    { timeout: 30_000 },
  );
}
