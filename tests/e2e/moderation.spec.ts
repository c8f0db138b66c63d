import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleWithoutJs, signIn } from "./fixtures.ts";

// A whole moderation journey with six people, each in their own browser context.
test.describe.configure({ timeout: 240_000 });

const AUTHOR = "ambassadeur@labo.test"; // Karim Dupont
const REPORTERS = [
  { email: "habitante@labo.test", js: true },
  { email: "conseil@labo.test", js: false },
  { email: "coordinateur@labo.test", js: true },
];
const FIRST_MODERATOR = "moderatrice@labo.test";
const SECOND_MODERATOR = "admin@labo.test";

async function signedInPage(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

const section = (page: Page) => page.locator("section#contributions");
const contribution = (page: Page, text: string) => section(page).locator("article", { hasText: text }).last();

test("three people report a contribution, it is hidden; a moderator confirms; the author contests; another moderator restores it; all in the log", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Un terrain de foot pour les jeunes ${stamp}`;
  const text = `Ceux qui sont contre ce projet sont des imbéciles (${stamp}).`;

  // The author posts a proposal and, on it, the contribution that will be reported.
  const author = await signedInPage(browser, AUTHOR);
  await author.page.goto("/propositions/nouvelle");
  await author.page.getByLabel("Votre idée en une phrase").fill(title);
  await author.page.getByLabel("Expliquez-la").fill(`Les jeunes du quartier n'ont aucun endroit pour jouer au foot le soir après l'école (${Date.now().toString(36)}).`);
  await author.page.getByRole("radio", { name: /Améliorer le cadre de vie et l.habitat/ }).check();
  await author.page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(author.page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  const proposalUrl = new URL(author.page.url()).pathname;
  await author.page.getByLabel("Votre contribution", { exact: true }).fill(text);
  await author.page.getByRole("button", { name: "Publier ma contribution" }).click();
  await expect(contribution(author.page, text)).toBeVisible();
  // Nobody is offered to report their own words.
  await expect(contribution(author.page, text).locator("summary", { hasText: "Signaler" })).toHaveCount(0);

  // Three people report it: two with JavaScript (the answer is announced in place), one without.
  for (const [index, reporter] of REPORTERS.entries()) {
    const { page, close } = await signedInPage(browser, reporter.email, reporter.js);
    await page.goto(proposalUrl);
    const item = contribution(page, text);
    await item.locator("summary", { hasText: "Signaler" }).click();
    await item.getByLabel("Insulte ou harcèlement").check();
    await item.getByLabel(/Précisez/).fill("Il traite les gens d'imbéciles.");
    if (index === 0) await expectAccessible(page);
    await item.getByRole("button", { name: "Envoyer le signalement" }).click();
    if (reporter.js) {
      await expect(item.getByRole("status")).toHaveText(/Merci, l'équipe de modération va regarder/);
    } else {
      await expect(page.getByText(/Merci, l'équipe de modération va regarder/)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${proposalUrl}#contribution-`));
      await expectAccessibleWithoutJs(browser, page);
    }
    await close();
  }

  // Hidden at once: a visitor sees the place it held, not its words.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(proposalUrl);
  await expect(section(visitor).getByText("Contribution masquée par la modération")).toBeVisible();
  expect(await visitor.content()).not.toContain(stamp + ").");

  // The first moderator finds it in the queue, reviews it and confirms the hiding.
  const first = await signedInPage(browser, FIRST_MODERATOR);
  await first.page.goto("/moderation");
  await expect(first.page.getByRole("heading", { level: 1, name: "Modération" })).toBeVisible();
  const row = first.page.locator("li", { has: first.page.getByRole("link", { name: new RegExp(title) }) });
  await expect(row).toContainText("3 signalements");
  await expect(row).toContainText("Masqué automatiquement");
  await expectAccessible(first.page);
  await row.getByRole("link", { name: new RegExp(title) }).click();
  await expect(first.page.getByRole("heading", { level: 1, name: "Dossier de modération : Contribution" })).toBeVisible();
  await expect(first.page.getByText(text)).toBeVisible();
  await expect(first.page.getByRole("heading", { name: "Signalements (3)" })).toBeVisible();
  await expect(first.page.getByText("par Nadia Benali")).toBeVisible();
  await expectAccessible(first.page);
  const caseUrl = new URL(first.page.url()).pathname;
  await first.page.locator("summary", { hasText: "Masquer le contenu" }).click();
  const hideForm = first.page.getByRole("form", { name: "Masquer le contenu" });
  await hideForm.getByLabel("Raison").selectOption("harassment");
  await hideForm.getByLabel("Message à l'auteur").fill("Traiter les autres d'imbéciles n'est pas permis par la charte.");
  await hideForm.getByRole("button", { name: "Masquer" }).click();
  await expect(first.page.getByText("Le contenu est masqué. L'auteur et les personnes qui l'ont signalé sont prévenus.")).toBeVisible();
  await expect(first.page.locator(".facts")).toContainText("Masqué");

  // The author is told by email why, with a link to contest (read in the mailbox by the administrator).
  const mailbox = await signedInPage(browser, SECOND_MODERATOR);
  await mailbox.page.goto(`/dev/boite-mail?${new URLSearchParams({ destinataire: AUTHOR })}`);
  await mailbox.page.getByRole("link", { name: "Votre contenu a été masqué par la modération" }).first().click();
  await expect(mailbox.page.locator(".mail-text")).toContainText("Traiter les autres d'imbéciles n'est pas permis par la charte.");
  const href = await mailbox.page.locator('.mail-text a[href*="/moderation/contestation/"]').first().getAttribute("href");
  expect(href).toBeTruthy();

  // The author contests.
  await author.page.goto(new URL(href!).pathname);
  await expect(author.page.getByRole("heading", { level: 1, name: "Contester une décision de modération" })).toBeVisible();
  await expect(author.page.getByText(text)).toBeVisible();
  await expect(author.page.getByText("Raison : Insulte ou harcèlement")).toBeVisible();
  await expectAccessible(author.page);
  await author.page.getByLabel("Pourquoi n'êtes-vous pas d'accord ?").fill("Je parlais d'une idée, pas d'une personne. Je peux reformuler.");
  await author.page.getByRole("button", { name: "Envoyer ma contestation" }).click();
  await expect(author.page.getByText("Votre contestation est envoyée. Une autre personne de l'équipe de modération va la lire.")).toBeVisible();

  // The moderator who hid it may not decide the contest.
  await first.page.goto(caseUrl);
  await expect(first.page.getByText("C'est vous qui avez masqué ce contenu : une autre personne de l'équipe de modération doit examiner la contestation.")).toBeVisible();
  await expect(first.page.getByRole("form", { name: "Examiner la contestation" })).toHaveCount(0);

  // The second moderator restores it: final.
  const second = mailbox;
  await second.page.goto("/moderation");
  const contested = second.page.locator("li", { has: second.page.getByRole("link", { name: new RegExp(title) }) });
  await expect(contested).toContainText("Contesté");
  await contested.getByRole("link", { name: new RegExp(title) }).click();
  await expect(second.page.getByText("Je parlais d'une idée, pas d'une personne. Je peux reformuler.")).toBeVisible();
  await second.page.locator("summary", { hasText: "Examiner la contestation" }).click();
  const contestForm = second.page.getByRole("form", { name: "Examiner la contestation" });
  await contestForm.getByLabel("Rétablir le contenu").check();
  await contestForm.getByLabel("Message à l'auteur").fill("Le ton est vif, mais il vise une idée : le contenu est rétabli.");
  await expectAccessible(second.page);
  await contestForm.getByRole("button", { name: "Décider" }).click();
  await expect(second.page.getByText("La contestation est décidée. L'auteur est prévenu.")).toBeVisible();

  await visitor.goto(proposalUrl);
  await expect(contribution(visitor, text)).toBeVisible();

  // The audit log, read by a coordinator, shows every step with who did it and why.
  const coordinator = await signedInPage(browser, "coordinateur@labo.test");
  await coordinator.page.goto("/admin/journal");
  const entries = coordinator.page.locator(".audit-entry");
  await expect(entries.filter({ hasText: /^Masquage automatique/ }).filter({ hasText: "par le Labo, automatiquement" }).first()).toBeVisible();
  await expect(entries.filter({ hasText: "Masquage : Contribution" }).filter({ hasText: "Traiter les autres d'imbéciles" })).toBeVisible();
  await expect(entries.filter({ hasText: "Contestation : Contribution" }).filter({ hasText: "Je parlais d'une idée" })).toBeVisible();
  await expect(entries.filter({ hasText: "Contestation acceptée : Contribution" }).filter({ hasText: "le contenu est rétabli" })).toBeVisible();
  await expectAccessible(coordinator.page);

  await Promise.all([author.close(), first.close(), second.close(), coordinator.close(), visitorContext.close()]);
});
