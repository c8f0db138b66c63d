import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, hydrated, signIn } from "./fixtures.ts";

// These journeys need the proposal page (propositions.$id.tsx, from the proposals branch) with the
// contributions section plugged in, and its "propose an idea" form to create the proposal.

test.describe.configure({ timeout: 120_000 });

const AUTHOR = "conseil@labo.test"; // Sylvie Lefebvre
const RESIDENT = "habitante@labo.test"; // Nadia Benali
const NEIGHBOUR = "ambassadeur@labo.test"; // Karim Dupont

/** This run's mark: the same account may not post the same text twice, and a retry posts again. */
const RUN = Date.now().toString(36);

function unique(label: string) {
  return `${label} ${Date.now().toString(36)}`;
}

/** The author posts a proposal through the proposal form; returns its address. */
async function postProposal(browser: Browser, title: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, AUTHOR);
  await page.goto("/propositions/nouvelle");
  await page.getByLabel("Votre idée en une phrase").fill(title);
  // The title in the text too: the same text twice from one account is refused (repeated-text rule).
  await page.getByLabel("Expliquez-la").fill(`Les parents attendent la sortie des classes debout, en plein soleil.\n\n${title} : quelques bancs et un arbre changeraient tout.`);
  await page.getByRole("radio", { name: /Améliorer le cadre de vie et l.habitat/ }).check();
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  const url = new URL(page.url()).pathname;
  await context.close();
  return url;
}

async function signedInPage(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

const section = (page: Page) => page.locator("section#contributions");
/** The innermost contribution with this text (a top-level one contains its replies, so it comes first). */
const article = (page: Page, text: string) => section(page).locator("article", { hasText: text }).last();
/** The buttons of that contribution itself, not those of its replies. */
const actionsOf = (page: Page, text: string) => article(page, text).locator(":scope > .contribution-actions");

test("a resident comments with a stance and edits it; the author replies; others find it useful; sorted by usefulness; she deletes it", async ({ browser }) => {
  const proposalUrl = await postProposal(browser, unique("Des bancs à l'ombre devant l'école"));

  // Nadia comments « Pour »: the contribution appears without a reload, and gets the focus.
  const nadia = await signedInPage(browser, RESIDENT);
  await nadia.page.goto(proposalUrl);
  await hydrated(nadia.page);
  await expect(section(nadia.page).getByRole("heading", { level: 2, name: "Contributions (0)" })).toBeVisible();
  await expectAccessible(nadia.page);
  await nadia.page.locator("#cf-new-stance-for").check();
  const text = unique("Très bonne idée. Le matin, on attend 20 minutes au soleil avec les poussettes. Réf.");
  await nadia.page.getByLabel("Votre contribution", { exact: true }).fill(text);
  await expect(nadia.page.locator("#cf-new-count")).toHaveText(`Il reste ${(3000 - text.length).toLocaleString("fr-FR")} caractères.`);
  await nadia.page.getByRole("button", { name: "Publier ma contribution" }).click();
  const mine = article(nadia.page, text);
  await expect(mine).toBeFocused();
  await expect(section(nadia.page).locator(".contributions-announcement")).toHaveText("Votre contribution est publiée.");
  await expect(mine.getByRole("heading", { name: "Nadia Benali" })).toBeVisible();
  await expect(mine.locator(".stance")).toHaveText("Position : Pour");
  await expect(section(nadia.page).getByRole("heading", { level: 2, name: "Contributions (1)" })).toBeVisible();
  await expect(nadia.page.getByLabel("Votre contribution", { exact: true })).toHaveValue("");
  await expectAccessible(nadia.page);

  // The same text again is refused, with a clear message next to the field.
  await nadia.page.getByLabel("Votre contribution", { exact: true }).fill(text);
  await nadia.page.getByRole("button", { name: "Publier ma contribution" }).click();
  await expect(nadia.page.locator("#cf-new-body-error")).toContainText("Vous avez déjà publié ce même texte récemment.");
  await nadia.page.getByLabel("Votre contribution", { exact: true }).fill("");

  // Within 15 minutes she fixes it: « modifiée ».
  await mine.locator("summary", { hasText: "Modifier" }).click();
  await expect(mine.getByText(/Vous pouvez la modifier jusqu'à/)).toBeVisible();
  const fixed = `${text} Un arbre en plus, ce serait parfait.`;
  await mine.getByLabel("Votre contribution modifiée").fill(fixed);
  await mine.getByRole("button", { name: "Enregistrer la modification" }).click();
  const edited = article(nadia.page, fixed);
  await expect(edited.locator(".contribution-meta")).toContainText("modifiée");
  await expect(edited).toBeFocused();

  // The author replies; her reply is tagged as hers.
  const sylvie = await signedInPage(browser, AUTHOR);
  await sylvie.page.goto(proposalUrl);
  await hydrated(sylvie.page);
  const thread = article(sylvie.page, fixed);
  await thread.locator("summary", { hasText: "Répondre" }).click();
  await thread.getByLabel("Votre réponse à Nadia Benali").fill(`Merci Nadia ! On en parle au prochain conseil citoyen. (${RUN})`);
  await thread.getByRole("button", { name: "Publier ma réponse" }).click();
  const reply = article(sylvie.page, "On en parle au prochain conseil citoyen");
  await expect(reply).toBeFocused();
  await expect(reply.getByText("Auteur de la proposition")).toBeVisible();
  await expectAccessible(sylvie.page);

  // Karim adds his own contribution, then finds Nadia's useful: the toggle updates at once.
  const karim = await signedInPage(browser, NEIGHBOUR);
  await karim.page.goto(proposalUrl);
  await hydrated(karim.page);
  await karim.page.locator("#cf-new-stance-question").check();
  await karim.page.getByLabel("Votre contribution", { exact: true }).fill(`Qui s'occupera de l'entretien des bancs ? (${RUN})`);
  await karim.page.getByRole("button", { name: "Publier ma contribution" }).click();
  await expect(article(karim.page, "Qui s'occupera")).toBeFocused();
  await actionsOf(karim.page, fixed).getByRole("button", { name: /^Utile \(0\)/ }).click();
  await expect(actionsOf(karim.page, fixed).getByRole("button", { name: /^Utile \(1\)/ })).toHaveAttribute("aria-pressed", "true");
  // Not on one's own words.
  await expect(actionsOf(karim.page, "Qui s'occupera").getByRole("button", { name: /Utile/ })).toHaveCount(0);

  // Sorted by usefulness (a shareable address): Nadia's comes before Karim's newer one. The mark shows at
  // once (optimistic); let its request and the page's refresh finish before navigating.
  await karim.page.waitForLoadState("networkidle");
  await karim.page.getByRole("link", { name: "Les plus utiles d'abord" }).click();
  await expect(karim.page).toHaveURL(/\?tri=utiles#contributions$/);
  await expect(karim.page.getByRole("link", { name: "Les plus utiles d'abord" })).toHaveAttribute("aria-current", "true");
  const authors = section(karim.page).locator(".contribution-list > li > article > header h3");
  await expect(authors).toHaveText(["Nadia Benali", "Karim Dupont"]);
  await expectAccessible(karim.page);

  // Nadia deletes hers (with a confirmation): « Contribution supprimée », the reply keeps its place.
  await nadia.page.reload();
  await hydrated(nadia.page);
  const toDelete = article(nadia.page, fixed);
  await toDelete.locator("summary", { hasText: "Supprimer" }).click();
  await toDelete.getByRole("button", { name: "Oui, supprimer" }).click();
  const placeholder = section(nadia.page).locator("article.contribution-removed");
  await expect(placeholder).toBeFocused();
  await expect(placeholder).toContainText("On en parle au prochain conseil citoyen");
  await expect(section(nadia.page)).not.toContainText("Un arbre en plus, ce serait parfait.");
  await expect(section(nadia.page).getByRole("heading", { level: 2, name: "Contributions (2)" })).toBeVisible();
  await expectAccessible(nadia.page);

  await Promise.all([nadia.close(), sylvie.close(), karim.close()]);
});

test("without JavaScript: an error sends her back with her text, then she posts, replies and marks useful", async ({ browser }) => {
  const proposalUrl = await postProposal(browser, unique("Un éclairage sur le chemin du collège"));
  // axe needs JavaScript: these pages are checked in the journey above.
  const nadia = await signedInPage(browser, RESIDENT, false);
  await nadia.page.goto(proposalUrl);

  await nadia.page.locator("#cf-new-stance-testimony").check();
  await nadia.page.getByLabel("Votre contribution", { exact: true }).fill("x");
  await nadia.page.getByRole("button", { name: "Publier ma contribution" }).click();
  await expect(nadia.page).toHaveURL(/contribution_error=bodyTooShort.*#contribuer$/);
  await expect(nadia.page.locator("#cf-new-body-error")).toContainText("Votre texte est trop court : écrivez au moins 2 caractères.");
  await expect(nadia.page.getByLabel("Votre contribution", { exact: true })).toHaveValue("x");
  await expect(nadia.page.locator("#cf-new-stance-testimony")).toBeChecked();

  await nadia.page.getByLabel("Votre contribution", { exact: true }).fill(`Le soir, je rentre par ce chemin : il fait tout noir dès 17 heures en hiver. (${RUN})`);
  await nadia.page.getByRole("button", { name: "Publier ma contribution" }).click();
  await expect(nadia.page).toHaveURL(/#contribution-[0-9a-f-]{36}$/);
  await expect(nadia.page.locator(".flash")).toHaveText("Merci ! Votre contribution est publiée.");
  await expect(article(nadia.page, "il fait tout noir").locator(".stance")).toHaveText("Position : Témoignage");

  const karim = await signedInPage(browser, NEIGHBOUR, false);
  await karim.page.goto(proposalUrl);
  const thread = article(karim.page, "il fait tout noir");
  await thread.locator("summary", { hasText: "Répondre" }).click();
  await thread.getByLabel("Votre réponse à Nadia Benali").fill(`Pareil pour moi, c'est dangereux. (${RUN})`);
  await thread.getByRole("button", { name: "Publier ma réponse" }).click();
  await expect(karim.page.locator(".flash")).toHaveText("Merci ! Votre réponse est publiée.");
  await actionsOf(karim.page, "il fait tout noir").getByRole("button", { name: /^Utile \(0\)/ }).click();
  await expect(karim.page.locator(".flash")).toHaveText("C'est noté : vous trouvez cette contribution utile.");
  await expect(actionsOf(karim.page, "il fait tout noir").getByRole("button", { name: /^Utile \(1\)/ })).toHaveAttribute("aria-pressed", "true");

  await Promise.all([nadia.close(), karim.close()]);
});
