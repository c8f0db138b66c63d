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
      // A page reached by a client-side navigation may need a namespace not loaded yet: its components
      // suspend until it arrives, and since Remix navigates in a transition, the previous page stays on
      // screen meanwhile instead of the new one showing raw keys. (The server preloads every namespace.)
      react: { ...i18nConfig.react, useSuspense: true },
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
