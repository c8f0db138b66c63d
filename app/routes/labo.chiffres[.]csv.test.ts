import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { laboRegistrations } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { getRequest, loaderArgs, settle } from "#tests/helpers/request.ts";
import { loader } from "./labo.chiffres[.]csv.ts";

describe("/labo/chiffres.csv", () => {
  test("a spreadsheet file for French Excel, per session or per commune, with counts and no personal data", async () => {
    const { session } = await insertLaboSession(db, { status: "held", startsAt: new Date(Date.now() - 2 * 24 * 3600_000) });
    await db.insert(laboRegistrations).values({ sessionId: session.id, name: "Nadia Privée", email: "nadia@example.org", status: "confirmed" });
    const response = await settle(loader(loaderArgs(getRequest("/labo/chiffres.csv"))));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain("labo-chiffres-par-rendez-vous.csv");
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await response.text();
    expect(text).toContain("Date;Rendez-vous;Commune;Présents;Nouveaux venus;Contributions;Propositions portées\r\n");
    expect(text).toContain("2024-03-23;Rendez-vous du Labo n°5;Avion;70;;0;0\r\n");
    expect(text).not.toContain("Nadia");
    expect(text).not.toContain("@");

    const byCommune = await (await settle(loader(loaderArgs(getRequest("/labo/chiffres.csv?par=commune"))))).text();
    expect(byCommune).toContain("Commune;Rendez-vous tenus;Présents;Nouveaux venus;Contributions;Propositions portées\r\n");
    expect(byCommune).toContain("Mazingarbe;1;65;0;0;0\r\n");
  });
});
