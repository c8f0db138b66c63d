import { expect, test, type Browser, type Page } from "@playwright/test";
import { accessibleWithoutJs, expectAccessible, signIn, type AccessibilityCheck as Check } from "./fixtures.ts";

// The feedback loop (issue 11, "Done when"): a proposal qualifies; a coordinator instructs it and puts it
// forward; builds the COPIL agenda; after the meeting records « retenue » with reasons and publishes the
// relevé; the author's email is in the outbox; the proposal's timeline, its status filter, the relevé page
// and the droit de suite counters show it (read by a resident without JavaScript); a milestone is added,
// then « réalisée ». The meeting is scheduled a few minutes ahead, since it can only be marked held once it
// has started: the journey waits for it. A supporter who also follows it is told once: bell, centre, email;
// she changes her rhythm and unsubscribes through the email's link (issue 12).
test.describe.configure({ timeout: 420_000 });

const ADMIN = "admin@labo.test";
const AUTHOR = "habitante@labo.test"; // Nadia Benali
const SUPPORTER = "conseil@labo.test"; // Sylvie Lefebvre
const COORDINATOR = "coordinateur@labo.test"; // Julien Caron
const AMBITION = { number: 12, title: /Développer le travail en réseau/ };
const DECISION_SUBJECT = "Décision sur votre proposition";

async function personIn(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

/** Date (YYYY-MM-DD) and time (HH:MM) in Paris, `minutes` from now, as the meeting form takes them. */
function parisIn(minutes: number) {
  const at = new Date(Date.now() + minutes * 60_000);
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(at);
  const time = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(at);
  return { date, time, at };
}

/** The number shown beside a droit de suite counter's label on a page without JavaScript. */
async function counter(page: Page, label: RegExp) {
  const text = await page.locator(".answer-counters .key-figures li").filter({ hasText: label }).first().innerText();
  return Number(/(\d[\d\s ]*)/.exec(text)![1]!.replace(/\D/g, ""));
}

test("a qualified proposal goes through the GTP and the COPIL, is retained with reasons, followed, then done", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const title = `Une journée des associations ${stamp} pour se connaître`;

  // 0. The coordinator schedules the COPIL a few minutes ahead (it starts the clock of this journey).
  const coordinator = await personIn(browser, COORDINATOR);
  const meeting = parisIn(3);
  await coordinator.page.goto("/gouvernance/reunions/nouvelle");
  await expectAccessible(coordinator.page);
  await coordinator.page.getByLabel("Instance").selectOption("copil");
  await coordinator.page.getByLabel("Titre de la réunion").fill(`Comité de pilotage ${stamp}`);
  await coordinator.page.getByLabel("Date", { exact: true }).fill(meeting.date);
  await coordinator.page.getByLabel("Heure de début").fill(meeting.time);
  await coordinator.page.getByLabel("Lieu (facultatif)").fill("Hôtel communautaire, Lens");
  await coordinator.page.getByRole("button", { name: "Ajouter la réunion" }).click();
  await expect(coordinator.page).toHaveURL(/\/instances\/copil\/[0-9a-f-]{36}$/);
  const meetingId = new URL(coordinator.page.url()).pathname.split("/").pop()!;
  await expect(coordinator.page.getByRole("heading", { level: 1, name: `Comité de pilotage ${stamp}` })).toBeVisible();
  await expectAccessible(coordinator.page);

  // 1. The administrator sets ambition 12's threshold to one support (which qualifies the demo's proposals
  // of that ambition that have one), then the counters, as a resident reads them on the home page.
  const admin = await personIn(browser, ADMIN);
  await admin.page.goto(`/admin/referentiel/ambitions/${AMBITION.number}`);
  const threshold = admin.page.getByLabel(/Nombre de soutiens nécessaires/);
  if ((await threshold.inputValue()) !== "1") {
    await threshold.fill("1");
    await admin.page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(admin.page).toHaveURL(/\/admin\/referentiel$/);
  }
  const reader = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const resident = await reader.newPage();
  const check: Check = accessibleWithoutJs(browser);
  await resident.goto("/");
  const qualifiedBefore = await counter(resident, /transmises? aux instances/);
  const answeredBefore = await counter(resident, /réponse publique/);

  // 2. Nadia posts; Sylvie's support (without JavaScript) qualifies it.
  const nadia = await personIn(browser, AUTHOR);
  await nadia.page.goto("/propositions/nouvelle");
  await nadia.page.getByLabel("Votre idée en une phrase").fill(title);
  await nadia.page.getByLabel("Expliquez-la").fill(`Les associations du quartier se connaissent mal (${stamp}). Une journée par an pour présenter leurs projets et partager les salles.`);
  await nadia.page.getByRole("radio", { name: AMBITION.title }).check();
  await nadia.page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(nadia.page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  const proposalPath = new URL(nadia.page.url()).pathname;
  const proposalId = proposalPath.split("/").pop()!;

  const sylvie = await personIn(browser, SUPPORTER, false);
  await sylvie.page.goto(proposalPath);
  await sylvie.page.getByRole("button", { name: "Je soutiens" }).click();
  await expect(sylvie.page.locator(".proposal-meta")).toContainText("Assez de soutiens");
  // Supporting it makes her follow it too: she is both supporter and follower.
  await expect(sylvie.page.getByRole("button", { name: "Suivre cette proposition", pressed: true })).toBeVisible();

  // 3. The coordinator finds it in the GTP's queue, names who instructs it and puts it forward.
  await coordinator.page.goto(`/gouvernance?ambition=${AMBITION.number}`);
  await expectAccessible(coordinator.page);
  await coordinator.page.getByRole("link", { name: title }).click();
  await expect(coordinator.page).toHaveURL(new RegExp(`/gouvernance/propositions/${proposalId}$`));
  await expectAccessible(coordinator.page);
  await coordinator.page.getByLabel("Partenaire ou service").selectOption({ label: "Service politique de la ville de la CALL" });
  await coordinator.page.getByRole("button", { name: "Confier l'instruction" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("L'instruction est confiée.");
  await coordinator.page.getByLabel("Réunion du comité de pilotage").selectOption({ value: meetingId });
  await coordinator.page.getByLabel(/Note du GTP pour le comité/).fill("Peu coûteux : les salles existent, il faut une coordination.");
  await coordinator.page.getByRole("button", { name: "Inscrire au programme" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("La proposition est au programme du comité de pilotage.");

  // 4. The agenda: the proposal is on it; a free item is added; it prints.
  await coordinator.page.goto(`/gouvernance/reunions/${meetingId}`);
  await expect(coordinator.page.getByRole("link", { name: title })).toBeVisible();
  await coordinator.page.getByLabel("Titre du point").last().fill("Calendrier des prochaines rencontres");
  await coordinator.page.getByRole("button", { name: "Ajouter ce point" }).click();
  await expect(coordinator.page.getByText("Calendrier des prochaines rencontres").first()).toBeVisible();
  await expectAccessible(coordinator.page);
  await coordinator.page.goto(`/gouvernance/reunions/${meetingId}?imprimer`);
  await expect(coordinator.page.getByText(title)).toBeVisible();
  await expectAccessible(coordinator.page);

  // 5. Once the meeting has started, it is marked held; the decision is recorded and the relevé published.
  const wait = meeting.at.getTime() - Date.now() + 2_000;
  if (wait > 0) await coordinator.page.waitForTimeout(wait);
  await coordinator.page.goto(`/gouvernance/reunions/${meetingId}/modifier`);
  await coordinator.page.getByRole("button", { name: "Marquer la réunion comme tenue" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("La réunion est marquée comme tenue.");
  await coordinator.page.goto(`/gouvernance/reunions/${meetingId}`);
  const reasons = `Le comité retient l'idée (${stamp}) : la CALL réunira les associations chaque automne, dans une salle prêtée par la ville.`;
  const decision = coordinator.page.locator("form", { has: coordinator.page.locator('input[name="intent"][value="decide"]') }).first();
  await decision.getByLabel("Retenue", { exact: true }).check();
  await decision.getByLabel("Les raisons, écrites pour les habitants").fill(reasons);
  await decision.getByRole("button", { name: "Enregistrer la décision" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("La décision est enregistrée.");
  await expectAccessible(coordinator.page);
  await coordinator.page.getByLabel("Introduction du relevé").fill("Le comité a examiné une proposition d'habitante et le calendrier des rencontres.");
  await coordinator.page.getByRole("button", { name: "Publier le relevé de décisions" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("Le relevé de décisions est publié");

  // 6. The author's email is in the outbox (read by the administrator: the mailbox is theirs in production).
  await admin.page.goto(`/dev/boite-mail?${new URLSearchParams({ destinataire: AUTHOR })}`);
  await admin.page.getByRole("link", { name: new RegExp(`${DECISION_SUBJECT} « ${title} »`) }).first().click();
  await expect(admin.page.getByText(reasons)).toBeVisible();

  // 6b. Sylvie, who supports and follows it, hears of it once (issue 12, "Done when"), without JavaScript:
  // the bell counts it, the centre says it, she reads it; the email is in the outbox; she chooses a weekly
  // summary for what she supports, then stops those emails through the email's own link, signed out.
  const notice = new RegExp(`Le comité de pilotage a décidé pour la proposition « ${title} » : retenue\\.`);
  await expect(async () => {
    await sylvie.page.goto("/notifications");
    await expect(sylvie.page.getByText(notice)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await expect(sylvie.page.getByRole("link", { name: /^Notifications, \d+ non lues?$/ })).toBeVisible();
  const item = sylvie.page.locator("li", { hasText: notice }).last();
  await expect(item).toContainText("Vous soutenez cette proposition.");
  await expect(sylvie.page.getByText(notice)).toHaveCount(1);
  await check(sylvie.page);
  await item.getByRole("button", { name: "Marquer comme lu" }).click();
  await expect(sylvie.page.locator("li", { hasText: notice }).last().getByRole("button", { name: "Marquer comme lu" })).toHaveCount(0);

  await expect(async () => {
    await admin.page.goto(`/dev/boite-mail?${new URLSearchParams({ destinataire: SUPPORTER })}`);
    await expect(admin.page.getByRole("link", { name: notice }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await expect(admin.page.getByRole("link", { name: notice })).toHaveCount(1);
  await admin.page.getByRole("link", { name: notice }).first().click();
  await expect(admin.page.locator(".mail-text")).toContainText(reasons);
  const unsubscribe = new URL((await admin.page.locator('.mail-text a[href*="/notifications/desabonnement?"]').first().getAttribute("href"))!);

  await sylvie.page.goto("/compte/notifications");
  const supported = sylvie.page.getByRole("group", { name: "Les propositions que je soutiens" });
  await expect(supported.getByRole("radio", { name: "Immédiatement" })).toBeChecked();
  await supported.getByRole("radio", { name: "Un résumé par semaine" }).check();
  await sylvie.page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(sylvie.page.locator(".flash")).toContainText("Enregistré.");
  await expect(sylvie.page.getByRole("group", { name: "Les propositions que je soutiens" }).getByRole("radio", { name: "Un résumé par semaine" })).toBeChecked();
  await check(sylvie.page);

  const signedOut = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const linkPage = await signedOut.newPage();
  await linkPage.goto(unsubscribe.pathname + unsubscribe.search);
  await expect(linkPage.getByText("Vous ne recevrez plus d'e-mails sur les propositions que vous soutenez.")).toBeVisible();
  await linkPage.getByRole("button", { name: "Ne plus recevoir ces messages" }).click();
  await expect(linkPage.getByRole("heading", { level: 1, name: "C'est fait" })).toBeVisible();
  await check(linkPage);
  await signedOut.close();
  await sylvie.page.goto("/compte/notifications");
  await expect(sylvie.page.getByRole("group", { name: "Les propositions que je soutiens" }).getByRole("radio", { name: "Jamais" })).toBeChecked();

  // 7. A resident without JavaScript sees it everywhere: the page and its timeline, the filter, the relevé, the counters.
  await resident.goto(proposalPath);
  await expect(resident.locator(".proposal-meta")).toContainText("Retenue");
  await expect(resident.getByText(reasons).first()).toBeVisible();
  await expect(resident.locator(".timeline")).toContainText(/Décision du comité de pilotage du \d+ \S+ \d{4} : Retenue/);
  await check(resident);
  await resident.goto(`/propositions?statut=decidees&ambition=${AMBITION.number}`);
  await expect(resident.getByRole("link", { name: title })).toBeVisible();
  await check(resident);
  await resident.goto(`/instances/copil/${meetingId}`);
  await expect(resident.getByRole("heading", { name: "Relevé de décisions" })).toBeVisible();
  await expect(resident.getByText(reasons)).toBeVisible();
  await check(resident);
  await resident.goto("/");
  expect(await counter(resident, /transmises? aux instances/)).toBe(qualifiedBefore + 1);
  expect(await counter(resident, /réponse publique/)).toBe(answeredBefore + 1);
  await check(resident);

  // 8. The follow-up: started, a milestone, then « réalisée » with a last word.
  await coordinator.page.goto(`/gouvernance/propositions/${proposalId}/realisation`);
  await expectAccessible(coordinator.page);
  await coordinator.page.getByLabel("Qui est chargé de la réalisation").fill("Service politique de la ville de la CALL");
  await coordinator.page.getByRole("button", { name: "Lancer la réalisation" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("La réalisation est lancée.");
  await coordinator.page.getByLabel("L'étape").fill("Première journée des associations");
  await coordinator.page.getByLabel("Pour le").fill(parisIn(60 * 24 * 30).date);
  await coordinator.page.getByRole("button", { name: "Ajouter l'étape" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("L'étape est ajoutée.");
  await coordinator.page.locator("summary", { hasText: "Marquer la proposition comme réalisée" }).click();
  await expect(coordinator.page.getByLabel("Le mot de la fin aux habitants")).toBeVisible();
  await coordinator.page.getByLabel("Le mot de la fin aux habitants").fill("La première journée a réuni 23 associations à la salle Bollaert. Rendez-vous l'an prochain !");
  await coordinator.page.getByRole("button", { name: "Oui, elle est réalisée" }).click();
  await expect(coordinator.page.locator(".flash")).toContainText("La proposition est réalisée.");

  await resident.goto(proposalPath);
  await expect(resident.locator(".proposal-meta")).toContainText("Réalisée");
  await expect(resident.locator(".timeline")).toContainText("Première journée des associations");
  await expect(resident.getByText("La première journée a réuni 23 associations").first()).toBeVisible();
  await check(resident);

  await Promise.all([coordinator.close(), admin.close(), nadia.close(), sylvie.close(), reader.close()]);
});
