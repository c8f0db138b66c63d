import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Resource } from "i18next";
import { supportedLngs } from "./i18n.ts";

// Locale files are read from disk at boot so that they never enter the browser bundle and a new
// namespace needs no import here. The client fetches them from /resources/locales/:lng/:ns.
function loadResources(): Resource {
  const root = path.resolve(process.cwd(), "app/locales");
  const resources: Resource = {};
  for (const lng of supportedLngs) {
    resources[lng] = {};
    for (const file of readdirSync(path.join(root, lng))) {
      if (!file.endsWith(".json")) continue;
      resources[lng][file.slice(0, -5)] = JSON.parse(readFileSync(path.join(root, lng, file), "utf8"));
    }
  }
  return resources;
}

export const resources = loadResources();
export const namespaces = Object.keys(resources.fr ?? {});
