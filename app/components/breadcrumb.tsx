import { Link } from "@remix-run/react";

export type Crumb = { label: string; to?: string; lang?: string };

/** Where the page sits (RGAA 12.9): links to its parents, then the page itself, marked as current. */
export function Breadcrumb({ label, items }: { label: string; items: Crumb[] }) {
  return (
    <nav className="breadcrumb" aria-label={label}>
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {item.to && i < items.length - 1 ? (
              <Link to={item.to} lang={item.lang}>
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" lang={item.lang}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
