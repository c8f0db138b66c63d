/**
 * Who may open what: every route module in app/routes, called as each kind of visitor, with the
 * outcome each one must get. A new route is added to ROUTES below (the guard test at the end fails
 * until it is): give its file, a URL, its params, and the expected outcome per visitor for its loader
 * and, when it has one, its action (with a small, valid-looking form). Shortcuts: `everyone(outcome)`,
 * `signedIn(outcome)`, `only([...visitors])`.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { roleGrants } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { unsubscribePath } from "#tests/factories/notification-emails.ts";
import { experienceForm, toolboxRouteRows, withToolboxEntries } from "#tests/factories/toolbox.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor } from "#tests/helpers/request.ts";

export const VISITORS = ["anonymous", "resident", "ambassador", "councilMember", "networkMember", "moderator", "coordinator", "administrator"] as const;
export type Visitor = (typeof VISITORS)[number];

/** ok: 2xx · redirect: 3xx elsewhere than sign-in · signIn: 3xx to /connexion · then 400, 403, 404, 409. */
export type Outcome = "ok" | "redirect" | "signIn" | "badRequest" | "forbidden" | "notFound" | "conflict";
export type Expected = Record<Visitor, Outcome>;

const everyone = (outcome: Outcome): Expected => Object.fromEntries(VISITORS.map((v) => [v, outcome])) as Expected;
/** Visitors go to sign-in; every signed-in visitor gets `outcome`. */
const signedIn = (outcome: Outcome): Expected => ({ ...everyone(outcome), anonymous: "signIn" });
/** Visitors go to sign-in; the listed visitors get `outcome`, the other signed-in ones 403. */
const only = (allowed: Visitor[], outcome: Outcome = "ok"): Expected => ({
  ...signedIn("forbidden"),
  ...Object.fromEntries(allowed.map((v) => [v, outcome])),
});

/**
 * The rows every case may point at: a user to look at, and one of their grants; a published proposal
 * and a draft, both written by the resident (so the resident is their author, every other visitor not).
 */
export type Fixture = {
  targetUserId: string;
  targetGrantId: string;
  proposalId: string;
  draftProposalId: string;
  /** A contribution by the resident on the published proposal. */
  contributionId: string;
  /** An announced rendez-vous in Lens (the ambassador's commune), and one in Avion (not theirs). */
  laboSessionId: string;
  otherCommuneLaboSessionId: string;
};

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

export type RouteCase = {
  /** The file in app/routes (a folder route is "folder/route.tsx"). */
  file: string;
  /** Tells apart several cases for one file. */
  name?: string;
  // A literal import per route keeps the table explicit and type-checked. (A relative path: the lint
  // rule against "#app/routes/*" imports is for routes importing routes.)
  load: () => Promise<RouteModule>;
  url: string | ((f: Fixture) => string);
  params?: (f: Fixture) => Record<string, string>;
  loader?: Expected;
  action?: { form: (f: Fixture) => Record<string, string>; expected: Expected };
};

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** Also the fuzz suite's list of targets (tests/fuzz/hostile-input.test.ts). */
export const ROUTES: RouteCase[] = [
  // Public pages and resources
  { file: "_index.tsx", load: () => import("../../app/routes/_index.tsx"), url: "/", loader: everyone("ok") },
  { file: "$.tsx", load: () => import("../../app/routes/$.tsx"), url: "/nulle-part", params: () => ({ "*": "nulle-part" }), loader: everyone("notFound") },
  { file: "accessibilite.tsx", load: () => import("../../app/routes/accessibilite.tsx"), url: "/accessibilite", loader: everyone("ok") },
  { file: "confidentialite.tsx", load: () => import("../../app/routes/confidentialite.tsx"), url: "/confidentialite", loader: everyone("ok") },
  { file: "healthz.ts", load: () => import("../../app/routes/healthz.ts"), url: "/healthz", loader: everyone("ok") },
  {
    file: "resources.locales.$lng.$ns.ts",
    load: () => import("../../app/routes/resources.locales.$lng.$ns.ts"),
    url: "/resources/locales/fr/common",
    params: () => ({ lng: "fr", ns: "common" }),
    loader: everyone("ok"),
  },
  {
    file: "resources.locales.$lng.$ns.ts",
    name: "unknown namespace",
    load: () => import("../../app/routes/resources.locales.$lng.$ns.ts"),
    url: "/resources/locales/xx/nope",
    params: () => ({ lng: "xx", ns: "nope" }),
    loader: everyone("notFound"),
  },
  { file: "ambitions._index.tsx", load: () => import("../../app/routes/ambitions._index.tsx"), url: "/ambitions", loader: everyone("ok") },
  { file: "ambitions.$numero.tsx", load: () => import("../../app/routes/ambitions.$numero.tsx"), url: "/ambitions/3", params: () => ({ numero: "3" }), loader: everyone("ok") },
  {
    file: "ambitions.$numero.tsx",
    name: "unknown or malformed number",
    load: () => import("../../app/routes/ambitions.$numero.tsx"),
    url: "/ambitions/1e1",
    params: () => ({ numero: "1e1" }),
    loader: everyone("notFound"),
  },
  { file: "quartiers._index.tsx", load: () => import("../../app/routes/quartiers._index.tsx"), url: "/quartiers", loader: everyone("ok") },
  { file: "quartiers.$code.tsx", load: () => import("../../app/routes/quartiers.$code.tsx"), url: "/quartiers/QP062024", params: () => ({ code: "QP062024" }), loader: everyone("ok") },
  {
    file: "quartiers.$code.tsx",
    name: "lower-case code",
    load: () => import("../../app/routes/quartiers.$code.tsx"),
    url: "/quartiers/qp062024",
    params: () => ({ code: "qp062024" }),
    loader: everyone("redirect"),
  },
  {
    file: "quartiers.$code.tsx",
    name: "unknown code",
    load: () => import("../../app/routes/quartiers.$code.tsx"),
    url: "/quartiers/QP999999",
    params: () => ({ code: "QP999999" }),
    loader: everyone("notFound"),
  },
  { file: "instances._index.tsx", load: () => import("../../app/routes/instances._index.tsx"), url: "/instances", loader: everyone("ok") },
  {
    file: "resources.langue.ts",
    load: () => import("../../app/routes/resources.langue.ts"),
    url: "/resources/langue",
    loader: everyone("redirect"),
    action: { form: () => ({ locale: "en", redirectTo: "/" }), expected: everyone("redirect") },
  },
  {
    file: "deconnexion.ts",
    load: () => import("../../app/routes/deconnexion.ts"),
    url: "/deconnexion",
    loader: everyone("redirect"),
    action: { form: () => ({}), expected: everyone("redirect") },
  },

  // Accounts
  {
    file: "inscription._index.tsx",
    load: () => import("../../app/routes/inscription._index.tsx"),
    url: "/inscription",
    loader: { ...everyone("redirect"), anonymous: "ok" },
    action: { form: () => ({ displayName: "Nouvelle", email: `nouvelle.${Date.now()}@example.org`, password: "un-mot-de-passe-solide", locale: "fr", charter: "accepted" }), expected: everyone("redirect") },
  },
  { file: "inscription.confirmation.tsx", load: () => import("../../app/routes/inscription.confirmation.tsx"), url: "/inscription/confirmation", loader: everyone("ok") },
  {
    file: "connexion._index.tsx",
    load: () => import("../../app/routes/connexion._index.tsx"),
    url: "/connexion",
    loader: { ...everyone("redirect"), anonymous: "ok" },
    action: { form: () => ({ email: "personne@example.org", password: "pas-le-bon-mot-de-passe" }), expected: { ...everyone("redirect"), anonymous: "badRequest" } },
  },
  {
    file: "connexion.lien._index.tsx",
    load: () => import("../../app/routes/connexion.lien._index.tsx"),
    url: "/connexion/lien",
    loader: { ...everyone("redirect"), anonymous: "ok" },
    // Anonymous visitors land on "/connexion/lien/…" (the link is on its way), hence "signIn".
    action: { form: () => ({ email: "personne@example.org" }), expected: { ...everyone("redirect"), anonymous: "signIn" } },
  },
  {
    file: "connexion.lien.verifier.tsx",
    name: "unknown link",
    load: () => import("../../app/routes/connexion.lien.verifier.tsx"),
    url: "/connexion/lien/verifier?token=inconnu",
    loader: everyone("badRequest"),
    action: { form: () => ({ token: "inconnu" }), expected: everyone("badRequest") },
  },
  { file: "verification.tsx", name: "unknown link", load: () => import("../../app/routes/verification.tsx"), url: "/verification?token=inconnu", loader: everyone("badRequest") },
  {
    file: "mot-de-passe-oublie.tsx",
    load: () => import("../../app/routes/mot-de-passe-oublie.tsx"),
    url: "/mot-de-passe-oublie",
    loader: everyone("ok"),
    // A different address per visitor: the per-address limit (3 an hour) is not what this table tests.
    action: { form: () => ({ email: `personne.${Math.random().toString(36).slice(2)}@example.org` }), expected: everyone("redirect") },
  },
  {
    file: "mot-de-passe.nouveau.tsx",
    name: "unknown link",
    load: () => import("../../app/routes/mot-de-passe.nouveau.tsx"),
    url: "/mot-de-passe/nouveau?token=inconnu",
    loader: everyone("badRequest"),
    action: { form: () => ({ token: "inconnu", password: "un-mot-de-passe-solide", confirmation: "un-mot-de-passe-solide" }), expected: everyone("badRequest") },
  },
  {
    file: "compte._index.tsx",
    load: () => import("../../app/routes/compte._index.tsx"),
    url: "/compte",
    loader: signedIn("ok"),
    action: { form: () => ({ intent: "resend-verification" }), expected: signedIn("redirect") },
  },
  {
    file: "compte.profil.tsx",
    load: () => import("../../app/routes/compte.profil.tsx"),
    url: "/compte/profil",
    loader: signedIn("ok"),
    action: { form: () => ({ displayName: "Nom changé", communeSlug: "", quartierCode: "", locale: "fr" }), expected: signedIn("redirect") },
  },
  // The development mailbox is open to anyone outside production (its own tests cover production).
  { file: "dev.boite-mail._index.tsx", load: () => import("../../app/routes/dev.boite-mail._index.tsx"), url: "/dev/boite-mail", loader: everyone("ok") },
  {
    file: "dev.boite-mail.$id.tsx",
    name: "unknown message",
    load: () => import("../../app/routes/dev.boite-mail.$id.tsx"),
    url: `/dev/boite-mail/${UNKNOWN_ID}`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
  },
  {
    file: "dev.boite-mail.$id_.html.ts",
    name: "unknown message",
    load: () => import("../../app/routes/dev.boite-mail.$id_.html.ts"),
    url: `/dev/boite-mail/${UNKNOWN_ID}/html`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
  },

  // Back office
  { file: "admin.tsx", load: () => import("../../app/routes/admin.tsx"), url: "/admin", loader: only(["coordinator", "administrator"]) },
  { file: "admin._index.tsx", load: () => import("../../app/routes/admin._index.tsx"), url: "/admin", loader: only(["coordinator", "administrator"]) },
  { file: "admin.utilisateurs._index.tsx", load: () => import("../../app/routes/admin.utilisateurs._index.tsx"), url: "/admin/utilisateurs?q=a&role=moderator", loader: only(["administrator"]) },
  { file: "admin.journal.tsx", load: () => import("../../app/routes/admin.journal.tsx"), url: "/admin/journal", loader: only(["coordinator", "administrator"]) },
  { file: "admin.referentiel._index.tsx", load: () => import("../../app/routes/admin.referentiel._index.tsx"), url: "/admin/referentiel", loader: only(["administrator"]) },
  {
    file: "admin.referentiel.$kind.$key.tsx",
    name: "pilier",
    load: () => import("../../app/routes/admin.referentiel.$kind.$key.tsx"),
    url: "/admin/referentiel/piliers/1",
    params: () => ({ kind: "piliers", key: "1" }),
    loader: only(["administrator"]),
    action: { form: () => ({ shortTitle: "Pilier", title: "Un pilier", summary: "" }), expected: only(["administrator"], "redirect") },
  },
  {
    file: "admin.referentiel.$kind.$key.tsx",
    name: "ambition",
    load: () => import("../../app/routes/admin.referentiel.$kind.$key.tsx"),
    url: "/admin/referentiel/ambitions/3",
    params: () => ({ kind: "ambitions", key: "3" }),
    loader: only(["administrator"]),
    action: { form: () => ({ title: "Une ambition", summary: "", description: "", supportThreshold: "25" }), expected: only(["administrator"], "redirect") },
  },
  {
    file: "admin.referentiel.$kind.$key.tsx",
    name: "unknown ambition",
    load: () => import("../../app/routes/admin.referentiel.$kind.$key.tsx"),
    url: "/admin/referentiel/ambitions/99",
    params: () => ({ kind: "ambitions", key: "99" }),
    loader: only(["administrator"], "notFound"),
    action: { form: () => ({ title: "Une ambition", summary: "", description: "", supportThreshold: "25" }), expected: only(["administrator"], "notFound") },
  },
  {
    file: "admin.referentiel.$kind.$key.tsx",
    name: "axis",
    load: () => import("../../app/routes/admin.referentiel.$kind.$key.tsx"),
    url: "/admin/referentiel/axes/participation_habitants",
    params: () => ({ kind: "axes", key: "participation_habitants" }),
    loader: only(["administrator"]),
    action: { form: () => ({ title: "Un axe", summary: "" }), expected: only(["administrator"], "redirect") },
  },
  {
    file: "admin.referentiel.$kind.$key.tsx",
    name: "instance",
    load: () => import("../../app/routes/admin.referentiel.$kind.$key.tsx"),
    url: "/admin/referentiel/instances/gtp",
    params: () => ({ kind: "instances", key: "gtp" }),
    loader: only(["administrator"]),
    action: { form: () => ({ name: "GTP", cadence: "", members: "", role: "" }), expected: only(["administrator"], "redirect") },
  },
  {
    file: "admin.referentiel.$kind.$key.tsx",
    name: "quartier",
    load: () => import("../../app/routes/admin.referentiel.$kind.$key.tsx"),
    url: "/admin/referentiel/quartiers/QP062024",
    params: () => ({ kind: "quartiers", key: "QP062024" }),
    loader: only(["administrator"]),
    action: { form: () => ({ name: "Cité 12-14", summary: "" }), expected: only(["administrator"], "redirect") },
  },
  {
    file: "admin.referentiel.$kind.$key.tsx",
    name: "unknown kind",
    load: () => import("../../app/routes/admin.referentiel.$kind.$key.tsx"),
    url: "/admin/referentiel/communes/lens",
    params: () => ({ kind: "communes", key: "lens" }),
    loader: only(["administrator"], "notFound"),
    action: { form: () => ({ name: "Lens", summary: "" }), expected: only(["administrator"], "notFound") },
  },
  {
    file: "admin.utilisateurs.$id.tsx",
    name: "grant",
    load: () => import("../../app/routes/admin.utilisateurs.$id.tsx"),
    url: (f) => `/admin/utilisateurs/${f.targetUserId}`,
    params: (f) => ({ id: f.targetUserId }),
    loader: only(["administrator"]),
    action: { form: () => ({ intent: "grant", role: "ambassador", communeSlug: "lens" }), expected: only(["administrator"], "redirect") },
  },
  {
    file: "admin.utilisateurs.$id.tsx",
    name: "revoke",
    load: () => import("../../app/routes/admin.utilisateurs.$id.tsx"),
    url: (f) => `/admin/utilisateurs/${f.targetUserId}`,
    params: (f) => ({ id: f.targetUserId }),
    action: { form: (f) => ({ intent: "revoke", grantId: f.targetGrantId }), expected: only(["administrator"], "redirect") },
  },
  {
    file: "admin.utilisateurs.$id.tsx",
    name: "unknown user",
    load: () => import("../../app/routes/admin.utilisateurs.$id.tsx"),
    url: `/admin/utilisateurs/${UNKNOWN_ID}`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: only(["administrator"], "notFound"),
    action: { form: () => ({ intent: "grant", role: "moderator" }), expected: only(["administrator"], "notFound") },
  },

  // Supports and follows: resource routes posted from the proposal page (plain posts here, so every
  // signed-in visitor is sent back to the page). The proposals they act on are made by `load`, since each
  // test starts from an empty database; the ids are kept for `url` and `params`, which run after it.
  ...((): RouteCase[] => {
    const made = { open: "", withdrawn: "" };
    const withProposals = (load: () => Promise<RouteModule>) => async () => {
      const { insertProposal } = await import("#tests/factories/proposals.ts");
      made.open = (await insertProposal(db, { authorId: null })).id;
      made.withdrawn = (await insertProposal(db, { authorId: null, status: "withdrawn" })).id;
      return load();
    };
    const soutien = withProposals(() => import("../../app/routes/propositions.$id.soutien.ts"));
    const suivi = withProposals(() => import("../../app/routes/propositions.$id.suivi.ts"));
    return [
      {
        file: "propositions.$id.soutien.ts",
        load: soutien,
        url: () => `/propositions/${made.open}/soutien`,
        params: () => ({ id: made.open }),
        loader: everyone("redirect"),
        action: { form: () => ({ intent: "support" }), expected: signedIn("redirect") },
      },
      {
        file: "propositions.$id.soutien.ts",
        name: "withdrawn proposal, with JavaScript",
        load: soutien,
        url: () => `/propositions/${made.withdrawn}/soutien`,
        params: () => ({ id: made.withdrawn }),
        action: { form: () => ({ intent: "support", _js: "1" }), expected: signedIn("conflict") },
      },
      {
        file: "propositions.$id.soutien.ts",
        name: "unknown proposal",
        load: soutien,
        url: `/propositions/${UNKNOWN_ID}/soutien`,
        params: () => ({ id: UNKNOWN_ID }),
        action: { form: () => ({ intent: "support" }), expected: signedIn("notFound") },
      },
      {
        file: "propositions.$id.soutien.ts",
        name: "malformed id",
        load: soutien,
        url: "/propositions/42/soutien",
        params: () => ({ id: "42" }),
        loader: everyone("notFound"),
        action: { form: () => ({ intent: "support" }), expected: everyone("notFound") },
      },
      {
        file: "propositions.$id.suivi.ts",
        load: suivi,
        url: () => `/propositions/${made.open}/suivi`,
        params: () => ({ id: made.open }),
        loader: everyone("redirect"),
        action: { form: () => ({ intent: "follow" }), expected: signedIn("redirect") },
      },
      {
        file: "propositions.$id.suivi.ts",
        name: "withdrawn proposal, with JavaScript",
        load: suivi,
        url: () => `/propositions/${made.withdrawn}/suivi`,
        params: () => ({ id: made.withdrawn }),
        action: { form: () => ({ intent: "follow", _js: "1" }), expected: signedIn("conflict") },
      },
      {
        file: "propositions.$id.suivi.ts",
        name: "malformed id",
        load: suivi,
        url: "/propositions/42/suivi",
        params: () => ({ id: "42" }),
        loader: everyone("notFound"),
        action: { form: () => ({ intent: "follow" }), expected: everyone("notFound") },
      },
    ];
  })(),
  // Proposals (the resident wrote the fixture's proposals; every other visitor is someone else)
  {
    file: "propositions.nouvelle.tsx",
    load: () => import("../../app/routes/propositions.nouvelle.tsx"),
    url: "/propositions/nouvelle",
    loader: signedIn("ok"),
    action: {
      form: () => ({ title: "Des bancs à l'ombre devant l'école", body: "Les parents attendent debout, en plein soleil, devant l'école.", ambitionNumber: "8", quartierCode: "QP062024", communeSlug: "lens", intent: "publish" }),
      expected: signedIn("redirect"),
    },
  },
  {
    file: "propositions.$id.tsx",
    name: "published",
    load: () => import("../../app/routes/propositions.$id.tsx"),
    url: (f) => `/propositions/${f.proposalId}`,
    params: (f) => ({ id: f.proposalId }),
    loader: everyone("ok"),
    // Only its author may withdraw it (the resident goes first, then it is withdrawn: still 403 for the others).
    action: { form: () => ({ intent: "withdraw", reason: "" }), expected: only(["resident"], "redirect") },
  },
  {
    file: "propositions.$id.tsx",
    name: "draft",
    load: () => import("../../app/routes/propositions.$id.tsx"),
    url: (f) => `/propositions/${f.draftProposalId}`,
    params: (f) => ({ id: f.draftProposalId }),
    loader: { ...everyone("notFound"), resident: "ok" },
    action: { form: () => ({ intent: "publish" }), expected: only(["resident"], "redirect") },
  },
  {
    file: "propositions.$id.tsx",
    name: "malformed or unknown id",
    load: () => import("../../app/routes/propositions.$id.tsx"),
    url: "/propositions/pas-un-identifiant",
    params: () => ({ id: "pas-un-identifiant" }),
    loader: everyone("notFound"),
    action: { form: () => ({ intent: "publish" }), expected: { ...everyone("notFound"), anonymous: "signIn" } },
  },
  {
    file: "propositions.$id_.modifier.tsx",
    load: () => import("../../app/routes/propositions.$id_.modifier.tsx"),
    url: (f) => `/propositions/${f.proposalId}/modifier`,
    params: (f) => ({ id: f.proposalId }),
    loader: only(["resident"]),
    action: {
      form: () => ({ title: "Des bancs et un arbre devant l'école", body: "Les parents attendent debout, en plein soleil, devant l'école.", ambitionNumber: "8", quartierCode: "QP062024", communeSlug: "lens" }),
      expected: only(["resident"], "redirect"),
    },
  },
  {
    file: "propositions.$id_.modifier.tsx",
    name: "unknown id",
    load: () => import("../../app/routes/propositions.$id_.modifier.tsx"),
    url: `/propositions/${UNKNOWN_ID}/modifier`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: { ...everyone("notFound"), anonymous: "signIn" },
  },
  // Finding proposals
  {
    file: "propositions._index.tsx",
    load: () => import("../../app/routes/propositions._index.tsx"),
    url: "/propositions?q=bancs&ambition=8&quartier=QP062024&statut=en-attente&tri=soutenues",
    loader: everyone("ok"),
  },
  {
    file: "propositions._index.tsx",
    name: "odd address",
    load: () => import("../../app/routes/propositions._index.tsx"),
    url: "/propositions?q=%27%29%3B+drop+table+proposals%3B+--&ambition=99&apres=nope&tri=hasard",
    loader: everyone("ok"),
  },
  { file: "compte.propositions.tsx", load: () => import("../../app/routes/compte.propositions.tsx"), url: "/compte/propositions?liste=soutiens", loader: signedIn("ok") },
  // Contributions. The shared fixture has no proposal: these cases' `load` creates the rows they need
  // (see withContributionRows after this array), which runs after the per-test reset.
  {
    file: "propositions.$id.contributions.ts",
    name: "plain form post",
    load: () => withContributionRows(() => import("../../app/routes/propositions.$id.contributions.ts")),
    url: () => `/propositions/${contributionRows.proposalId}/contributions`,
    params: () => ({ id: contributionRows.proposalId }),
    loader: everyone("redirect"),
    action: { form: () => ({ body: "Je soutiens cette idée pour le quartier.", stance: "for" }), expected: signedIn("redirect") },
  },
  {
    file: "propositions.$id.contributions.ts",
    name: "with JavaScript",
    load: () => withContributionRows(() => import("../../app/routes/propositions.$id.contributions.ts")),
    url: () => `/propositions/${contributionRows.proposalId}/contributions`,
    params: () => ({ id: contributionRows.proposalId }),
    action: { form: () => ({ body: "Une question : qui entretiendra les bancs ?", stance: "question", _js: "1" }), expected: signedIn("ok") },
  },
  {
    file: "propositions.$id.contributions.ts",
    name: "withdrawn proposal, with JavaScript",
    load: () => withContributionRows(() => import("../../app/routes/propositions.$id.contributions.ts")),
    url: () => `/propositions/${contributionRows.closedProposalId}/contributions`,
    params: () => ({ id: contributionRows.closedProposalId }),
    action: { form: () => ({ body: "Trop tard pour en parler ?", _js: "1" }), expected: signedIn("conflict") },
  },
  {
    file: "propositions.$id.contributions.ts",
    name: "unknown proposal",
    load: () => import("../../app/routes/propositions.$id.contributions.ts"),
    url: `/propositions/${UNKNOWN_ID}/contributions`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
    action: { form: () => ({ body: "Bonjour à tous." }), expected: signedIn("notFound") },
  },
  {
    file: "contributions.$id.ts",
    name: "mark useful",
    load: () => withContributionRows(() => import("../../app/routes/contributions.$id.ts")),
    url: () => `/contributions/${contributionRows.contributionId}`,
    params: () => ({ id: contributionRows.contributionId }),
    loader: everyone("redirect"),
    action: { form: () => ({ intent: "useful" }), expected: signedIn("redirect") },
  },
  {
    // Only the author edits or deletes; moderators have no special power here.
    file: "contributions.$id.ts",
    name: "edit someone else's",
    load: () => withContributionRows(() => import("../../app/routes/contributions.$id.ts")),
    url: () => `/contributions/${contributionRows.contributionId}`,
    params: () => ({ id: contributionRows.contributionId }),
    action: { form: () => ({ intent: "edit", body: "Texte réécrit." }), expected: signedIn("forbidden") },
  },
  {
    file: "contributions.$id.ts",
    name: "delete someone else's",
    load: () => withContributionRows(() => import("../../app/routes/contributions.$id.ts")),
    url: () => `/contributions/${contributionRows.contributionId}`,
    params: () => ({ id: contributionRows.contributionId }),
    action: { form: () => ({ intent: "delete" }), expected: signedIn("forbidden") },
  },
  {
    file: "contributions.$id.ts",
    name: "unknown contribution",
    load: () => import("../../app/routes/contributions.$id.ts"),
    url: `/contributions/${UNKNOWN_ID}`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
    action: { form: () => ({ intent: "useful" }), expected: signedIn("notFound") },
  },
  // Rendez-vous du Labo: sessions, agenda, session page, figures
  { file: "labo._index.tsx", load: () => import("../../app/routes/labo._index.tsx"), url: "/labo", loader: everyone("ok") },
  { file: "labo._index.tsx", name: "filtered", load: () => import("../../app/routes/labo._index.tsx"), url: "/labo?commune=lens&ambition=4", loader: everyone("ok") },
  { file: "labo.chiffres[.]csv.ts", load: () => import("../../app/routes/labo.chiffres[.]csv.ts"), url: "/labo/chiffres.csv", loader: everyone("ok") },
  {
    file: "labo.$id.tsx",
    load: () => import("../../app/routes/labo.$id.tsx"),
    url: (f) => `/labo/${f.laboSessionId}`,
    params: (f) => ({ id: f.laboSessionId }),
    loader: everyone("ok"),
  },
  {
    // A draft in Lens: only the people who run it see it.
    file: "labo.$id.tsx",
    name: "draft",
    load: () => withLaboDraft(() => import("../../app/routes/labo.$id.tsx")),
    url: () => `/labo/${laboRows.draftId}`,
    params: () => ({ id: laboRows.draftId }),
    loader: { ...everyone("notFound"), ambassador: "ok", coordinator: "ok", administrator: "ok" },
  },
  { file: "labo.$id.tsx", name: "unknown", load: () => import("../../app/routes/labo.$id.tsx"), url: `/labo/${UNKNOWN_ID}`, params: () => ({ id: UNKNOWN_ID }), loader: everyone("notFound") },
  { file: "labo.$id.tsx", name: "malformed", load: () => import("../../app/routes/labo.$id.tsx"), url: "/labo/abc", params: () => ({ id: "abc" }), loader: everyone("notFound") },
  {
    file: "labo.nouveau.tsx",
    load: () => import("../../app/routes/labo.nouveau.tsx"),
    url: "/labo/nouveau",
    loader: only(["ambassador", "coordinator", "administrator"]),
    action: { form: () => laboSessionForm("lens"), expected: only(["ambassador", "coordinator", "administrator"], "redirect") },
  },
  {
    // The ambassador of Lens cannot schedule one in Avion: a field error, not a session.
    file: "labo.nouveau.tsx",
    name: "another commune",
    load: () => import("../../app/routes/labo.nouveau.tsx"),
    url: "/labo/nouveau",
    action: { form: () => laboSessionForm("avion"), expected: { ...only(["coordinator", "administrator"], "redirect"), ambassador: "badRequest" } },
  },
  {
    file: "labo.$id_.modifier.tsx",
    load: () => import("../../app/routes/labo.$id_.modifier.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/modifier`,
    params: (f) => ({ id: f.laboSessionId }),
    loader: only(["ambassador", "coordinator", "administrator"]),
    action: { form: () => laboSessionForm("lens"), expected: only(["ambassador", "coordinator", "administrator"], "redirect") },
  },
  {
    file: "labo.$id_.modifier.tsx",
    name: "another commune's session",
    load: () => import("../../app/routes/labo.$id_.modifier.tsx"),
    url: (f) => `/labo/${f.otherCommuneLaboSessionId}/modifier`,
    params: (f) => ({ id: f.otherCommuneLaboSessionId }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => laboSessionForm("avion"), expected: only(["coordinator", "administrator"], "redirect") },
  },
  {
    // Cancelling without a reason: refused with a field error, so the session stays for the next visitor.
    file: "labo.$id_.modifier.tsx",
    name: "cancel without a reason",
    load: () => import("../../app/routes/labo.$id_.modifier.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/modifier?intent=cancel`,
    params: (f) => ({ id: f.laboSessionId }),
    action: { form: () => ({ reason: "" }), expected: only(["ambassador", "coordinator", "administrator"], "badRequest") },
  },
  {
    file: "labo.$id_.modifier.tsx",
    name: "unknown",
    load: () => import("../../app/routes/labo.$id_.modifier.tsx"),
    url: `/labo/${UNKNOWN_ID}/modifier`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
    action: { form: () => laboSessionForm("lens"), expected: everyone("notFound") },
  },
  // Rendez-vous du Labo: the console on the day, ideas carried as proposals, minutes (runners only:
  // the ambassador of the session's commune, coordinators, administrators).
  {
    file: "labo.$id_.console.tsx",
    load: () => import("../../app/routes/labo.$id_.console.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/console?q=dupont`,
    params: (f) => ({ id: f.laboSessionId }),
    loader: only(["ambassador", "coordinator", "administrator"]),
    // The same client id each time: the capture is stored once, every runner is sent back to the console.
    action: { form: () => ({ intent: "capture", clientId: "route-access-capture-1", kind: "idea", body: "Des bancs à l'arrêt de bus." }), expected: only(["ambassador", "coordinator", "administrator"], "redirect") },
  },
  {
    file: "labo.$id_.console.tsx",
    name: "another commune's session",
    load: () => import("../../app/routes/labo.$id_.console.tsx"),
    url: (f) => `/labo/${f.otherCommuneLaboSessionId}/console`,
    params: (f) => ({ id: f.otherCommuneLaboSessionId }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ intent: "walkin", name: "Nadia", newcomer: "on" }), expected: only(["coordinator", "administrator"], "redirect") },
  },
  {
    file: "labo.$id_.console.tsx",
    name: "bad input",
    load: () => import("../../app/routes/labo.$id_.console.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/console`,
    params: (f) => ({ id: f.laboSessionId }),
    action: { form: () => ({ intent: "capture", clientId: "route-access-capture-2", kind: "idea", body: "", participantName: "Nadia" }), expected: only(["ambassador", "coordinator", "administrator"], "badRequest") },
  },
  {
    file: "labo.$id_.console.tsx",
    name: "unknown session",
    load: () => import("../../app/routes/labo.$id_.console.tsx"),
    url: `/labo/${UNKNOWN_ID}/console`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
    action: { form: () => ({ intent: "walkin" }), expected: everyone("notFound") },
  },
  {
    file: "labo.$id_.console_.contributions.ts",
    load: () => import("../../app/routes/labo.$id_.console_.contributions.ts"),
    url: (f) => `/labo/${f.laboSessionId}/console/contributions`,
    params: (f) => ({ id: f.laboSessionId }),
    loader: everyone("redirect"),
    action: { form: () => ({ clientId: "route-access-capture-3", kind: "question", body: "Qui entretient le parc ?" }), expected: only(["ambassador", "coordinator", "administrator"]) },
  },
  {
    file: "labo.$id_.console_.idees.$captureId.tsx",
    load: () => withLaboIdea(() => import("../../app/routes/labo.$id_.console_.idees.$captureId.tsx")),
    url: (f) => `/labo/${f.laboSessionId}/console/idees/${laboIdea.captureId}`,
    params: (f) => ({ id: f.laboSessionId, captureId: laboIdea.captureId }),
    loader: only(["ambassador", "coordinator", "administrator"]),
    // The ambassador carries it; the coordinator and the administrator are sent to the proposal it became.
    action: {
      form: () => ({ title: "Des bancs aux arrêts de bus", body: "Les personnes âgées attendent debout aux arrêts de bus du quartier.", ambitionNumber: "8", communeSlug: "lens" }),
      expected: only(["ambassador", "coordinator", "administrator"], "redirect"),
    },
  },
  {
    file: "labo.$id_.console_.idees.$captureId.tsx",
    name: "malformed capture id",
    load: () => import("../../app/routes/labo.$id_.console_.idees.$captureId.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/console/idees/pas-un-id`,
    params: (f) => ({ id: f.laboSessionId, captureId: "pas-un-id" }),
    loader: only(["ambassador", "coordinator", "administrator"], "notFound"),
  },
  {
    file: "labo.$id_.compte-rendu.tsx",
    load: () => import("../../app/routes/labo.$id_.compte-rendu.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/compte-rendu`,
    params: (f) => ({ id: f.laboSessionId }),
    loader: only(["ambassador", "coordinator", "administrator"]),
    action: { form: () => ({ intent: "save", summary: "On a parlé des bus.", attendance: "12" }), expected: only(["ambassador", "coordinator", "administrator"], "redirect") },
  },
  {
    // The fixture's sessions are next week: their minutes cannot be published yet.
    file: "labo.$id_.compte-rendu.tsx",
    name: "publish before the session",
    load: () => import("../../app/routes/labo.$id_.compte-rendu.tsx"),
    url: (f) => `/labo/${f.otherCommuneLaboSessionId}/compte-rendu`,
    params: (f) => ({ id: f.otherCommuneLaboSessionId }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ intent: "publish", summary: "On a parlé des bus.", attendance: "12" }), expected: only(["coordinator", "administrator"], "conflict") },
  },

  // Labo registrations (registration page, cancel link, invitation kit) and the mailbox's attachments
  {
    // Public: signed-in visitors register with one click, the anonymous one with the guest form.
    file: "labo.$id_.inscription.tsx",
    load: () => import("../../app/routes/labo.$id_.inscription.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/inscription`,
    params: (f) => ({ id: f.laboSessionId }),
    loader: everyone("ok"),
    action: { form: () => ({ name: "Nadia", email: "nadia.matrice@example.org", consent: "on" }), expected: everyone("redirect") },
  },
  {
    file: "labo.$id_.inscription.tsx",
    name: "guest form without consent",
    load: () => import("../../app/routes/labo.$id_.inscription.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/inscription`,
    params: (f) => ({ id: f.laboSessionId }),
    action: { form: () => ({ name: "Nadia", email: "nadia.matrice@example.org" }), expected: { ...everyone("redirect"), anonymous: "badRequest" } },
  },
  {
    // A draft is not public: only the people who may run it see its page (which says it is not open yet).
    file: "labo.$id_.inscription.tsx",
    name: "draft session",
    load: () => withLaboRegistrationRows(() => import("../../app/routes/labo.$id_.inscription.tsx")),
    url: () => `/labo/${laboRegistrationRows.draftSessionId}/inscription`,
    params: () => ({ id: laboRegistrationRows.draftSessionId }),
    loader: { ...everyone("notFound"), ambassador: "conflict", coordinator: "conflict", administrator: "conflict" },
    action: { form: () => ({ name: "Nadia", email: "nadia.matrice@example.org", consent: "on" }), expected: everyone("notFound") },
  },
  {
    file: "labo.$id_.inscription.tsx",
    name: "unknown session",
    load: () => import("../../app/routes/labo.$id_.inscription.tsx"),
    url: `/labo/${UNKNOWN_ID}/inscription`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
    action: { form: () => ({}), expected: everyone("notFound") },
  },
  {
    // Whoever holds the link may use it; the first post cancels, the next ones find it already cancelled.
    file: "labo.inscription.$token.tsx",
    load: () => withLaboRegistrationRows(() => import("../../app/routes/labo.inscription.$token.tsx")),
    url: () => `/labo/inscription/${laboRegistrationRows.cancelToken}`,
    params: () => ({ token: laboRegistrationRows.cancelToken }),
    loader: everyone("ok"),
    action: { form: () => ({}), expected: everyone("redirect") },
  },
  {
    file: "labo.inscription.$token.tsx",
    name: "unknown token",
    load: () => import("../../app/routes/labo.inscription.$token.tsx"),
    url: `/labo/inscription/${"A".repeat(43)}`,
    params: () => ({ token: "A".repeat(43) }),
    loader: everyone("notFound"),
    action: { form: () => ({}), expected: everyone("notFound") },
  },
  {
    file: "labo.$id_.invitation.tsx",
    load: () => import("../../app/routes/labo.$id_.invitation.tsx"),
    url: (f) => `/labo/${f.laboSessionId}/invitation`,
    params: (f) => ({ id: f.laboSessionId }),
    loader: only(["ambassador", "coordinator", "administrator"]),
  },
  {
    file: "labo.$id_.invitation.tsx",
    name: "another commune's session",
    load: () => import("../../app/routes/labo.$id_.invitation.tsx"),
    url: (f) => `/labo/${f.otherCommuneLaboSessionId}/invitation`,
    params: (f) => ({ id: f.otherCommuneLaboSessionId }),
    loader: only(["coordinator", "administrator"]),
  },
  {
    file: "labo.$id_.invitation.tsx",
    name: "unknown session",
    load: () => import("../../app/routes/labo.$id_.invitation.tsx"),
    url: `/labo/${UNKNOWN_ID}/invitation`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
  },
  {
    file: "dev.boite-mail.$id_.pieces-jointes.$index.ts",
    name: "unknown message",
    load: () => import("../../app/routes/dev.boite-mail.$id_.pieces-jointes.$index.ts"),
    url: `/dev/boite-mail/${UNKNOWN_ID}/pieces-jointes/0`,
    params: () => ({ id: UNKNOWN_ID, index: "0" }),
    loader: everyone("notFound"),
  },
  // Moderation: reporting, the queue, a case, the author's contest. Cases are made in `load` (after the
  // per-test reset) about the resident's contribution of the fixture; see withModerationCase below.
  {
    file: "signalements.tsx",
    load: () => import("../../app/routes/signalements.tsx"),
    url: (f) => `/signalements?type=contribution&id=${f.contributionId}&retour=/`,
    loader: signedIn("ok"),
    // The resident wrote it: they may not report it (the form comes back with the reason, 403).
    action: { form: (f) => ({ subjectType: "contribution", subjectId: f.contributionId, reason: "spam", details: "", redirectTo: "/" }), expected: { ...signedIn("redirect"), resident: "forbidden" } },
  },
  {
    file: "signalements.tsx",
    name: "unknown item",
    load: () => import("../../app/routes/signalements.tsx"),
    url: "/signalements?type=chose&id=1",
    loader: { ...everyone("notFound"), anonymous: "signIn" },
    action: { form: () => ({ subjectType: "contribution", subjectId: UNKNOWN_ID, reason: "spam", redirectTo: "/" }), expected: { ...everyone("notFound"), anonymous: "signIn" } },
  },
  { file: "moderation._index.tsx", load: () => import("../../app/routes/moderation._index.tsx"), url: "/moderation?type=contribution&motif=spam&quartier=QP062024", loader: only(["moderator", "administrator"]) },
  {
    file: "moderation.$caseId.tsx",
    load: () => withModerationCase("pending", () => import("../../app/routes/moderation.$caseId.tsx")),
    url: () => `/moderation/${moderationRows.caseId}`,
    params: () => ({ caseId: moderationRows.caseId }),
    loader: only(["moderator", "administrator"]),
    action: { form: () => ({ intent: "warn", message: "Restez courtois." }), expected: only(["moderator", "administrator"], "redirect") },
  },
  {
    file: "moderation.$caseId.tsx",
    name: "unknown case",
    load: () => import("../../app/routes/moderation.$caseId.tsx"),
    url: `/moderation/${UNKNOWN_ID}`,
    params: () => ({ caseId: UNKNOWN_ID }),
    loader: { ...only(["moderator", "administrator"]), moderator: "notFound", administrator: "notFound" },
    action: { form: () => ({ intent: "dismiss", note: "Rien." }), expected: { ...only(["moderator", "administrator"]), moderator: "notFound", administrator: "notFound" } },
  },
  {
    // Only the author of the hidden contribution (the resident); to anyone else the case does not exist.
    file: "moderation.contestation.$caseId.tsx",
    load: () => withModerationCase("hidden", () => import("../../app/routes/moderation.contestation.$caseId.tsx")),
    url: () => `/moderation/contestation/${moderationRows.caseId}`,
    params: () => ({ caseId: moderationRows.caseId }),
    loader: { ...signedIn("notFound"), resident: "ok" },
    action: { form: () => ({ text: "Je ne suis pas d'accord avec cette décision." }), expected: { ...signedIn("notFound"), resident: "redirect" } },
  },

  // Charter, transparency, moderation settings (every visitor here has accepted the charter in force)
  { file: "charte._index.tsx", load: () => import("../../app/routes/charte._index.tsx"), url: "/charte", loader: everyone("ok") },
  {
    file: "charte.accepter.tsx",
    load: () => import("../../app/routes/charte.accepter.tsx"),
    url: "/charte/accepter?redirectTo=%2Fcompte",
    loader: signedIn("redirect"),
    action: { form: () => ({ charter: "accepted", redirectTo: "/compte" }), expected: signedIn("redirect") },
  },
  { file: "moderation.transparence.tsx", load: () => import("../../app/routes/moderation.transparence.tsx"), url: "/moderation/transparence", loader: everyone("ok") },
  {
    file: "admin.parametres.tsx",
    load: () => import("../../app/routes/admin.parametres.tsx"),
    url: "/admin/parametres",
    loader: only(["administrator"]),
    action: { form: () => ({ autoHideThreshold: "4", preModeration: "off", answerDeadlineDays: "90" }), expected: only(["administrator"], "redirect") },
  },

  // Governance: instances, meetings and their public pages; the droit de suite setting
  { file: "instances.$body.tsx", load: () => import("../../app/routes/instances.$body.tsx"), url: "/instances/gtp", params: () => ({ body: "gtp" }), loader: everyone("ok") },
  {
    file: "instances.$body.tsx",
    name: "unknown body",
    load: () => import("../../app/routes/instances.$body.tsx"),
    url: "/instances/nulle-part",
    params: () => ({ body: "nulle-part" }),
    loader: everyone("notFound"),
  },
  {
    file: "instances.$body_.$meetingId.tsx",
    load: () => withGovernanceMeeting(() => import("../../app/routes/instances.$body_.$meetingId.tsx")),
    url: () => `/instances/gtp/${meetingRows.meetingId}`,
    params: () => ({ body: "gtp", meetingId: meetingRows.meetingId }),
    loader: everyone("ok"),
  },
  {
    file: "instances.$body_.$meetingId.tsx",
    name: "a meeting of another body",
    load: () => withGovernanceMeeting(() => import("../../app/routes/instances.$body_.$meetingId.tsx")),
    url: () => `/instances/copil/${meetingRows.meetingId}`,
    params: () => ({ body: "copil", meetingId: meetingRows.meetingId }),
    loader: everyone("notFound"),
  },
  {
    file: "instances.$body_.$meetingId.tsx",
    name: "malformed meeting id",
    load: () => import("../../app/routes/instances.$body_.$meetingId.tsx"),
    url: "/instances/gtp/pas-un-uuid",
    params: () => ({ body: "gtp", meetingId: "pas-un-uuid" }),
    loader: everyone("notFound"),
  },
  {
    file: "gouvernance.reunions.nouvelle.tsx",
    load: () => import("../../app/routes/gouvernance.reunions.nouvelle.tsx"),
    url: "/gouvernance/reunions/nouvelle?instance=copil",
    loader: only(["coordinator", "administrator"]),
    action: { form: () => meetingForm("copil"), expected: only(["coordinator", "administrator"], "redirect") },
  },
  {
    // The same values as stored: "nothing changed", so the version the form carries stays valid for every visitor.
    file: "gouvernance.reunions.$meetingId_.modifier.tsx",
    load: () => withGovernanceMeeting(() => import("../../app/routes/gouvernance.reunions.$meetingId_.modifier.tsx")),
    url: () => `/gouvernance/reunions/${meetingRows.meetingId}/modifier`,
    params: () => ({ meetingId: meetingRows.meetingId }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ ...meetingRows.form, intent: "save", version: meetingRows.version }), expected: only(["coordinator", "administrator"], "redirect") },
  },
  {
    file: "gouvernance.reunions.$meetingId_.modifier.tsx",
    name: "unknown meeting",
    load: () => import("../../app/routes/gouvernance.reunions.$meetingId_.modifier.tsx"),
    url: `/gouvernance/reunions/${UNKNOWN_ID}/modifier`,
    params: () => ({ meetingId: UNKNOWN_ID }),
    loader: { ...only(["coordinator", "administrator"]), coordinator: "notFound", administrator: "notFound" },
    action: { form: () => ({ intent: "markHeld" }), expected: { ...only(["coordinator", "administrator"]), coordinator: "notFound", administrator: "notFound" } },
  },
  {
    file: "gouvernance.instances.$body.tsx",
    load: () => import("../../app/routes/gouvernance.instances.$body.tsx"),
    url: "/gouvernance/instances/gtp",
    params: () => ({ body: "gtp" }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ intent: "add", name: "Nadia Benali", institution: "CAF du Pas-de-Calais" }), expected: only(["coordinator", "administrator"], "redirect") },
  },
  {
    file: "gouvernance.instances.$body.tsx",
    name: "unknown body",
    load: () => import("../../app/routes/gouvernance.instances.$body.tsx"),
    url: "/gouvernance/instances/nulle-part",
    params: () => ({ body: "nulle-part" }),
    loader: { ...only(["coordinator", "administrator"]), coordinator: "notFound", administrator: "notFound" },
    action: { form: () => ({ intent: "add", name: "Nadia Benali" }), expected: { ...only(["coordinator", "administrator"]), coordinator: "notFound", administrator: "notFound" } },
  },
  // @governance-instances (add rows above this line)
  // Governance: the GTP queue, instruction, direct answers, merges, partners
  { file: "gouvernance._index.tsx", load: () => import("../../app/routes/gouvernance._index.tsx"), url: "/gouvernance?ambition=3&origine=resident&attente=10", loader: only(["coordinator", "administrator"]) },
  {
    // The coordinator's analysis carries version 0 and wins; the administrator's form, built on the same
    // version, comes after it: a conflict (409), as for two coordinators at once.
    file: "gouvernance.propositions.$id.tsx",
    load: () => withGtpProposal(() => import("../../app/routes/gouvernance.propositions.$id.tsx")),
    url: () => `/gouvernance/propositions/${gtpRows.proposalId}`,
    params: () => ({ id: gtpRows.proposalId }),
    loader: only(["coordinator", "administrator"]),
    action: {
      form: () => ({ intent: "analysis", version: "0", feasibility: "feasible", costRange: "none", existingMeans: "", publicAnalysis: "Faisable avec les moyens de la ville.", internalNotes: "" }),
      expected: { ...only(["coordinator", "administrator"], "redirect"), administrator: "conflict" },
    },
  },
  {
    file: "gouvernance.propositions.$id.tsx",
    name: "unknown or malformed proposal",
    load: () => import("../../app/routes/gouvernance.propositions.$id.tsx"),
    url: "/gouvernance/propositions/pas-un-id",
    params: () => ({ id: "pas-un-id" }),
    loader: { ...only(["coordinator", "administrator"]), coordinator: "notFound", administrator: "notFound" },
    action: { form: () => ({ intent: "answer", version: "0", answerKind: "already_done", answerText: "Oui." }), expected: { ...only(["coordinator", "administrator"]), coordinator: "notFound", administrator: "notFound" } },
  },
  {
    file: "gouvernance.propositions.$id.tsx",
    name: "the fixture's published proposal (not qualified: nothing to do, forms refused)",
    load: () => import("../../app/routes/gouvernance.propositions.$id.tsx"),
    url: (f) => `/gouvernance/propositions/${f.proposalId}`,
    params: (f) => ({ id: f.proposalId }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ intent: "answer", version: "0", answerKind: "already_done", answerText: "Oui." }), expected: only(["coordinator", "administrator"], "conflict") },
  },
  {
    // The coordinator adds the partner; the administrator's same name is a duplicate (400, never a 500).
    file: "gouvernance.partenaires.tsx",
    load: () => import("../../app/routes/gouvernance.partenaires.tsx"),
    url: "/gouvernance/partenaires",
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ intent: "add", name: "Ville de Lens, espaces verts", description: "" }), expected: { ...only(["coordinator", "administrator"], "redirect"), administrator: "badRequest" } },
  },
  // @governance-gtp (add rows above this line)
  // Governance: COPIL agendas, decisions, relevés
  {
    file: "gouvernance.reunions.$meetingId.tsx",
    load: () => withCopilMeeting("planned", () => import("../../app/routes/gouvernance.reunions.$meetingId.tsx")),
    url: () => `/gouvernance/reunions/${copilRows.meetingId}`,
    params: () => ({ meetingId: copilRows.meetingId }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ intent: "add_free", title: "Point sur la programmation", details: "" }), expected: only(["coordinator", "administrator"], "redirect") },
  },
  {
    // A decision before the meeting has taken place: 409 for those who may decide.
    file: "gouvernance.reunions.$meetingId.tsx",
    name: "decision on a planned meeting",
    load: () => withCopilMeeting("planned", () => import("../../app/routes/gouvernance.reunions.$meetingId.tsx")),
    url: () => `/gouvernance/reunions/${copilRows.meetingId}`,
    params: () => ({ meetingId: copilRows.meetingId }),
    action: { form: () => ({ intent: "decide", itemId: copilRows.itemId, decision: "retained", publicReasons: "Oui." }), expected: only(["coordinator", "administrator"], "conflict") },
  },
  {
    file: "gouvernance.reunions.$meetingId.tsx",
    name: "unknown meeting",
    load: () => import("../../app/routes/gouvernance.reunions.$meetingId.tsx"),
    url: `/gouvernance/reunions/${UNKNOWN_ID}`,
    params: () => ({ meetingId: UNKNOWN_ID }),
    loader: only(["coordinator", "administrator"], "notFound"),
    action: { form: () => ({ intent: "add_free", title: "Point" }), expected: only(["coordinator", "administrator"], "notFound") },
  },
  {
    file: "gouvernance.reunions.$meetingId.tsx",
    name: "malformed meeting id",
    load: () => import("../../app/routes/gouvernance.reunions.$meetingId.tsx"),
    url: "/gouvernance/reunions/pas-un-id",
    params: () => ({ meetingId: "pas-un-id" }),
    loader: only(["coordinator", "administrator"], "notFound"),
    action: { form: () => ({ intent: "add_free", title: "Point" }), expected: only(["coordinator", "administrator"], "notFound") },
  },
  // @governance-copil (add rows above this line)
  // Governance: implementation follow-up
  {
    // The coordinator starts the work; the administrator, sent the same form right after, holds an old version.
    file: "gouvernance.propositions.$id_.realisation.tsx",
    name: "retained",
    load: () => withRetainedProposal(() => import("../../app/routes/gouvernance.propositions.$id_.realisation.tsx")),
    url: () => `/gouvernance/propositions/${followupRows.proposalId}/realisation`,
    params: () => ({ id: followupRows.proposalId }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ intent: "start", version: "0", bodyInCharge: "Ville de Lens, service des espaces verts" }), expected: { ...only(["coordinator"], "redirect"), administrator: "conflict" } },
  },
  {
    // A published proposal (not decided): the page says it cannot start; starting it is refused.
    file: "gouvernance.propositions.$id_.realisation.tsx",
    name: "not decided",
    load: () => import("../../app/routes/gouvernance.propositions.$id_.realisation.tsx"),
    url: (f) => `/gouvernance/propositions/${f.proposalId}/realisation`,
    params: (f) => ({ id: f.proposalId }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => ({ intent: "start", version: "0", bodyInCharge: "Ville de Lens" }), expected: only(["coordinator", "administrator"], "conflict") },
  },
  {
    file: "gouvernance.propositions.$id_.realisation.tsx",
    name: "unknown",
    load: () => import("../../app/routes/gouvernance.propositions.$id_.realisation.tsx"),
    url: `/gouvernance/propositions/${UNKNOWN_ID}/realisation`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: only(["coordinator", "administrator"], "notFound"),
    action: { form: () => ({ intent: "progress", version: "0", text: "Des nouvelles de la réalisation." }), expected: only(["coordinator", "administrator"], "notFound") },
  },
  // @governance-followup (add rows above this line)
  // Notifications: the centre and the header bell's count. Each visitor reads only their own notices.
  {
    file: "notifications._index.tsx",
    load: () => import("../../app/routes/notifications._index.tsx"),
    url: "/notifications",
    loader: signedIn("ok"),
    action: { form: () => ({ intent: "read-all", until: new Date().toISOString() }), expected: signedIn("redirect") },
  },
  {
    // Someone else's notice (the fixture's target user's): not found for every visitor, and it stays unread.
    file: "notifications._index.tsx",
    name: "another person's notice",
    load: () => withForeignNotice(() => import("../../app/routes/notifications._index.tsx")),
    url: "/notifications",
    action: { form: () => ({ intent: "read-one", id: notificationRows.foreignId }), expected: signedIn("notFound") },
  },
  {
    file: "notifications._index.tsx",
    name: "unknown notice",
    load: () => import("../../app/routes/notifications._index.tsx"),
    url: "/notifications",
    action: { form: () => ({ intent: "open", id: UNKNOWN_ID }), expected: signedIn("notFound") },
  },
  {
    file: "notifications._index.tsx",
    name: "malformed notice id",
    load: () => import("../../app/routes/notifications._index.tsx"),
    url: "/notifications",
    action: { form: () => ({ intent: "read-one", id: "pas-un-id" }), expected: signedIn("badRequest") },
  },
  { file: "resources.notifications.count.ts", load: () => import("../../app/routes/resources.notifications.count.ts"), url: "/resources/notifications/count", loader: signedIn("ok") },
  // @notifications-centre (add rows above this line)
  // Notification emails: each person's rhythms; the unsubscribe link, which needs no sign-in (its signature
  // is the authority, for the fixture's target user here, whoever visits).
  {
    file: "compte.notifications.tsx",
    load: () => import("../../app/routes/compte.notifications.tsx"),
    url: "/compte/notifications",
    loader: signedIn("ok"),
    action: {
      form: () => ({ own_proposal: "immediate", supported_proposal: "daily", followed_proposal: "weekly", contribution_reply: "none", labo_session: "immediate", council: "weekly" }),
      expected: signedIn("redirect"),
    },
  },
  {
    file: "compte.notifications.tsx",
    name: "unknown rhythm",
    load: () => import("../../app/routes/compte.notifications.tsx"),
    url: "/compte/notifications",
    action: { form: () => ({ own_proposal: "hourly" }), expected: signedIn("badRequest") },
  },
  {
    file: "notifications.desabonnement.tsx",
    load: () => import("../../app/routes/notifications.desabonnement.tsx"),
    url: (f) => unsubscribePath(f.targetUserId, "followed_proposal"),
    loader: everyone("ok"),
    action: { form: () => ({ "List-Unsubscribe": "One-Click" }), expected: everyone("ok") },
  },
  {
    file: "notifications.desabonnement.tsx",
    name: "forged signature",
    load: () => import("../../app/routes/notifications.desabonnement.tsx"),
    url: (f) => `/notifications/desabonnement?u=${f.targetUserId}&c=followed_proposal&s=${"A".repeat(43)}`,
    loader: everyone("badRequest"),
    action: { form: () => ({ "List-Unsubscribe": "One-Click" }), expected: everyone("badRequest") },
  },
  // @notifications-settings (add rows above this line)
  { file: "admin.courriels.tsx", load: () => import("../../app/routes/admin.courriels.tsx"), url: "/admin/courriels", loader: only(["administrator"]) },
  {
    file: "admin.courriels.tsx",
    name: "retry an unknown message",
    load: () => import("../../app/routes/admin.courriels.tsx"),
    url: "/admin/courriels",
    action: { form: () => ({ intent: "retry", id: UNKNOWN_ID }), expected: only(["administrator"], "redirect") },
  },
  {
    file: "admin.courriels.tsx",
    name: "retry all",
    load: () => import("../../app/routes/admin.courriels.tsx"),
    url: "/admin/courriels",
    action: { form: () => ({ intent: "retry_all" }), expected: only(["administrator"], "redirect") },
  },
  // @outbox-admin (add rows above this line)
  // Prometheus metrics: only with `Authorization: Bearer $METRICS_TOKEN` (app/routes/metrics.test.ts); no visitor kind sees them.
  { file: "metrics.ts", load: () => import("../../app/routes/metrics.ts"), url: "/metrics", loader: everyone("notFound") },
  // @operations (add rows above this line)
  // Conseils citoyens: the public list and pages, and the coordinators' management page (one case per intent).
  { file: "conseils-citoyens._index.tsx", load: () => import("../../app/routes/conseils-citoyens._index.tsx"), url: "/conseils-citoyens", loader: everyone("ok") },
  { file: "conseils-citoyens.$code.tsx", load: () => import("../../app/routes/conseils-citoyens.$code.tsx"), url: "/conseils-citoyens/QP062024", params: () => ({ code: "QP062024" }), loader: everyone("ok") },
  ...["qp062024", "QP999999"].map(
    (code): RouteCase => ({
      file: "conseils-citoyens.$code.tsx",
      name: `bad code ${code}`,
      load: () => import("../../app/routes/conseils-citoyens.$code.tsx"),
      url: `/conseils-citoyens/${code}`,
      params: () => ({ code }),
      loader: everyone("notFound"),
    }),
  ),
  ...((): RouteCase[] => {
    const url = "/conseils-citoyens/QP062024/gestion";
    const params = () => ({ code: "QP062024" });
    const load = () => withCouncilRows(() => import("../../app/routes/conseils-citoyens.$code_.gestion.tsx"));
    const file = "conseils-citoyens.$code_.gestion.tsx";
    const managers = only(["coordinator", "administrator"], "redirect");
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + 14 * 24 * 3600_000));
    return [
      { file, load, url, params, loader: only(["coordinator", "administrator"]) },
      {
        file,
        name: "add_member",
        load,
        url,
        params,
        // A new name each time: the same name twice is refused as a duplicate.
        action: { form: () => ({ intent: "add_member", displayName: `Membre ${Math.random().toString(36).slice(2, 8)}`, college: "residents", listed: "on" }), expected: managers },
      },
      { file, name: "update_member", load, url, params, action: { form: () => ({ intent: "update_member", memberId: councilRows.memberId, college: "actors", organisation: "Amicale", listed: "on" }), expected: managers } },
      { file, name: "remove_member", load, url, params, action: { form: () => ({ intent: "remove_member", memberId: councilRows.memberId }), expected: managers } },
      { file, name: "edit_council", load, url, params, action: { form: () => ({ intent: "edit_council", name: "Conseil citoyen Cité 12-14", howToJoin: "Venez nous voir.", meetingPattern: "" }), expected: managers } },
      { file, name: "add_meeting", load, url, params, action: { form: () => ({ intent: "add_meeting", title: "Réunion du conseil", date: day, startTime: "18:00", place: "" }), expected: managers } },
      { file, name: "meeting_summary", load, url, params, action: { form: () => ({ intent: "meeting_summary", meetingId: councilRows.pastMeetingId, summary: "Vingt personnes présentes." }), expected: managers } },
      { file, name: "attach_quartier", load, url, params, action: { form: () => ({ intent: "attach_quartier", quartierCode: "QP062026" }), expected: managers } },
      {
        file,
        name: "unknown council",
        load,
        url: "/conseils-citoyens/QP999999/gestion",
        params: () => ({ code: "QP999999" }),
        loader: only(["coordinator", "administrator"], "notFound"),
        action: { form: () => ({ intent: "edit_council", name: "Conseil" }), expected: only(["coordinator", "administrator"], "notFound") },
      },
    ];
  })(),
  // @councils (add rows above this line)
  // Conseils citoyens carry and follow a proposal (the fixture's proposal is in QP062024, the council member's
  // quartier): the member carries it first, then it is already carried (409) for coordinators and administrators.
  {
    file: "propositions.$id.tsx",
    name: "carry on behalf of a council",
    load: () => import("../../app/routes/propositions.$id.tsx"),
    url: (f) => `/propositions/${f.proposalId}`,
    params: (f) => ({ id: f.proposalId }),
    action: {
      form: () => ({ intent: "carry", statement: "Le conseil porte cette idée depuis l'hiver dernier." }),
      expected: { ...only(["councilMember"], "redirect"), coordinator: "conflict", administrator: "conflict" },
    },
  },
  {
    file: "propositions.$id.tsx",
    name: "follow on behalf of a council",
    load: () => import("../../app/routes/propositions.$id.tsx"),
    url: (f) => `/propositions/${f.proposalId}`,
    params: (f) => ({ id: f.proposalId }),
    action: { form: () => ({ intent: "council_follow" }), expected: only(["councilMember", "coordinator", "administrator"], "redirect") },
  },
  {
    file: "propositions.$id.tsx",
    name: "unfollow on behalf of a council",
    load: () => import("../../app/routes/propositions.$id.tsx"),
    url: (f) => `/propositions/${f.proposalId}`,
    params: (f) => ({ id: f.proposalId }),
    action: { form: () => ({ intent: "council_unfollow" }), expected: only(["councilMember", "coordinator", "administrator"], "redirect") },
  },
  {
    file: "conseils-citoyens.$code_.interpeller.tsx",
    load: () => import("../../app/routes/conseils-citoyens.$code_.interpeller.tsx"),
    url: "/conseils-citoyens/QP062024/interpeller",
    params: () => ({ code: "QP062024" }),
    loader: only(["councilMember", "coordinator", "administrator"]),
    action: { form: () => interpellationForm(), expected: only(["councilMember", "coordinator", "administrator"], "redirect") },
  },
  {
    file: "conseils-citoyens.$code_.interpeller.tsx",
    name: "malformed council code",
    load: () => import("../../app/routes/conseils-citoyens.$code_.interpeller.tsx"),
    url: "/conseils-citoyens/qp062024/interpeller",
    params: () => ({ code: "qp062024" }),
    loader: signedIn("notFound"),
    action: { form: () => interpellationForm(), expected: signedIn("notFound") },
  },
  {
    file: "conseils-citoyens.$code_.interpeller.tsx",
    name: "another council",
    load: () => import("../../app/routes/conseils-citoyens.$code_.interpeller.tsx"),
    url: "/conseils-citoyens/QP062028/interpeller",
    params: () => ({ code: "QP062028" }),
    loader: only(["coordinator", "administrator"]),
    action: { form: () => interpellationForm(), expected: only(["coordinator", "administrator"], "redirect") },
  },
  {
    file: "boite-a-outils.saisir-le-gtp.tsx",
    load: () => import("../../app/routes/boite-a-outils.saisir-le-gtp.tsx"),
    url: "/boite-a-outils/saisir-le-gtp?objet=question",
    loader: only(["networkMember", "coordinator", "administrator"]),
    action: { form: () => ({ intent: "interpellation", organisation: "Centre social Dumas", ...interpellationForm() }), expected: only(["networkMember", "coordinator", "administrator"], "redirect") },
  },
  {
    file: "boite-a-outils.saisir-le-gtp.tsx",
    name: "a proposal",
    load: () => import("../../app/routes/boite-a-outils.saisir-le-gtp.tsx"),
    url: "/boite-a-outils/saisir-le-gtp?objet=proposition",
    loader: only(["networkMember", "coordinator", "administrator"]),
    action: {
      form: () => ({ intent: "proposal", organisation: "Centre social Dumas", title: "Un local pour les associations", body: "Les associations se réunissent dans les halls : un local partagé les aiderait.", ambitionNumber: "3", quartierCode: "QP062024", communeSlug: "lens" }),
      expected: only(["networkMember", "coordinator", "administrator"], "redirect"),
    },
  },
  {
    file: "interpellations.$id.tsx",
    load: () => withInterpellation(() => import("../../app/routes/interpellations.$id.tsx")),
    url: () => `/interpellations/${interpellationRows.id}`,
    params: () => ({ id: interpellationRows.id }),
    loader: everyone("ok"),
  },
  {
    file: "interpellations.$id.tsx",
    name: "malformed or unknown id",
    load: () => import("../../app/routes/interpellations.$id.tsx"),
    url: "/interpellations/pas-un-id",
    params: () => ({ id: "pas-un-id" }),
    loader: everyone("notFound"),
  },
  {
    // The coordinator answers; the administrator's form, built before, finds it answered (409).
    file: "gouvernance.interpellations.$id.tsx",
    load: () => withInterpellation(() => import("../../app/routes/gouvernance.interpellations.$id.tsx")),
    url: () => `/gouvernance/interpellations/${interpellationRows.id}`,
    params: () => ({ id: interpellationRows.id }),
    loader: only(["coordinator", "administrator"]),
    action: {
      form: () => ({ answer: "La ville remplace les lampadaires la semaine prochaine." }),
      expected: { ...only(["coordinator", "administrator"], "redirect"), administrator: "conflict" },
    },
  },
  {
    file: "gouvernance.interpellations.$id.tsx",
    name: "malformed id",
    load: () => import("../../app/routes/gouvernance.interpellations.$id.tsx"),
    url: "/gouvernance/interpellations/pas-un-id",
    params: () => ({ id: "pas-un-id" }),
    loader: { ...only(["coordinator", "administrator"]), coordinator: "notFound", administrator: "notFound" },
    action: { form: () => ({ answer: "La ville remplace les lampadaires la semaine prochaine." }), expected: { ...only(["coordinator", "administrator"]), coordinator: "notFound", administrator: "notFound" } },
  },
  // @council-carry (add rows above this line)
  // Tracking board of the council of QP062024 (the fixture's council member sits on it): the page, its A4 sheet, its CSV.
  ...(
    [
      ["conseils-citoyens.$code_.suivi.tsx", () => import("../../app/routes/conseils-citoyens.$code_.suivi.tsx"), ""],
      ["conseils-citoyens.$code_.suivi_.impression.tsx", () => import("../../app/routes/conseils-citoyens.$code_.suivi_.impression.tsx"), "/impression"],
      ["conseils-citoyens.$code_.suivi[.]csv.ts", () => import("../../app/routes/conseils-citoyens.$code_.suivi[.]csv.ts"), ".csv"],
    ] as const
  ).flatMap(([file, load, tail]): RouteCase[] => [
    { file, load, url: `/conseils-citoyens/QP062024/suivi${tail}?tri=echeance&type=portees`, params: () => ({ code: "QP062024" }), loader: only(["councilMember", "coordinator", "administrator"]) },
    { file, name: "unknown council", load, url: `/conseils-citoyens/QP999999/suivi${tail}`, params: () => ({ code: "QP999999" }), loader: everyone("notFound") },
    { file, name: "malformed code", load, url: `/conseils-citoyens/qp062024/suivi${tail}`, params: () => ({ code: "qp062024" }), loader: everyone("notFound") },
  ]),
  // @council-board (add rows above this line)
  // Toolbox: everyone reads published entries; ambassadors, coordinators and administrators write, publish
  // and see the drafts (a published entry and a draft, made by `load` after the per-test reset).
  { file: "boite-a-outils._index.tsx", load: () => withToolboxEntries(db, () => import("../../app/routes/boite-a-outils._index.tsx")), url: "/boite-a-outils", loader: everyone("ok") },
  {
    file: "boite-a-outils._index.tsx",
    name: "filtered, with values it does not know",
    load: () => withToolboxEntries(db, () => import("../../app/routes/boite-a-outils._index.tsx")),
    url: "/boite-a-outils?q=jardin&type=experience&ambition=8&quartier=QP999999&commune=atlantide&page=9999",
    loader: everyone("ok"),
  },
  {
    file: "boite-a-outils.$id.tsx",
    load: () => withToolboxEntries(db, () => import("../../app/routes/boite-a-outils.$id.tsx")),
    url: () => `/boite-a-outils/${toolboxRouteRows.publishedId}`,
    params: () => ({ id: toolboxRouteRows.publishedId }),
    loader: everyone("ok"),
    action: { form: () => ({ intent: "unpublish" }), expected: only(["ambassador", "coordinator", "administrator"], "redirect") },
  },
  {
    // A draft: the editors see it; anyone else is told it does not exist.
    file: "boite-a-outils.$id.tsx",
    name: "draft",
    load: () => withToolboxEntries(db, () => import("../../app/routes/boite-a-outils.$id.tsx")),
    url: () => `/boite-a-outils/${toolboxRouteRows.draftId}`,
    params: () => ({ id: toolboxRouteRows.draftId }),
    loader: { ...everyone("notFound"), ambassador: "ok", coordinator: "ok", administrator: "ok" },
    action: { form: () => ({ intent: "publish" }), expected: only(["ambassador", "coordinator", "administrator"], "redirect") },
  },
  {
    file: "boite-a-outils.$id.tsx",
    name: "unknown intent",
    load: () => withToolboxEntries(db, () => import("../../app/routes/boite-a-outils.$id.tsx")),
    url: () => `/boite-a-outils/${toolboxRouteRows.publishedId}`,
    params: () => ({ id: toolboxRouteRows.publishedId }),
    action: { form: () => ({ intent: "delete" }), expected: only(["ambassador", "coordinator", "administrator"], "badRequest") },
  },
  {
    file: "boite-a-outils.$id.tsx",
    name: "unknown",
    load: () => import("../../app/routes/boite-a-outils.$id.tsx"),
    url: `/boite-a-outils/${UNKNOWN_ID}`,
    params: () => ({ id: UNKNOWN_ID }),
    loader: everyone("notFound"),
    action: { form: () => ({ intent: "publish" }), expected: only(["ambassador", "coordinator", "administrator"], "notFound") },
  },
  {
    file: "boite-a-outils.$id.tsx",
    name: "malformed",
    load: () => import("../../app/routes/boite-a-outils.$id.tsx"),
    url: "/boite-a-outils/abc",
    params: () => ({ id: "abc" }),
    loader: everyone("notFound"),
    action: { form: () => ({ intent: "publish" }), expected: only(["ambassador", "coordinator", "administrator"], "notFound") },
  },
  {
    file: "boite-a-outils.nouvelle.tsx",
    load: () => import("../../app/routes/boite-a-outils.nouvelle.tsx"),
    url: "/boite-a-outils/nouvelle?type=experience",
    loader: only(["ambassador", "coordinator", "administrator"]),
    action: { form: () => experienceForm(), expected: only(["ambassador", "coordinator", "administrator"], "redirect") },
  },
  {
    // Without a kind: the page offers the three; a post cannot be read as any of them.
    file: "boite-a-outils.nouvelle.tsx",
    name: "no kind",
    load: () => import("../../app/routes/boite-a-outils.nouvelle.tsx"),
    url: "/boite-a-outils/nouvelle",
    loader: only(["ambassador", "coordinator", "administrator"]),
    action: { form: () => experienceForm(), expected: only(["ambassador", "coordinator", "administrator"], "badRequest") },
  },
  {
    file: "boite-a-outils.nouvelle.tsx",
    name: "unknown quartier",
    load: () => import("../../app/routes/boite-a-outils.nouvelle.tsx"),
    url: "/boite-a-outils/nouvelle?type=experience",
    action: { form: () => experienceForm({ quartierCode: "QP999999" }), expected: only(["ambassador", "coordinator", "administrator"], "badRequest") },
  },
  {
    file: "boite-a-outils.$id_.modifier.tsx",
    load: () => withToolboxEntries(db, () => import("../../app/routes/boite-a-outils.$id_.modifier.tsx")),
    url: () => `/boite-a-outils/${toolboxRouteRows.publishedId}/modifier`,
    params: () => ({ id: toolboxRouteRows.publishedId }),
    loader: only(["ambassador", "coordinator", "administrator"]),
    action: { form: () => experienceForm({ intent: "publish" }), expected: only(["ambassador", "coordinator", "administrator"], "redirect") },
  },
  {
    file: "boite-a-outils.$id_.modifier.tsx",
    name: "malformed",
    load: () => import("../../app/routes/boite-a-outils.$id_.modifier.tsx"),
    url: "/boite-a-outils/abc/modifier",
    params: () => ({ id: "abc" }),
    loader: only(["ambassador", "coordinator", "administrator"], "notFound"),
    action: { form: () => experienceForm(), expected: only(["ambassador", "coordinator", "administrator"], "notFound") },
  },
  // @toolbox (add rows above this line)
];

// Notifications: a notice of the fixture's target user, whom none of the visitors is.
const notificationRows = { foreignId: "" };
async function withForeignNotice<T>(load: () => Promise<T>): Promise<T> {
  const { insertNotice } = await import("#tests/factories/notifications.ts");
  notificationRows.foreignId = (await insertNotice(db, { userId: fixture.targetUserId, proposalId: fixture.proposalId })).notice.id;
  return load();
}

// Labo console: an idea captured at the fixture's session in Lens (made by `load`, after the per-test reset).
const laboIdea = { captureId: "" };
async function withLaboIdea<T>(load: () => Promise<T>): Promise<T> {
  const { laboCaptures } = await import("#db/schema/index.ts");
  const [capture] = await db
    .insert(laboCaptures)
    .values({ sessionId: fixture.laboSessionId, clientId: "route-access-idea", kind: "idea", body: "Des bancs aux arrêts de bus.", ambitionNumber: 8 })
    .returning({ id: laboCaptures.id });
  laboIdea.captureId = capture!.id;
  return load();
}

// Labo registrations: a draft session in Lens (the ambassador's commune), and a guest's registration for an
// announced one with the token of its cancel link (taken from the confirmation email).
const laboRegistrationRows = { draftSessionId: "", cancelToken: "" };
async function withLaboRegistrationRows<T>(load: () => Promise<T>): Promise<T> {
  const [{ registerForSession }, { emailsTo }] = await Promise.all([import("#app/modules/labo-registrations/register-for-session.server.ts"), import("#tests/helpers/email.ts")]);
  const { session: draft } = await insertLaboSession(db, { communeSlug: "lens", status: "draft" });
  const { session } = await insertLaboSession(db, { communeSlug: "lens" });
  const email = `lien.${session.id.slice(0, 8)}@example.org`;
  await registerForSession({ sessionId: session.id, registrant: { kind: "guest", name: "Nadia", email, phone: null, isNewcomer: false }, locale: "fr" });
  const [mail] = await emailsTo(email);
  Object.assign(laboRegistrationRows, { draftSessionId: draft.id, cancelToken: mail!.text.match(/\/labo\/inscription\/([\w-]{43})/)![1]! });
  return load();
}

// Contributions: an open proposal with one contribution by someone none of the visitors is, and a
// withdrawn proposal. Factories are imported here rather than at the top, to keep this block self-contained.
const contributionRows = { proposalId: "", closedProposalId: "", contributionId: "" };
async function withContributionRows<T>(load: () => Promise<T>): Promise<T> {
  const [{ insertProposal }, { insertContribution }] = await Promise.all([import("#tests/factories/proposals.ts"), import("#tests/factories/contributions.ts")]);
  const author = await insertUser(db, { password: null, displayName: "Autrice des contributions" });
  const proposal = await insertProposal(db, { authorId: author.id });
  const closed = await insertProposal(db, { authorId: author.id, status: "withdrawn" });
  const contribution = await insertContribution(db, { proposalId: proposal.id, authorId: author.id });
  Object.assign(contributionRows, { proposalId: proposal.id, closedProposalId: closed.id, contributionId: contribution.id });
  return load();
}

// Rendez-vous du Labo: a draft in Lens, and a valid session form a week ahead (Paris time).
const laboRows = { draftId: "" };
async function withLaboDraft<T>(load: () => Promise<T>): Promise<T> {
  const { session } = await insertLaboSession(db, { communeSlug: "lens", status: "draft" });
  laboRows.draftId = session.id;
  return load();
}
function laboSessionForm(communeSlug: string): Record<string, string> {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + 7 * 24 * 3600_000));
  return {
    title: "Rendez-vous du Labo : la propreté des rues",
    communeSlug,
    placeName: "Centre social",
    date: day,
    startTime: "18:00",
    endTime: "20:00",
    capacity: "30",
    atelier0Title: "Les dépôts sauvages",
    atelier0Question: "Où voyez-vous des dépôts sauvages ?",
    intent: "announce",
  };
}
// Moderation: a case about the fixture's contribution (by the resident), reported by someone else;
// "hidden": a moderator (not one of the visitors) has hidden it.
const moderationRows = { caseId: "" };
async function withModerationCase<T>(state: "pending" | "hidden", load: () => Promise<T>): Promise<T> {
  const [{ reportContent }, { decideCase }] = await Promise.all([import("#app/modules/moderation/report-content.server.ts"), import("#app/modules/moderation/decide-case.server.ts")]);
  const reporter = await insertUser(db, { password: null });
  const reported = await reportContent({ reporter: { id: reporter.id, emailVerified: true, roles: [] }, input: { subjectType: "contribution", subjectId: fixture.contributionId, reason: "spam", details: "" } });
  if (reported.status !== "ok") throw new Error(`report: ${reported.status}`);
  moderationRows.caseId = reported.caseId;
  if (state === "hidden") {
    const moderator = await insertUser(db, { password: null, roles: [{ role: "moderator" }] });
    const viewer = { id: moderator.id, emailVerified: true, roles: [{ role: "moderator" as const, communeSlug: null, quartierCode: null }] };
    await decideCase({ moderator: viewer, caseId: reported.caseId, decision: { kind: "hide", reason: "spam", note: "Publicité." } });
  }
  return load();
}

// ---------------------------------------------------------------------------------------------------

let cookies: Record<Visitor, string>;
let fixture: Fixture;
// The fuzz suite imports this file for its table and its fixture: the cases below run in this file only.
const runsHere = expect.getState().testPath === import.meta.filename;

/** Each visitor's session and the fixture's rows, made afresh (each test starts from an empty database). */
export async function setUpVisitors() {
  // No password: hashing is the slow part of creating users, and sessions are made directly.
  const accounts = {
    resident: await insertUser(db, { password: null }),
    ambassador: await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "lens" }] }),
    councilMember: await insertUser(db, { password: null, roles: [{ role: "council_member", quartierCode: "QP062024" }] }),
    networkMember: await insertUser(db, { password: null, roles: [{ role: "network_member" }] }),
    moderator: await insertUser(db, { password: null, roles: [{ role: "moderator" }] }),
    coordinator: await insertUser(db, { password: null, roles: [{ role: "coordinator" }] }),
    administrator: await insertUser(db, { password: null, roles: [{ role: "administrator" }] }),
  };
  cookies = { anonymous: "" } as Record<Visitor, string>;
  for (const [visitor, user] of Object.entries(accounts)) cookies[visitor as Visitor] = await sessionCookieFor(user.id);
  const target = await insertUser(db, { password: null, displayName: "Personne cible", roles: [{ role: "network_member" }] });
  const [grant] = await db.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.userId, target.id));
  const proposal = await insertProposal(db, { authorId: accounts.resident.id });
  const draft = await insertProposal(db, { authorId: accounts.resident.id, status: "draft" });
  const contribution = await insertContribution(db, { proposalId: proposal.id, authorId: accounts.resident.id });
  const { session: laboSession } = await insertLaboSession(db, { communeSlug: "lens" });
  const { session: otherLaboSession } = await insertLaboSession(db, { communeSlug: "avion" });
  fixture = {
    targetUserId: target.id,
    targetGrantId: grant!.id,
    proposalId: proposal.id,
    draftProposalId: draft.id,
    contributionId: contribution.id,
    laboSessionId: laboSession.id,
    otherCommuneLaboSessionId: otherLaboSession.id,
  };
  return { cookies, fixture };
}
if (runsHere) beforeEach(setUpVisitors);

function classify(result: unknown): Outcome | string {
  if (!(result instanceof Response)) return "ok"; // plain data from a loader
  const { status } = result;
  if (status >= 200 && status < 300) return "ok";
  if (status >= 300 && status < 400) return (result.headers.get("Location") ?? "").startsWith("/connexion") ? "signIn" : "redirect";
  const known: Record<number, Outcome> = { 400: "badRequest", 403: "forbidden", 404: "notFound", 409: "conflict" };
  return known[status] ?? `status ${status}`;
}

async function outcome(run: () => unknown): Promise<Outcome | string> {
  try {
    return classify(await run());
  } catch (error) {
    if (error instanceof Response) return classify(error);
    return `threw ${error instanceof Error ? error.message : String(error)}`;
  }
}

const label = (c: RouteCase) => (c.name ? `${c.file} (${c.name})` : c.file);

if (runsHere) describe.each(ROUTES.map((c) => [label(c), c] as const))("%s", (_label, routeCase) => {
  test("each visitor gets the expected outcome", async () => {
    const mod = await routeCase.load();
    const url = typeof routeCase.url === "function" ? routeCase.url(fixture) : routeCase.url;
    const params = routeCase.params?.(fixture) ?? {};

    if (routeCase.loader) {
      expect(mod.loader, "the module has no loader, but the table expects one").toBeTypeOf("function");
      const actual: Record<string, string> = {};
      for (const visitor of VISITORS) actual[visitor] = await outcome(() => mod.loader!(loaderArgs(getRequest(url, { cookie: cookies[visitor] }), params)));
      expect(actual, "loader").toEqual(routeCase.loader);
    }

    if (routeCase.action) {
      expect(mod.action, "the module has no action, but the table expects one").toBeTypeOf("function");
      const actual: Record<string, string> = {};
      // The administrator goes last: theirs is usually the only action that changes something.
      for (const visitor of VISITORS) {
        const form = routeCase.action.form(fixture);
        actual[visitor] = await outcome(() => mod.action!(actionArgs(postRequest(url, form, { cookie: cookies[visitor] }), params)));
      }
      expect(actual, "action").toEqual(routeCase.action.expected);
    }
  });
});

// ---------------------------------------------------------------------------------------------------

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const ROUTE_EXTENSIONS = /\.(tsx?|jsx?)$/;
// The same files Remix leaves out (remix.config.js ignoredRouteFiles).
const IGNORED = [/^\./, /\.test\.(ts|tsx)$/, /\.server\.(ts|tsx)$/];

/** The route modules Remix builds from app/routes (flat routes: files, or folders with a route file). */
function routeFiles() {
  const files: string[] = [];
  for (const entry of readdirSync(ROUTES_DIR)) {
    if (IGNORED.some((pattern) => pattern.test(entry))) continue;
    const full = path.join(ROUTES_DIR, entry);
    if (statSync(full).isDirectory()) {
      const routeFile = readdirSync(full).find((f) => /^route\.(tsx?|jsx?)$/.test(f));
      if (routeFile) files.push(`${entry}/${routeFile}`);
    } else if (ROUTE_EXTENSIONS.test(entry)) {
      files.push(entry);
    }
  }
  return files.sort();
}

if (runsHere) describe("the access matrix", () => {
  test("lists every route module in app/routes", () => {
    const listed = new Set(ROUTES.map((c) => c.file));
    const missing = routeFiles().filter((file) => !listed.has(file));
    expect(missing, "add these routes to ROUTES in tests/unit/route-access.test.ts").toEqual([]);
  });

  test("lists no route that does not exist", () => {
    const existing = new Set(routeFiles());
    expect(ROUTES.map((c) => c.file).filter((file) => !existing.has(file))).toEqual([]);
  });

  test("checks the loader and the action of every module that has them", async () => {
    const unchecked: string[] = [];
    for (const file of new Set(ROUTES.map((c) => c.file))) {
      const cases = ROUTES.filter((c) => c.file === file);
      const mod = await cases[0]!.load();
      if (mod.loader && !cases.some((c) => c.loader)) unchecked.push(`${file}: loader`);
      if (mod.action && !cases.some((c) => c.action)) unchecked.push(`${file}: action`);
    }
    expect(unchecked).toEqual([]);
  });
});

// COPIL agendas: a meeting of the COPIL with one free item on its agenda (made by `load`, after the per-test reset).
const copilRows = { meetingId: "", itemId: "" };
async function withCopilMeeting<T>(status: "planned" | "held", load: () => Promise<T>): Promise<T> {
  const { insertMeeting, insertAgendaItem } = await import("#tests/factories/governance.ts");
  const meeting = await insertMeeting(db, { status });
  const item = await insertAgendaItem(db, { meetingId: meeting.id, title: "Programmation 2027" });
  Object.assign(copilRows, { meetingId: meeting.id, itemId: item.id });
  return load();
}

// Governance meetings: a GTP meeting two days ago (planned), and the edit form's values as stored (Paris time).
const meetingRows = { meetingId: "", version: "", form: {} as Record<string, string> };
async function withGovernanceMeeting<T>(load: () => Promise<T>): Promise<T> {
  const [{ governanceMeetings }, { instantToParis }] = await Promise.all([import("#db/schema/index.ts"), import("#app/modules/labo/paris-time.ts")]);
  const startsAt = new Date(Date.now() - 2 * 24 * 3600_000);
  startsAt.setUTCSeconds(0, 0);
  const [meeting] = await db.insert(governanceMeetings).values({ bodyKey: "gtp", title: "GTP de printemps", startsAt, place: "Hôtel communautaire, Lens" }).returning();
  const { date, time } = instantToParis(startsAt);
  Object.assign(meetingRows, {
    meetingId: meeting!.id,
    version: String(meeting!.updatedAt.getTime()),
    form: { bodyKey: "gtp", title: meeting!.title, date, startTime: time, place: meeting!.place },
  });
  return load();
}
function meetingForm(bodyKey: string): Record<string, string> {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + 30 * 24 * 3600_000));
  return { bodyKey, title: "Comité de pilotage d'automne", date: day, startTime: "14:00", place: "Salle du conseil, Liévin" };
}

// Follow-up: a proposal the COPIL retained (decided, version 0), by the fixture's resident.
const followupRows = { proposalId: "" };
async function withRetainedProposal<T>(load: () => Promise<T>): Promise<T> {
  const [{ insertProposal }, { proposals }] = await Promise.all([import("#tests/factories/proposals.ts"), import("#db/schema/index.ts")]);
  const author = await insertUser(db, { password: null, displayName: "Autrice retenue" });
  const proposal = await insertProposal(db, { authorId: author.id, status: "decided" });
  await db.update(proposals).set({ decision: "retained", qualifiedAt: new Date(Date.now() - 60 * 24 * 3600_000), answeredAt: new Date(), answerKind: "copil_decision" }).where(eq(proposals.id, proposal.id));
  followupRows.proposalId = proposal.id;
  return load();
}

// GTP: a qualified proposal by someone none of the visitors is (made by `load`, after the per-test reset).
const gtpRows = { proposalId: "" };
async function withGtpProposal<T>(load: () => Promise<T>): Promise<T> {
  const { proposals } = await import("#db/schema/index.ts");
  const author = await insertUser(db, { password: null, displayName: "Autrice qualifiée" });
  const proposal = await insertProposal(db, { authorId: author.id });
  await db.update(proposals).set({ status: "qualified", qualifiedAt: new Date() }).where(eq(proposals.id, proposal.id));
  gtpRows.proposalId = proposal.id;
  return load();
}

// Conseils citoyens: a listed member of the council QP062024 (no account) and a past meeting of it.
const councilRows = { memberId: "", pastMeetingId: "" };
async function withCouncilRows<T>(load: () => Promise<T>): Promise<T> {
  const { insertCouncilMember, insertCouncilMeeting } = await import("#tests/factories/councils.ts");
  const member = await insertCouncilMember(db, { councilCode: "QP062024", displayName: "Membre du conseil" });
  const meeting = await insertCouncilMeeting(db, { councilCode: "QP062024", startsAt: new Date(Date.now() - 24 * 3600_000) });
  Object.assign(councilRows, { memberId: member.id, pastMeetingId: meeting.id });
  return load();
}

// Interpellations: a council's question to the GTP, waiting for its answer (made by `load`, after the per-test reset).
const interpellationRows = { id: "" };
async function withInterpellation<T>(load: () => Promise<T>): Promise<T> {
  const { insertInterpellation } = await import("#tests/factories/interpellations.ts");
  interpellationRows.id = (await insertInterpellation(db, { authorId: fixture.targetUserId })).id;
  return load();
}
function interpellationForm(): Record<string, string> {
  return { kind: "question", title: "Quand l'éclairage revient-il ?", body: "Depuis trois mois la rue Voltaire est dans le noir le soir.", ambitionNumber: "", quartierCode: "" };
}
