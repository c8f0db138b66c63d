import type { TFunction } from "i18next";
import type { z } from "zod";
import type { EditField } from "#app/components/referential-edit-form.tsx";
import type { ReferentialKindSlug } from "#app/modules/referential/referential-kinds.server.ts";
import { AmbitionSchema, GovernanceBodySchema, LIMITS, PilierSchema, QuartierSchema, TransversalAxisSchema } from "#app/modules/referential/referential.schema.ts";

type EditPage = {
  /** The same schema the server checks with, so the browser can check the form before posting. */
  schema: z.ZodTypeAny;
  /** Where the item is shown to residents. */
  publicLink: (key: string) => string;
  /** The form's fields with their hints ("admin" namespace). */
  fields: (t: TFunction<"admin">, key: string) => EditField[];
};

/** The edit page of each kind of referential item (/admin/referentiel/<kind>/<key>). */
export const REFERENTIAL_EDIT_PAGES: Record<ReferentialKindSlug, EditPage> = {
  piliers: {
    schema: PilierSchema,
    publicLink: (number) => `/ambitions#pilier-${number}`,
    fields: (t) => [
      { name: "shortTitle", kind: "line", required: true, hint: t("referential.hints.shortTitle", { max: LIMITS.shortTitle }) },
      { name: "title", kind: "longLine", required: true, hint: t("referential.hints.maxLength", { max: LIMITS.title }) },
      { name: "summary", kind: "text", rows: 3, hint: t("referential.hints.summary", { max: LIMITS.summary }) },
    ],
  },
  ambitions: {
    schema: AmbitionSchema,
    publicLink: (number) => `/ambitions/${number}`,
    fields: (t) => [
      { name: "title", kind: "longLine", required: true, hint: t("referential.hints.maxLength", { max: LIMITS.title }) },
      { name: "summary", kind: "text", rows: 3, hint: t("referential.hints.summary", { max: LIMITS.summary }) },
      { name: "description", kind: "text", rows: 8, hint: t("referential.hints.paragraphs", { max: LIMITS.description }) },
      { name: "supportThreshold", kind: "number", required: true, hint: t("referential.hints.supportThreshold") },
    ],
  },
  axes: {
    schema: TransversalAxisSchema,
    publicLink: () => "/ambitions#axes-title",
    fields: (t) => [
      { name: "title", kind: "longLine", required: true, hint: t("referential.hints.maxLength", { max: LIMITS.title }) },
      { name: "summary", kind: "text", rows: 3, hint: t("referential.hints.summary", { max: LIMITS.summary }) },
    ],
  },
  instances: {
    schema: GovernanceBodySchema,
    publicLink: (key) => `/instances#instance-${key}`,
    fields: (t) => [
      { name: "name", kind: "line", required: true, hint: t("referential.hints.maxLength", { max: LIMITS.name }) },
      { name: "cadence", kind: "text", rows: 2, hint: t("referential.hints.paragraphs", { max: LIMITS.cadence }) },
      { name: "members", kind: "text", rows: 4, hint: t("referential.hints.paragraphs", { max: LIMITS.members }) },
      { name: "role", kind: "text", rows: 6, hint: t("referential.hints.paragraphs", { max: LIMITS.role }) },
    ],
  },
  quartiers: {
    schema: QuartierSchema,
    publicLink: (code) => `/quartiers/${code}`,
    fields: (t, code) => [
      { name: "name", kind: "line", required: true, hint: t("referential.hints.quartierName", { code, max: LIMITS.name }) },
      { name: "summary", kind: "text", rows: 4, hint: t("referential.hints.summary", { max: LIMITS.summary }) },
    ],
  },
};
