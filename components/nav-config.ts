/** One line per dashboard page; the shell renders them in this order. */
export type NavItem = {
  href: string;
  label: string;
  /** Shown only to super admins (the page itself still refuses everyone else). */
  superAdminOnly?: boolean;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/users", label: "Users", superAdminOnly: true },
];

export function navItemsFor(user: { superAdmin: boolean }): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.superAdminOnly || user.superAdmin);
}

export function isActive(item: NavItem, pathname: string): boolean {
  return item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
}
