import { json } from "@remix-run/node";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { toEntryInput, toolboxSchemaFor, type ToolboxKind } from "./toolbox.schema.ts";
import type { ToolboxEntryPage } from "./toolbox-queries.server.ts";

export type ToolboxFormActionData = { errors?: Record<string, string>; values: Record<string, string | string[]> };

/**
 * Reads an entry form posted to /boite-a-outils/nouvelle or /boite-a-outils/:id/modifier with its kind's
 * schema. Bad input answers 400 with the messages and everything typed, so the page shows both.
 */
export async function readToolboxForm(request: Request, kind: ToolboxKind) {
  const parsed = await parseForm(request, toolboxSchemaFor(kind));
  if (!parsed.ok) return { response: json<ToolboxFormActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 }) } as const;
  const invalid = (errors: Record<string, string>) => json<ToolboxFormActionData>({ errors, values: parsed.values }, { status: 400 });
  return { data: { intent: parsed.data.intent ?? "save_draft", input: toEntryInput(parsed.data) }, invalid } as const;
}

/** An entry as its edit form starts: one string per field, lists for the checkboxes. */
export function entryFormValues(entry: ToolboxEntryPage): Record<string, string | string[]> {
  return {
    title: entry.title,
    summary: entry.summary,
    place: entry.place,
    people: entry.people,
    whatWorked: entry.whatWorked,
    whatDidNot: entry.whatDidNot,
    organisation: entry.organisation,
    publicContact: entry.publicContact,
    steps: entry.steps,
    durationMinutes: entry.durationMinutes === null ? "" : String(entry.durationMinutes),
    material: entry.material,
    audience: entry.audience,
    themes: entry.themes,
    actions: entry.actions,
    quartierCode: entry.quartierCode ?? "",
    ambitionNumbers: entry.ambitions.map((a) => String(a.number)),
    communeSlugs: entry.communes.map((c) => c.slug),
  };
}
