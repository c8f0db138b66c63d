import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { updateAmbition } from "#app/modules/referential/update-referential.server.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, settle } from "#tests/helpers/request.ts";
import * as detail from "./ambitions.$numero.tsx";
import * as index from "./ambitions._index.tsx";
import * as instances from "./instances._index.tsx";

describe("/ambitions", () => {
  test("the 3 piliers with their 12 ambitions and the 2 transversal axes, for anyone", async () => {
    const response = await settle(index.loader(loaderArgs(getRequest("/ambitions"))));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Les 12 ambitions du contrat de ville");
    expect(data.piliers.map((p: { ambitions: unknown[] }) => p.ambitions.length)).toEqual([5, 5, 2]);
    expect(data.piliers[0].ambitions[2]).toMatchObject({ number: 3, title: "Lutter contre le non-recours, mieux repérer et aller-vers" });
    expect(data.axes.map((a: { key: string }) => a.key)).toEqual(["transition_ecologique", "participation_habitants"]);
  });

  test("the interface speaks English when asked; the referential stays in French", async () => {
    const response = await settle(index.loader(loaderArgs(getRequest("/ambitions", { headers: { "Accept-Language": "en" } }))));
    const data = await response.json();
    expect(data.locale).toBe("en");
    expect(data.title).toBe("The 12 ambitions of the city contract");
    expect(data.piliers[1].shortTitle).toBe("Agir");
  });
});

describe("/ambitions/:numero", () => {
  test("one ambition with its pilier, threshold and neighbours", async () => {
    const response = await settle(detail.loader(loaderArgs(getRequest("/ambitions/3"), { numero: "3" })));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Ambition 3 : Lutter contre le non-recours, mieux repérer et aller-vers");
    expect(data.ambition).toMatchObject({ number: 3, supportThreshold: 25 });
    expect(data.pilier).toMatchObject({ number: 1, shortTitle: "Prévenir/repérer" });
    expect(data.previous).toMatchObject({ number: 2 });
    expect(data.next).toMatchObject({ number: 4 });
  });

  test("shows an administrator's correction at once, as text", async () => {
    const admin = await insertUser(db, { roles: [{ role: "administrator" }] });
    await updateAmbition(admin, 12, { title: "<em>Travailler</em> en réseau", summary: "", description: "Détail", supportThreshold: 1 });
    const data = await (await settle(detail.loader(loaderArgs(getRequest("/ambitions/12"), { numero: "12" })))).json();
    expect(data.ambition).toMatchObject({ title: "<em>Travailler</em> en réseau", description: "Détail", supportThreshold: 1 });
    expect(data.next).toBeNull();
  });

  test.each(["13", "0", "abc", "03", "3.0", "1e1", "-1", "99999", "3abc", ""])("%j is not an ambition: 404", async (numero) => {
    const response = await settle(detail.loader(loaderArgs(getRequest(`/ambitions/${numero}`), { numero })));
    expect(response.status).toBe(404);
  });
});

test("/instances lists the governance bodies, the GTP and the COPIL among them", async () => {
  const data = await (await settle(instances.loader(loaderArgs(getRequest("/instances"))))).json();
  expect(data.bodies.map((b: { key: string }) => b.key)).toEqual(["copil", "gtp", "hackathon", "labo", "copil_local", "conseil_citoyen"]);
  expect(data.bodies[1]).toMatchObject({ name: "Groupe technique partenarial (GTP)", cadence: "3 à 4 fois par an" });
});
