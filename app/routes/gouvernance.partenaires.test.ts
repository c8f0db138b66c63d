import { describe, expect, test } from "vitest";
import { person } from "#tests/factories/gtp.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action } from "./gouvernance.partenaires.tsx";

const post = (form: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest("/gouvernance/partenaires", form, { cookie }))));

describe("/gouvernance/partenaires", () => {
  test("adds a partner; the same name again answers 400 with a message, not a 500", async () => {
    const cookie = await sessionCookieFor((await person("Coordinatrice", "coordinator")).id);
    const added = await post({ intent: "add", name: "Ville de Liévin", description: "Politique de la ville." }, cookie);
    expect(await flashSetBy(added)).toBe("gtp:flash.partnerAdded");
    const duplicate = await post({ intent: "add", name: "Ville de Liévin", description: "" }, cookie);
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toEqual({ intent: "add", errors: { name: "gtp:validation.partnerDuplicate" }, values: { name: "Ville de Liévin", description: "" } });
    const empty = await post({ intent: "add", name: " " }, cookie);
    expect(empty.status).toBe(400);
  });

  test("deactivating an unknown partner is 404; a malformed form 400", async () => {
    const cookie = await sessionCookieFor((await person("Coordinatrice", "coordinator")).id);
    expect((await post({ intent: "state", partnerId: "00000000-0000-4000-8000-000000000000", active: "false" }, cookie)).status).toBe(404);
    expect((await post({ intent: "state", partnerId: "x", active: "peut-être" }, cookie)).status).toBe(400);
    expect((await post({ intent: "rien" }, cookie)).status).toBe(400);
  });
});
