import { describe, expect, test } from "vitest";
import { can, canRunLaboSession, PERMISSIONS, type Viewer } from "./permissions.ts";

const base = { id: "u1", emailVerified: true };
const viewers: Record<string, Viewer> = {
  anonymous: null,
  resident: { ...base, roles: [] },
  unverified: { ...base, emailVerified: false, roles: [] },
  ambassadorAvion: { ...base, roles: [{ role: "ambassador", communeSlug: "avion", quartierCode: null }] },
  councilCalonne: { ...base, roles: [{ role: "council_member", communeSlug: null, quartierCode: "QP062028" }] },
  moderator: { ...base, roles: [{ role: "moderator", communeSlug: null, quartierCode: null }] },
  coordinator: { ...base, roles: [{ role: "coordinator", communeSlug: null, quartierCode: null }] },
  administrator: { ...base, roles: [{ role: "administrator", communeSlug: null, quartierCode: null }] },
};

describe("can", () => {
  test("anonymous visitors may do nothing that needs an account", () => {
    for (const permission of PERMISSIONS) expect(can(null, permission)).toBe(false);
  });

  test("only administrators edit the referential and manage roles", () => {
    for (const [name, viewer] of Object.entries(viewers)) {
      expect(can(viewer, "referential.edit"), name).toBe(name === "administrator");
      expect(can(viewer, "roles.manage"), name).toBe(name === "administrator");
    }
  });

  test("participation needs a verified email", () => {
    expect(can(viewers.resident!, "participation.write")).toBe(true);
    expect(can(viewers.unverified!, "participation.write")).toBe(false);
  });

  test("an ambassador runs sessions in their communes only", () => {
    expect(can(viewers.ambassadorAvion!, "labo.manage", { communeSlug: "avion" })).toBe(true);
    expect(can(viewers.ambassadorAvion!, "labo.manage", { communeSlug: "lens" })).toBe(false);
    expect(can(viewers.ambassadorAvion!, "labo.manage", { communeSlug: null })).toBe(false);
    expect(can(viewers.coordinator!, "labo.manage", { communeSlug: "lens" })).toBe(true);
    expect(can(viewers.resident!, "labo.manage")).toBe(false);
  });

  test("a conseil citoyen member acts for their quartier only", () => {
    expect(can(viewers.councilCalonne!, "council.act", { quartierCode: "QP062028" })).toBe(true);
    expect(can(viewers.councilCalonne!, "council.act", { quartierCode: "QP062024" })).toBe(false);
  });

  test("moderation belongs to moderators and administrators; audit to coordinators and administrators", () => {
    const moderate = Object.entries(viewers).filter(([, v]) => can(v, "moderation.act")).map(([n]) => n);
    expect(moderate.sort()).toEqual(["administrator", "moderator"]);
    const audit = Object.entries(viewers).filter(([, v]) => can(v, "audit.read")).map(([n]) => n);
    expect(audit.sort()).toEqual(["administrator", "coordinator"]);
  });
});

describe("canRunLaboSession", () => {
  const inAvion = { communeSlug: "avion", animatorIds: [] };
  const inLens = { communeSlug: "lens", animatorIds: [] };

  test("coordinators and administrators run every session; ambassadors those of their communes", () => {
    for (const name of ["coordinator", "administrator"]) {
      expect(canRunLaboSession(viewers[name]!, inAvion), name).toBe(true);
      expect(canRunLaboSession(viewers[name]!, inLens), name).toBe(true);
    }
    expect(canRunLaboSession(viewers.ambassadorAvion!, inAvion)).toBe(true);
    expect(canRunLaboSession(viewers.ambassadorAvion!, inLens)).toBe(false);
    expect(canRunLaboSession(viewers.ambassadorAvion!, { communeSlug: null, animatorIds: [] })).toBe(false);
  });

  test("an ambassador who animates a session elsewhere runs it; an animator without the role does not", () => {
    expect(canRunLaboSession(viewers.ambassadorAvion!, { communeSlug: "lens", animatorIds: ["u1"] })).toBe(true);
    expect(canRunLaboSession(viewers.resident!, { communeSlug: "avion", animatorIds: ["u1"] })).toBe(false);
  });

  test("nobody else runs a session", () => {
    for (const name of ["anonymous", "resident", "unverified", "councilCalonne", "moderator"]) expect(canRunLaboSession(viewers[name]!, inAvion), name).toBe(false);
  });
});
