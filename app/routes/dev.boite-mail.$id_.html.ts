import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMailboxMessage, requireMailboxReader } from "#app/modules/email/mailbox.server.ts";

/**
 * The HTML version of a message, as the recipient's mail program would show it. Served alone and under
 * a `sandbox` CSP: no script runs, it cannot reach the site's cookies, and it loads nothing from here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMailboxReader(request);
  const message = await getMailboxMessage(params.id ?? "");
  if (!message) throw new Response(null, { status: 404 });
  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    },
  });
}
