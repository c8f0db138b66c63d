import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { isoDay } from "#app/modules/council-board/present-board.ts";
import { answeredDirectly, boardCoordinator, councilInterpellation, councilProposal, INTERNAL_NOTE, underReview } from "#tests/factories/council-board.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader } from "./conseils-citoyens.$code_.suivi[.]csv.ts";

const CODE = "QP062024";

async function download(query = "") {
  const member = await insertUser(db, { password: null, email: "membre.conseil@example.org", roles: [{ role: "council_member", quartierCode: CODE }] });
  return settle(Promise.resolve(loader(loaderArgs(getRequest(`/conseils-citoyens/${CODE}/suivi.csv${query}`, { cookie: await sessionCookieFor(member.id) }), { code: CODE }))));
}

describe("/conseils-citoyens/:code/suivi.csv", () => {
  test("a file for French spreadsheets: BOM, « ; », French headers, ISO days, whole answers; no contact, no user id, no internal note", async () => {
    const gtp = await boardCoordinator();
    const author = await insertUser(db, { password: null, email: "autrice.privee@example.org", displayName: "Autrice" });
    const long = `Les bacs sont installés. ${"Le tri se fait chaque semaine. ".repeat(20)}Fin de la réponse.`;
    const answered = await councilProposal(CODE, "carried", { title: "Des bacs de tri", daysAgo: 20, authorId: author.id });
    await answeredDirectly(gtp, answered.id, long);
    const reviewed = await councilProposal(CODE, "carried", { title: "Un passage piéton", daysAgo: 130, authorId: author.id });
    await underReview(gtp, reviewed.id);
    const asked = await councilInterpellation({ councilCode: CODE, title: "Une question; avec \"guillemets\"\net un retour à la ligne", daysAgo: 3, authorId: author.id });
    await councilInterpellation({ councilCode: CODE, title: "Interpellation masquée", hidden: true });

    const response = await download();
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="suivi-conseil-citoyen-${CODE}-${isoDay(new Date())}.csv"`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect([...new Uint8Array(await response.clone().arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...lines] = text.split("\r\n").filter((line, i, all) => line || i < all.length - 1);
    expect(header).toBe("Sorte;Sujet;Adresse;État;Transmis le;Jours d'attente;Échéance de réponse;En retard;Prochaine étape;Dernière réponse;Date de la dernière réponse;Mis à jour le");
    // Longest wait first (the page's default sort), then the shorter one, then the answered one.
    expect(lines[0]).toMatch(new RegExp(`^Portée;Un passage piéton;http://[^;]+/propositions/${reviewed.id};En cours d'examen;${isoDay(reviewed.qualifiedAt!)};130;\\d{4}-\\d{2}-\\d{2};oui;Instruction par le GTP;;;\\d{4}-\\d{2}-\\d{2}$`));
    expect(text).toContain(`Interpellation (question);"Une question; avec ""guillemets""\net un retour à la ligne";`);
    expect(text).toContain(`/interpellations/${asked.id}`);
    expect(text).toContain(`"Réponse : c'est déjà fait\n${long}";${isoDay(new Date())}`);
    expect(text).not.toContain("Interpellation masquée");
    expect(text).not.toContain("@");
    expect(text).not.toContain(author.id);
    expect(text).not.toContain(gtp.id);
    expect(text).not.toContain(INTERNAL_NOTE);
  });

  test("cells a spreadsheet would run as a formula are neutralised", async () => {
    await councilProposal(CODE, "carried", { title: '=HYPERLINK("http://evil.example","Cliquez")', daysAgo: 9 });
    await councilProposal(CODE, "carried", { title: "+33 6 00 00 00 00", daysAgo: 8 });
    await councilProposal(CODE, "carried", { title: "-2+3", daysAgo: 7 });
    await councilProposal(CODE, "carried", { title: "@SUM(A1:A2)", daysAgo: 6 });
    await councilInterpellation({ councilCode: CODE, title: "Une réponse piégée", daysAgo: 5, answer: "=cmd|' /C calc'!A0", answeredDaysAgo: 1 });
    const text = await (await download("?tri=titre")).text();
    expect(text).toContain(`;"'=HYPERLINK(""http://evil.example"",""Cliquez"")";`);
    expect(text).toContain(";'+33 6 00 00 00 00;");
    expect(text).toContain(";'-2+3;");
    expect(text).toContain(";'@SUM(A1:A2);");
    expect(text).toContain(";'=cmd|' /C calc'!A0;");
    expect(text).not.toMatch(/;"?[=+\-@]/);
  });

  test("the page's filters apply to the file", async () => {
    await councilProposal(CODE, "carried", { title: "Portée", daysAgo: 9 });
    await councilInterpellation({ councilCode: CODE, title: "Interpellée", daysAgo: 5 });
    const text = await (await download("?type=interpellations")).text();
    expect(text).toContain("Interpellée");
    expect(text).not.toContain("Portée;");
  });
});
