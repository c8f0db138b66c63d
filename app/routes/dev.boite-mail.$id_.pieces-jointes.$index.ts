import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMailboxMessage, requireMailboxReader } from "#app/modules/email/mailbox.server.ts";

/** One file sent with a message (the .ics of a Labo registration), downloaded as the recipient would get it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireMailboxReader(request);
  const message = await getMailboxMessage(params.id ?? "");
  const index = /^\d{1,2}$/.test(params.index ?? "") ? Number(params.index) : -1;
  const attachment = message?.attachments?.[index];
  if (!attachment) throw new Response(null, { status: 404 });
  // The name was chosen by the app; only safe characters reach the header anyway.
  const filename = attachment.filename.replace(/[^\w.-]/g, "_");
  return new Response(Buffer.from(attachment.content, "base64"), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
