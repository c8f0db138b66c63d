import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import type { Role } from "#db/schema/index.ts";
import { councilInterpellation, councilProposal } from "#tests/factories/council-board.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader as csvLoader } from "./conseils-citoyens.$code_.suivi[.]csv.ts";
import { loader } from "./conseils-citoyens.$code_.suivi.tsx";
import { loader as printLoader } from "./conseils-citoyens.$code_.suivi_.impression.tsx";

const CODE = "QP062024";
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const open = (path: string, code: string, cookie?: string, run: Loader = loader) => settle(run(loaderArgs(getRequest(path, { cookie }), { code })));

async function cookieAs(roles: { role: Role; quartierCode?: string; communeSlug?: string }[]) {
  return sessionCookieFor((await insertUser(db, { password: null, roles })).id);
}

describe("/conseils-citoyens/:code/suivi (board, print and CSV)", () => {
  test("members of this council, coordinators and administrators read it; anyone else is refused, anonymous visitors sign in", async () => {
    const visitors = {
      member: await cookieAs([{ role: "council_member", quartierCode: CODE }]),
      coordinator: await cookieAs([{ role: "coordinator" }]),
      administrator: await cookieAs([{ role: "administrator" }]),
      otherMember: await cookieAs([{ role: "council_member", quartierCode: "QP062028" }]),
      resident: await cookieAs([]),
      ambassador: await cookieAs([{ role: "ambassador", communeSlug: "lens" }]),
      moderator: await cookieAs([{ role: "moderator" }]),
    };
    for (const [path, run] of [
      [`/conseils-citoyens/${CODE}/suivi`, loader],
      [`/conseils-citoyens/${CODE}/suivi/impression`, printLoader],
      [`/conseils-citoyens/${CODE}/suivi.csv`, csvLoader],
    ] as [string, Loader][]) {
      const statuses: Record<string, number> = {};
      for (const [who, cookie] of Object.entries(visitors)) statuses[who] = (await open(path, CODE, cookie, run)).status;
      expect(statuses, path).toEqual({ member: 200, coordinator: 200, administrator: 200, otherMember: 403, resident: 403, ambassador: 403, moderator: 403 });
      const anonymous = await open(path, CODE, undefined, run);
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("Location")).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  test("a malformed or unknown council code is « not found » on the three routes, before anything is read", async () => {
    const cookie = await cookieAs([{ role: "coordinator" }]);
    for (const run of [loader, printLoader, csvLoader]) {
      for (const code of ["QP999999", "qp062024", "QP06202", "QP062024%00", "QP062024\u0000", "' or 1=1 --", "QP0620245", "é".repeat(300)]) {
        expect((await open(`/conseils-citoyens/x/suivi`, code, cookie, run)).status, code).toBe(404);
      }
    }
  });

  test("the page's data: the rows, the counts line, sortable headers with the current one marked, and links that keep the filters", async () => {
    const cookie = await cookieAs([{ role: "council_member", quartierCode: CODE }]);
    await councilProposal(CODE, "carried", { title: "Un éclairage rue Voltaire", daysAgo: 130 });
    await councilInterpellation({ councilCode: CODE, title: "Les horaires de la piscine", daysAgo: 4, answer: "Ouverte le dimanche dès juin.", answeredDaysAgo: 1 });
    const response = await open(`/conseils-citoyens/${CODE}/suivi?tri=echeance&type=portees&etat=nimporte`, CODE, cookie);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const data = await response.json();
    expect(data.filters).toEqual({ sort: "echeance", order: "asc", type: "portees", state: null });
    expect(data.counts).toBe("2 sujets · 1 en retard · 1 réponse reçue");
    expect(data.rows.map((r: { title: string }) => r.title)).toEqual(["Un éclairage rue Voltaire"]);
    expect(data.sortHeaders.deadline).toEqual({ href: `/conseils-citoyens/${CODE}/suivi?tri=echeance&ordre=desc&type=portees`, current: "ascending" });
    expect(data.sortHeaders.subject).toEqual({ href: `/conseils-citoyens/${CODE}/suivi?tri=titre&type=portees`, current: null });
    expect(data.printHref).toBe(`/conseils-citoyens/${CODE}/suivi/impression?tri=echeance&type=portees`);
    expect(data.csvHref).toBe(`/conseils-citoyens/${CODE}/suivi.csv?tri=echeance&type=portees`);
    expect(data.caption).toBe("Sujets du conseil, triés par Échéance de réponse (ordre croissant)");
  });

  test("hostile parameters fall back to the defaults: the page opens, never a 4xx or 5xx", async () => {
    const cookie = await cookieAs([{ role: "coordinator" }]);
    for (const query of ["tri=%00", "ordre=%FF%FE", "type=%ED%A0%80", "etat=<script>", "tri=titre&tri=statut&ordre=", `type=${"a".repeat(5000)}`, "%=%"]) {
      for (const run of [loader, printLoader, csvLoader]) {
        const response = await open(`/conseils-citoyens/${CODE}/suivi?${query}`, CODE, cookie, run);
        expect(response.status, query).toBe(200);
      }
    }
  });
});
