import { describe, expect, test } from "vitest";
import { getRequest, loaderArgs, settle } from "#tests/helpers/request.ts";
import * as detail from "./quartiers.$code.tsx";
import * as index from "./quartiers._index.tsx";

describe("/quartiers", () => {
  test("the 21 quartiers grouped by commune, a shared one under each commune", async () => {
    const response = await settle(index.loader(loaderArgs(getRequest("/quartiers"))));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.quartierCount).toBe(21);
    type Group = { slug: string; quartiers: { code: string; otherCommunes: string[] }[] };
    const vendin = data.communes.find((c: Group) => c.slug === "vendin-le-vieil");
    expect(vendin.quartiers).toEqual([expect.objectContaining({ code: "QP062025", name: "Grande Résidence", population: 5050, otherCommunes: ["Lens", "Loison-sous-Lens"] })]);
    expect(data.communes[0].slug).toBe("angres");
  });
});

describe("/quartiers/:code", () => {
  test("a quartier with its communes, figures, NPNRU flag and its own conseil citoyen", async () => {
    const response = await settle(detail.loader(loaderArgs(getRequest("/quartiers/QP062028"), { code: "QP062028" })));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Calonne - Marichelles - Vent De Bise : quartier prioritaire");
    expect(data.quartier).toMatchObject({ code: "QP062028", population: 7080, medianIncomeEur: 8900, npnru: true, communes: [{ slug: "lievin", name: "Liévin" }] });
    expect(data.council).toEqual({ code: "QP062028", name: "Conseil citoyen Calonne - Marichelles - Vent De Bise", howToJoin: "", listedCount: 0 });
  });

  test("a code in another case leads to the upper-case address", async () => {
    const response = await settle(detail.loader(loaderArgs(getRequest("/quartiers/qp062024"), { code: "qp062024" })));
    expect(response.status).toBe(301);
    expect(response.headers.get("Location")).toBe("/quartiers/QP062024");
  });

  test.each(["QP999999", "qp999999", "QP06202", "QP-062024", "<script>", "x".repeat(200)])("%j is not a quartier: 404", async (code) => {
    const response = await settle(detail.loader(loaderArgs(getRequest(`/quartiers/${encodeURIComponent(code)}`), { code })));
    expect(response.status).toBe(404);
  });
});
