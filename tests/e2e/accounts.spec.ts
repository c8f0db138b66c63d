import { expect, test, type Browser, type Page } from "@playwright/test";
import { accessibleWithoutJs, expectAccessible, signIn, type AccessibilityCheck as Check } from "./fixtures.ts";

const PASSWORD = "une phrase facile à retenir";

// Whole journeys, with a second browser reading the mailbox: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

function uniqueEmail(label: string) {
  return `e2e.${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}



/**
 * The e2e server runs in production mode, where the development mailbox is for administrators only:
 * read the message in a second browser as admin@labo.test, and return the link it carries.
 */
async function linkFromMailbox(browser: Browser, to: string, subject: string, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin@labo.test");
  await expect(page.getByText("Connexion réussie. Bienvenue !")).toBeVisible();
  await page.goto(`/dev/boite-mail?${new URLSearchParams({ destinataire: to })}`);
  await expect(page.getByRole("heading", { level: 1, name: "Boîte mail de développement" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: subject }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText(to).first()).toBeVisible();
  await expectAccessible(page);
  const href = await page.locator(`.mail-text a[href*="${path}?token="]`).first().getAttribute("href");
  await context.close();
  expect(href).toBeTruthy();
  const url = new URL(href!);
  return url.pathname + url.search;
}

async function signOut(page: Page, label = "Se déconnecter") {
  await page.getByRole("button", { name: label }).click();
  await expect(page.getByRole("link", { name: label === "Se déconnecter" ? "Se connecter" : "Sign in" })).toBeVisible();
}

/** Sign-up, verification, sign-out, sign-in, profile, sign-out: the whole account journey. */
async function accountJourney(page: Page, browser: Browser, email: string, checkAccessible: Check) {
  await page.goto("/inscription");
  await expect(page).toHaveTitle(/Créer un compte/);
  await checkAccessible(page);

  // A first try with mistakes: the errors are listed, what was typed stays (the password does not).
  await page.getByLabel("Nom affiché").fill("Habitante E2E");
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByLabel("J'accepte la charte de participation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "Le formulaire contient 2 erreurs" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Mot de passe : Le mot de passe doit avoir au moins 10 caractères/ })).toBeVisible();
  await expect(page.getByLabel("Nom affiché")).toHaveValue("Habitante E2E");
  await checkAccessible(page);

  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByLabel("Votre commune (facultatif)").selectOption({ label: "Lens" });
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Regardez votre boîte mail" })).toBeVisible();
  // Nobody is signed in by sign-up (that would tell a new address from a taken one).
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await checkAccessible(page);

  const link = await linkFromMailbox(browser, email, "Confirmez votre adresse e-mail", "/verification");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Votre adresse est confirmée" })).toBeVisible();
  await checkAccessible(page);
  await page.getByRole("link", { name: "Me connecter" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
  await checkAccessible(page);
  await signIn(page, email, PASSWORD);
  await expect(page.getByText("Connexion réussie. Bienvenue !")).toBeVisible();

  await page.getByRole("link", { name: "Mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await expect(page.getByText("Confirmée", { exact: true })).toBeVisible();
  await checkAccessible(page);

  await page.getByRole("link", { name: "Modifier mon profil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier mon profil" })).toBeVisible();
  await expect(page.getByLabel("Commune (facultatif)")).toHaveValue("lens");
  await checkAccessible(page);
  await page.getByLabel("Nom affiché").fill("Habitante renommée");
  await page.getByLabel("Langue préférée").selectOption("en");
  await page.getByRole("button", { name: "Enregistrer" }).click();

  // The new preferred language is the interface's at once.
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await expect(page.getByText("Habitante renommée")).toBeVisible();
  await checkAccessible(page);

  await signOut(page, "Sign out");
}

test("sign up, confirm the address from the email, sign in, edit the profile", async ({ page, browser }) => {
  await accountJourney(page, browser, uniqueEmail("js"), expectAccessible);
});

test("the same journey works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await accountJourney(page, browser, uniqueEmail("nojs"), accessibleWithoutJs(browser));
  await context.close();
});

test("sign in with a one-time link received by email", async ({ page, browser }) => {
  await page.goto("/connexion");
  await page.getByRole("link", { name: "Recevoir un lien de connexion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Recevoir un lien de connexion" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail").fill("habitante@labo.test");
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByText("C'est envoyé.")).toBeVisible();
  await expectAccessible(page);

  const link = await linkFromMailbox(browser, "habitante@labo.test", "Votre lien pour vous connecter", "/connexion/lien/verifier");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByText("Connexion réussie. Bienvenue !")).toBeVisible();
  await expect(page.getByRole("link", { name: "Mon compte" })).toBeVisible();

  await signOut(page);
  // The link worked once; now it explains itself and offers a new one.
  const response = await page.goto(link);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien ne marche pas" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Recevoir un nouveau lien" })).toBeVisible();
  await expectAccessible(page);
});

test("choose a new password from the emailed link", async ({ page, browser }) => {
  const email = uniqueEmail("reset");
  await page.goto("/inscription");
  await page.getByLabel("Nom affiché").fill("Oubli E2E");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByLabel("J'accepte la charte de participation").check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Regardez votre boîte mail" })).toBeVisible();

  await page.goto("/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expectAccessible(page);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByText("C'est envoyé.")).toBeVisible();
  await expectAccessible(page);

  const link = await linkFromMailbox(browser, email, "Choisir un nouveau mot de passe", "/mot-de-passe/nouveau");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("mon nouveau mot de passe");
  await page.getByLabel("Nouveau mot de passe, une deuxième fois").fill("mon nouveau mot de passe");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Votre nouveau mot de passe est enregistré.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Mon compte" })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, email, "mon nouveau mot de passe");
  await expect(page.getByText("Connexion réussie. Bienvenue !")).toBeVisible();
});
