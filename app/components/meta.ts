import { isRouteErrorResponse, type MetaFunction } from "@remix-run/react";

type RootData = { errorTitles?: Record<string, string>; siteName?: string };
type TitledData = { title?: string; description?: string } | undefined;

/**
 * Every route's `meta`: the title its loader translated, or on an error the translated title of that
 * error (from the root loader), so each page — error pages included — has its own <title>.
 */
export const pageMeta: MetaFunction = ({ data, error, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as RootData | undefined;
  const site = root?.siteName ?? "Labo";
  if (error) {
    const status = isRouteErrorResponse(error) ? error.status : 500;
    const title = root?.errorTitles?.[String(status)] ?? root?.errorTitles?.[status >= 500 ? "500" : "400"] ?? "Erreur";
    return [{ title: `${title} · ${site}` }];
  }
  const page = data as TitledData;
  const tags: ReturnType<MetaFunction> = [{ title: page?.title ? `${page.title} · ${site}` : site }];
  if (page?.description) tags.push({ name: "description", content: page.description });
  return tags;
};
