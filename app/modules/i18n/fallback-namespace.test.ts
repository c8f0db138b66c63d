import { createInstance } from "i18next";
import { expect, test } from "vitest";
import { i18nConfig } from "./i18n.ts";
import { getRenderI18n } from "./i18next.server.ts";
import { resources } from "./resources.server.ts";

// Feature components translate their form's errors with their own namespace; a form the server could not
// read (a body that is not a form) is refused with the common namespace's "validation.invalidForm".
test("a feature namespace's translator shows a common message, on the server and in the browser", async () => {
  const server = (await getRenderI18n("fr")).getFixedT("fr", "followup");
  expect(server("validation.invalidForm")).toBe("Le formulaire envoyé n'a pas pu être lu. Rechargez la page et réessayez.");
  const browser = createInstance();
  await browser.init({ ...i18nConfig, lng: "en", ns: ["common", "laboRegistrations"], resources });
  expect(browser.getFixedT("en", "laboRegistrations")("validation.invalidForm")).toBe("The form could not be read. Reload the page and try again.");
  // The feature's own key still wins.
  expect(browser.getFixedT("en", "laboRegistrations")("breadcrumb.registration")).toBe("Registration");
});
