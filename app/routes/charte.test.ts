import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import { setSetting } from "#app/modules/settings/platform-settings.server.ts";
import { charterAcceptances, users } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy, lastLinkTo } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader as charterLoader } from "./charte._index.tsx";
import { action as acceptAction, loader as acceptLoader } from "./charte.accepter.tsx";
import { action as signInAction } from "./connexion._index.tsx";
import { action as requestLinkAction } from "./connexion.lien._index.tsx";
import { action as pressButton } from "./connexion.lien.verifier.tsx";

const PASSWORD = "motdepasse-solide-42";

async function accepted(userId: string) {
  const [row] = await db.select({ version: users.charterVersion, at: users.charterAcceptedAt }).from(users).where(eq(users.id, userId));
  const history = await db.select({ version: charterAcceptances.version }).from(charterAcceptances).where(eq(charterAcceptances.userId, userId));
  return { ...row, history: history.map((h) => h.version) };
}

describe("/charte", () => {
  test("public: the charter with its version and the automatic hiding threshold in force", async () => {
    const admin = await insertUser(db, { roles: [{ role: "administrator" }] });
    await setSetting("moderation.autoHideThreshold", 5, admin.id);
    const response = await settle(charterLoader(loaderArgs(getRequest("/charte"))));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ title: "Charte de participation", version: CHARTER_VERSION, threshold: 5, date: expect.stringMatching(/2026/) });
  });
});

describe("signing in with an older charter", () => {
  test("with a password: the charter first, then where the person was going", async () => {
    await insertUser(db, { email: "ancien@example.org", charterVersion: CHARTER_VERSION - 1 });
    const response = await settle(
      signInAction({ ...actionArgs(postRequest("/connexion", { email: "ancien@example.org", password: PASSWORD, redirectTo: "/compte/profil" })), context: { clientAddress: "127.0.0.1" } }),
    );
    expect(response.headers.get("Location")).toBe("/charte/accepter?redirectTo=%2Fcompte%2Fprofil");
  });

  test("with an emailed link: the charter first too", async () => {
    await insertUser(db, { email: "lien@example.org", charterVersion: null });
    await settle(requestLinkAction({ ...actionArgs(postRequest("/connexion/lien", { email: "lien@example.org" })), context: { clientAddress: "127.0.0.1" } }));
    const link = await lastLinkTo("lien@example.org", "/connexion/lien/verifier");
    const response = await settle(pressButton(actionArgs(postRequest(link, {}))));
    expect(response.headers.get("Location")).toBe("/charte/accepter?redirectTo=%2F");
  });

  test("someone up to date goes straight on", async () => {
    await insertUser(db, { email: "ajour@example.org" });
    const response = await settle(
      signInAction({ ...actionArgs(postRequest("/connexion", { email: "ajour@example.org", password: PASSWORD, redirectTo: "/compte" })), context: { clientAddress: "127.0.0.1" } }),
    );
    expect(response.headers.get("Location")).toBe("/compte");
  });
});

describe("/charte/accepter", () => {
  test("anonymous visitors sign in first", async () => {
    const response = await settle(acceptLoader(loaderArgs(getRequest("/charte/accepter"))));
    expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fcharte%2Faccepter");
  });

  test("someone already up to date is sent on (a same-site path only)", async () => {
    const user = await insertUser(db);
    const cookie = await sessionCookieFor(user.id);
    const ok = await settle(acceptLoader(loaderArgs(getRequest("/charte/accepter?redirectTo=%2Fcompte", { cookie }))));
    expect(ok.headers.get("Location")).toBe("/compte");
    const evil = await settle(acceptLoader(loaderArgs(getRequest("/charte/accepter?redirectTo=https%3A%2F%2Fevil.example", { cookie }))));
    expect(evil.headers.get("Location")).toBe("/");
  });

  test("the box must be ticked; then the new version is recorded and the person goes on", async () => {
    const user = await insertUser(db, { charterVersion: CHARTER_VERSION - 1 });
    const cookie = await sessionCookieFor(user.id);
    const page = await settle(acceptLoader(loaderArgs(getRequest("/charte/accepter?redirectTo=%2Fpropositions%2Fnouvelle", { cookie }))));
    expect(await page.json()).toEqual({ title: "La charte a changé", redirectTo: "/propositions/nouvelle" });

    const unticked = await settle(acceptAction(actionArgs(postRequest("/charte/accepter", { redirectTo: "/propositions/nouvelle" }, { cookie }))));
    expect(unticked.status).toBe(400);
    expect((await unticked.json()).errors).toEqual({ charter: "charter:accept.required" });
    expect((await accepted(user.id)).version).toBe(CHARTER_VERSION - 1);

    const response = await settle(acceptAction(actionArgs(postRequest("/charte/accepter", { charter: "accepted", redirectTo: "/propositions/nouvelle" }, { cookie }))));
    expect(response.headers.get("Location")).toBe("/propositions/nouvelle");
    expect(await flashSetBy(response)).toBe("charter:flash.accepted");
    expect(await accepted(user.id)).toMatchObject({ version: CHARTER_VERSION, at: expect.any(Date), history: expect.arrayContaining([CHARTER_VERSION - 1, CHARTER_VERSION]) });
  });
});
