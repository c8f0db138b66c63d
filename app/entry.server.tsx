import { type AppLoadContext, type EntryContext, type HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { getLocale, getRenderI18n } from "#app/modules/i18n/i18next.server.ts";
import { MarkupCacheProvider } from "#app/components/cached-markup.tsx";
import { NonceProvider } from "#app/components/nonce.tsx";
import { markupCacheFor } from "#app/modules/rendering/markup-cache.server.tsx";
import { logger } from "#app/modules/observability/logger.server.ts";
import { applySecurityHeaders, carryRetryAfter } from "#app/modules/security/headers.server.ts";

const utf8 = new TextEncoder();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const locale = await getLocale(request);
  const instance = await getRenderI18n(locale);

  // No route streams deferred data or suspends, so the page is rendered whole, as one string: the same
  // markup as renderToPipeableStream once it is all ready, without encoding it piece by piece into 2 KB
  // buffers and pushing those through a stream (a tenth of the proposal page's server time).
  // A render error throws, and Remix renders the error boundary instead.
  const html = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={instance}>
        <MarkupCacheProvider value={markupCacheFor(instance)}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </MarkupCacheProvider>
      </I18nextProvider>
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  applySecurityHeaders(responseHeaders, nonce);
  carryRetryAfter(responseHeaders, remixContext.staticHandlerContext);
  // renderToString, unlike the streaming renderer, does not write the doctype before <html>. The body is
  // bytes: a string body is scanned for lone surrogates by the Response constructor, slowly; and
  // TextEncoder encodes a page about twice as fast as Buffer.from.
  return new Response(utf8.encode(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers, null);
  return response;
};

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // app/server.ts put the request id in the headers: this line and the request's access line share it.
  logger.error({ err: error, requestId: request.headers.get("x-request-id") ?? undefined }, "request failed");
}
