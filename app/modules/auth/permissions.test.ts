import { describe, expect, test } from "vitest";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import { can, canRunLaboSession, PERMISSIONS, writeBlock, type Viewer } from "./permissions.ts";

const base = { id: "u1", emailVerified: true };
const viewers: Record<string, Viewer> = {
  anonymous: null,
  resident: { ...base, roles: [] },
  unverified: { ...base, emailVerified: false, roles: [] },
  ambassadorAvion: { ...base, roles: [{ role: "ambassador", communeSlug: "avion", quartierCode: null }] },
  councilCalonne: { ...base, roles: [{ role: "council_member", communeSlug: null, quartierCode: null, councilCode: "QP062028" }] },
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

  test("a suspended account reads but does not write until the suspension ends", () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const suspended = { ...base, roles: [], charterVersion: CHARTER_VERSION, suspendedUntil: "2026-12-01T10:00:00Z" };
    expect(writeBlock(suspended, now)).toEqual({ reason: "suspended", until: new Date("2026-12-01T10:00:00Z") });
    expect(writeBlock({ ...suspended, suspendedUntil: new Date("2026-11-01T10:00:00Z") }, now)).toBeNull();
    expect(can({ ...suspended, suspendedUntil: new Date(Date.now() + 60_000) }, "participation.write")).toBe(false);
    expect(can({ ...suspended, suspendedUntil: new Date(Date.now() - 60_000) }, "participation.write")).toBe(true);
    // Reading and managing one's own account stay open.
    expect(can({ ...suspended, suspendedUntil: new Date(Date.now() + 60_000) }, "account.manage")).toBe(true);
  });

  test("writing waits until the current charter is accepted", () => {
    expect(writeBlock({ ...base, roles: [], charterVersion: null })).toEqual({ reason: "charter" });
    expect(writeBlock({ ...base, roles: [], charterVersion: CHARTER_VERSION - 1 })).toEqual({ reason: "charter" });
    expect(writeBlock({ ...base, roles: [], charterVersion: CHARTER_VERSION })).toBeNull();
  });

  test("an ambassador runs sessions in their communes only", () => {
    expect(can(viewers.ambassadorAvion!, "labo.manage", { communeSlug: "avion" })).toBe(true);
    expect(can(viewers.ambassadorAvion!, "labo.manage", { communeSlug: "lens" })).toBe(false);
    expect(can(viewers.ambassadorAvion!, "labo.manage", { communeSlug: null })).toBe(false);
    expect(can(viewers.coordinator!, "labo.manage", { communeSlug: "lens" })).toBe(true);
    expect(can(viewers.resident!, "labo.manage")).toBe(false);
  });

  test("a conseil citoyen member acts for their council only; coordinators for every council", () => {
    expect(can(viewers.councilCalonne!, "council.act", { councilCode: "QP062028" })).toBe(true);
    expect(can(viewers.councilCalonne!, "council.act", { councilCode: "QP062024" })).toBe(false);
    expect(can(viewers.councilCalonne!, "council.act", { councilCode: null })).toBe(false);
    expect(can(viewers.councilCalonne!, "council.manage")).toBe(false);
    const act = Object.entries(viewers).filter(([, v]) => can(v, "council.act", { councilCode: "QP062024" })).map(([n]) => n);
    expect(act.sort()).toEqual(["administrator", "coordinator"]);
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
