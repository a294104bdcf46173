"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { AccountMenu } from "./auth/account-menu";
import { SignOutButton } from "./auth/sign-out-button";
import { Logo } from "./logo";
import { isActive, navItemsFor } from "./nav-config";
import { Badge } from "./ui/badge";
import { cn } from "./ui/cn";

export type ShellUser = { name: string; email: string; superAdmin: boolean };

/** The signed-in frame: a sidebar from 1024 px, a top bar with a menu button below that; `notice` goes above every page. */
export function AppShell({ user, notice, children }: { user: ShellUser; notice?: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing the mobile menu is exactly what a route change should do
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [menuOpen]);

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[70]"
      >
        Skip to content
      </a>

      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col border-r border-line bg-surface lg:flex">
        <div className="flex h-16 items-center px-5">
          <Link href="/" className="rounded-md no-underline hover:no-underline">
            <Logo />
          </Link>
        </div>
        <NavLinks user={user} pathname={pathname} className="flex-1 px-3" />
        <UserPanel user={user} className="border-t border-line p-4" />
      </aside>

      <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur lg:hidden">
        <div className="flex h-14 items-center justify-between px-4">
          <Link href="/" className="rounded-md no-underline hover:no-underline">
            <Logo />
          </Link>
          <button
            ref={menuButton}
            type="button"
            aria-expanded={menuOpen}
            aria-controls="mobile-menu"
            onClick={() => setMenuOpen((open) => !open)}
            className="inline-flex h-9 items-center gap-2 rounded-md border border-line-strong px-3 text-sm font-medium hover:bg-surface-muted"
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
              {menuOpen ? (
                <path d="M4 4l8 8M12 4l-8 8" strokeLinecap="round" />
              ) : (
                <path d="M2.5 4h11M2.5 8h11M2.5 12h11" strokeLinecap="round" />
              )}
            </svg>
            Menu
          </button>
        </div>
        <div id="mobile-menu" hidden={!menuOpen} className="border-t border-line px-3 pb-4">
          <NavLinks user={user} pathname={pathname} className="pt-3" onNavigate={() => setMenuOpen(false)} />
          <UserPanel user={user} className="mt-3 border-t border-line px-2 pt-4" />
        </div>
      </header>

      <main id="main" tabIndex={-1} className="px-4 py-6 outline-none sm:px-6 lg:ml-60 lg:px-10 lg:py-10">
        <div className="mx-auto max-w-6xl">
          {notice}
          {children}
        </div>
      </main>
    </div>
  );
}

function NavLinks({
  user,
  pathname,
  className,
  onNavigate,
}: {
  user: ShellUser;
  pathname: string;
  className?: string;
  onNavigate?: () => void;
}) {
  return (
    <nav aria-label="Main" className={className}>
      <ul className="space-y-0.5">
        {navItemsFor(user).map((item) => {
          const active = isActive(item, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                onClick={onNavigate}
                className={cn(
                  "flex items-center rounded-md px-3 py-2 text-sm font-medium no-underline hover:no-underline",
                  active ? "bg-info-soft text-link" : "text-muted hover:bg-surface-muted hover:text-fg",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function UserPanel({ user, className }: { user: ShellUser; className?: string }) {
  const initials =
    user.name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase())
      .join("") || "?";
  return (
    <div className={cn("space-y-3", className)}>
      <div className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className="flex size-9 shrink-0 items-center justify-center rounded-full bg-surface-muted text-sm font-semibold"
        >
          {initials}
        </span>
        <div className="min-w-0">
          <p className="truncate text-sm font-medium">{user.name}</p>
          <p className="truncate text-xs text-muted">{user.email}</p>
        </div>
      </div>
      <div className="flex items-center justify-between gap-2">
        {user.superAdmin ? <Badge tone="accent">Super admin</Badge> : <Badge>User</Badge>}
        <div className="flex items-center gap-1">
          <SignOutButton />
          <AccountMenu />
        </div>
      </div>
    </div>
  );
}
