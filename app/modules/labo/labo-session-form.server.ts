import { json } from "@remix-run/node";
import type { FormValues } from "#app/modules/forms/parse-form.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { atelierRowCount, LaboSessionSchema, MAX_ATELIERS } from "./labo-session.schema.ts";

export type SessionFormActionData = { errors?: Record<string, string>; values: FormValues<typeof LaboSessionSchema>; atelierRows: number };

/**
 * Reads the session form posted to /labo/nouveau or /labo/:id/modifier. "Add an atelier" (without
 * JavaScript) answers with the form and one more row; bad input answers 400 with everything typed.
 */
export async function readSessionForm(request: Request) {
  const formData = await request.formData().catch(() => null);
  if (!formData) return { response: json<SessionFormActionData>({ errors: { form: "validation.invalidForm" }, values: {}, atelierRows: 0 }, { status: 400 }) } as const;
  const parsed = validateFormData(formData, LaboSessionSchema);
  const rows = atelierRowCount(parsed.values, String(formData.get("atelierRows") ?? ""));
  if (formData.get("intent") === "addAtelier") {
    return { response: json<SessionFormActionData>({ values: parsed.values, atelierRows: Math.min(rows + 1, MAX_ATELIERS) }) } as const;
  }
  if (!parsed.ok) return { response: json<SessionFormActionData>({ errors: parsed.errors, values: parsed.values, atelierRows: rows }, { status: 400 }) } as const;
  const invalid = (errors: Record<string, string>) => json<SessionFormActionData>({ errors, values: parsed.values, atelierRows: rows }, { status: 400 });
  return { data: parsed.data, invalid } as const;
}
