/**
 * The five kinds of referential item an administrator edits at /admin/referentiel/<kind>/<key>: how each
 * reads its key from the URL, finds its row, checks its form (zod schema) and saves (update use case,
 * with its audit entry). The route only picks the kind by its URL segment; anything else is a 404.
 */
import type { z } from "zod";
import { parseKeyParam, parseNumberParam, parseQuartierCodeParam } from "./referential-params.ts";
import { getAmbition, getGovernanceBody, getPilier, getQuartier, getTransversalAxis } from "./referential-queries.server.ts";
import { AmbitionSchema, GovernanceBodySchema, PilierSchema, QuartierSchema, TransversalAxisSchema } from "./referential.schema.ts";
import {
  updateAmbition,
  updateGovernanceBody,
  updatePilier,
  updateQuartier,
  updateTransversalAxis,
  type UpdateResult,
} from "./update-referential.server.ts";

type Actor = { id: string };

/** What the edit page shows: its title (an "admin" key and its values), the key as the page links it, the form's values. */
export type ReferentialItem = {
  titleKey: string;
  titleValues: Record<string, string | number>;
  key: string;
  updatedAt: Date;
  defaults: Record<string, string>;
};

export type ReferentialKind = {
  schema: z.ZodTypeAny;
  /** The item, or null when the key is malformed or unknown. */
  find: (rawKey: string | undefined) => Promise<ReferentialItem | null>;
  /** Saves input checked by `schema` (its output), or null when the key is malformed (before the form is even read). */
  saver: (rawKey: string | undefined) => ((actor: Actor, input: unknown) => Promise<UpdateResult>) | null;
};

function defineKind<Id, Row, S extends z.ZodTypeAny>(config: {
  schema: S;
  parseKey: (raw: string | undefined) => Id | null;
  get: (id: Id) => Promise<Row | null>;
  item: (row: Row) => ReferentialItem;
  update: (actor: Actor, id: Id, input: z.infer<S>) => Promise<UpdateResult>;
}): ReferentialKind {
  return {
    schema: config.schema,
    find: async (rawKey) => {
      const id = config.parseKey(rawKey);
      const row = id === null ? null : await config.get(id);
      return row ? config.item(row) : null;
    },
    saver: (rawKey) => {
      const id = config.parseKey(rawKey);
      return id === null ? null : (actor, input) => config.update(actor, id, input as z.infer<S>);
    },
  };
}

/** The back office takes a quartier code exactly as the overview links it (upper case): no redirects here. */
function parseCanonicalQuartierCode(raw: string | undefined) {
  const param = parseQuartierCodeParam(raw);
  return param?.canonical ? param.code : null;
}

const KINDS = {
  piliers: defineKind({
    schema: PilierSchema,
    parseKey: parseNumberParam,
    get: getPilier,
    item: (pilier) => ({
      titleKey: "referential.edit.pilier",
      titleValues: { number: pilier.number },
      key: String(pilier.number),
      updatedAt: pilier.updatedAt,
      defaults: { shortTitle: pilier.shortTitle, title: pilier.title, summary: pilier.summary },
    }),
    update: updatePilier,
  }),
  ambitions: defineKind({
    schema: AmbitionSchema,
    parseKey: parseNumberParam,
    get: getAmbition,
    item: ({ ambition }) => ({
      titleKey: "referential.edit.ambition",
      titleValues: { number: ambition.number },
      key: String(ambition.number),
      updatedAt: ambition.updatedAt,
      defaults: { title: ambition.title, summary: ambition.summary, description: ambition.description, supportThreshold: String(ambition.supportThreshold) },
    }),
    update: updateAmbition,
  }),
  axes: defineKind({
    schema: TransversalAxisSchema,
    parseKey: parseKeyParam,
    get: getTransversalAxis,
    item: (axis) => ({
      titleKey: "referential.edit.axis",
      titleValues: { title: axis.title },
      key: axis.key,
      updatedAt: axis.updatedAt,
      defaults: { title: axis.title, summary: axis.summary },
    }),
    update: updateTransversalAxis,
  }),
  instances: defineKind({
    schema: GovernanceBodySchema,
    parseKey: parseKeyParam,
    get: getGovernanceBody,
    item: (body) => ({
      titleKey: "referential.edit.instance",
      titleValues: { name: body.name },
      key: body.key,
      updatedAt: body.updatedAt,
      defaults: { name: body.name, cadence: body.cadence, members: body.members, role: body.role },
    }),
    update: updateGovernanceBody,
  }),
  quartiers: defineKind({
    schema: QuartierSchema,
    parseKey: parseCanonicalQuartierCode,
    get: getQuartier,
    item: (quartier) => ({
      titleKey: "referential.edit.quartier",
      titleValues: { code: quartier.code },
      key: quartier.code,
      updatedAt: quartier.updatedAt,
      defaults: { name: quartier.name, summary: quartier.summary },
    }),
    update: updateQuartier,
  }),
} satisfies Record<string, ReferentialKind>;

export type ReferentialKindSlug = keyof typeof KINDS;

/** The kind named by a URL segment ("piliers", "ambitions", "axes", "instances", "quartiers"), or null. */
export function getReferentialKind(slug: string | undefined): { slug: ReferentialKindSlug; kind: ReferentialKind } | null {
  if (!slug || !Object.hasOwn(KINDS, slug)) return null;
  const known = slug as ReferentialKindSlug;
  return { slug: known, kind: KINDS[known] };
}
