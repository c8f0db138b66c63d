import { Link, useMatches } from "@remix-run/react";
import { createContext, useContext, type AnchorHTMLAttributes } from "react";

/** Whether the routes of this page let it ship JavaScript: read-only pages say `handle.hydrate = false`. */
export function useRoutesHydrate() {
  return !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

// Decided once per page by root.tsx (from the routes) and by the markup cache (never: fragments are markup).
const PageHydrates = createContext(true);
export const PageHydratesProvider = PageHydrates.Provider;

/** Whether the page being rendered ships JavaScript. */
export function usePageHydrates() {
  return useContext(PageHydrates);
}

type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

/**
 * A link within the site: the router's on pages that run JavaScript (client-side navigation), a plain
 * `<a>` on pages that ship none, where the router's link would give the same markup after resolving its
 * path and reading the router's state on every render. Give it absolute paths (from the site's root), so
 * both point at the same place.
 */
export function AppLink({ to, children, ...props }: AppLinkProps) {
  if (usePageHydrates()) {
    return (
      <Link to={to} {...props}>
        {children}
      </Link>
    );
  }
  return (
    <a href={to} {...props}>
      {children}
    </a>
  );
}
