import { Writable } from "node:stream";
import { type AppLoadContext, type EntryContext, type HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { getLocale, getRenderI18n } from "#app/modules/i18n/i18next.server.ts";
import { MarkupCacheProvider } from "#app/components/cached-markup.tsx";
import { NonceProvider } from "#app/components/nonce.tsx";
import { markupCacheFor } from "#app/modules/rendering/markup-cache.server.tsx";
import { applySecurityHeaders } from "#app/modules/security/headers.server.ts";

const ABORT_DELAY = 5_000;

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

  // No route streams deferred data, so the page is rendered whole and sent in one write: streaming it in
  // 2 KB pieces through web streams cost a sixth of the server's time on large pages, for nothing.
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const body = new Writable({
      // No "close" event: React listens for it to abort, and would then try to end this finished stream again.
      emitClose: false,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        applySecurityHeaders(responseHeaders, nonce);
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    // Cleared once the page is ready: a pending timer would keep the whole render in memory for seconds.
    let abortRender = () => {};
    const timeout = setTimeout(() => abortRender(), ABORT_DELAY + 1_000);
    timeout.unref();
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <MarkupCacheProvider value={markupCacheFor(instance)}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </MarkupCacheProvider>
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          clearTimeout(timeout);
          pipe(body);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    abortRender = abort;
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  applySecurityHeaders(response.headers, null);
  return response;
};

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
