/** One line per dashboard page; the shell renders them in this order. */
export type NavItem = {
  href: string;
  label: string;
  /** Shown only to super admins (the page itself still refuses everyone else). */
  superAdminOnly?: boolean;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/tokens", label: "Tokens", superAdminOnly: true },
  { href: "/webhooks", label: "Webhooks", superAdminOnly: true },
  { href: "/apps", label: "Apps" },
  { href: "/helm-apps", label: "Helm apps" },
  { href: "/chart-groups", label: "Chart groups" },
  { href: "/projects", label: "Projects" },
  { href: "/environments", label: "Environments" },
  { href: "/users", label: "Users", superAdminOnly: true },
  { href: "/audit", label: "Audit", superAdminOnly: true },
  { href: "/settings", label: "Settings", superAdminOnly: true },
  { href: "/docs/api", label: "API" },
  { href: "/docs/scanning", label: "Secret scanning" },
];

export function navItemsFor(user: { superAdmin: boolean }): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.superAdminOnly || user.superAdmin);
}

export function isActive(item: NavItem, pathname: string): boolean {
  return item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
}
