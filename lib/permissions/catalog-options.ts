// What the permission editor offers in its multi-selects: the names of everything a
// grant can refer to. Loaded on the server (server/catalog/options.ts) by pages that
// render the editor.

export type PermissionCatalog = {
  projects: string[];
  environments: string[];
  /** Devtron apps, with their project, so the editor offers only the chosen project's apps. */
  apps: { name: string; project: string }[];
  helmApps: { name: string; project: string; environment: string }[];
  chartGroups: string[];
};
