import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import Fetch from "i18next-fetch-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";

async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(Fetch)
    .init({
      ...i18nConfig,
      // The server chose the language; the client reads it from <html lang>.
      lng: document.documentElement.lang,
      ns: getInitialNamespaces(),
      backend: { loadPath: `/resources/locales/{{lng}}/{{ns}}?v=${(window as unknown as { __remixManifest?: { version?: string } }).__remixManifest?.version ?? ""}` },
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
