import { createInstance } from "i18next";
import { expect, test } from "vitest";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
import { auditLabels } from "./audit-labels.ts";

async function labelsIn(lng: "fr" | "en") {
  const i18n = createInstance();
  await i18n.init({ ...i18nConfig, lng, ns: Object.keys(resources.fr!), resources });
  return auditLabels(i18n.getFixedT(lng, "admin"));
}

test("the names of issue 14 read as words, in French and in English; an unknown name as itself", async () => {
  const fr = await labelsIn("fr");
  expect(fr.action("labo.publish_minutes")).toBe("Compte rendu publié");
  expect(fr.subject("labo_session")).toBe("Rendez-vous du Labo");
  expect(fr.changeValue("hideReason", "harassment")).toBe("Insulte ou harcèlement");
  expect(fr.changeValue("status", "hidden")).toBe("hidden");
  expect(fr.reason("labo_session:5b0c1c7e-2f0a-4c55-9a43-0d9d2f6f8e11")).toBe("Idée notée au rendez-vous du Labo 5b0c1c7e-2f0a-4c55-9a43-0d9d2f6f8e11");
  expect(fr.reason("Insultes répétées")).toBe("Insultes répétées");
  expect(fr.action("future.thing")).toBe("future.thing");
  expect(fr.subject("future_subject")).toBe("future_subject");
  const en = await labelsIn("en");
  expect(en.action("labo.publish_minutes")).toBe("Minutes published");
  expect(en.subject("labo_session")).toBe("Labo session");
  expect(en.changeValue("hideReason", "harassment")).toBe("Insult or harassment");
});
