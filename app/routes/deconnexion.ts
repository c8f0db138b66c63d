import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "#app/modules/auth/session.server.ts";

// Sign-out is a POST (a GET link could be triggered by a third-party page); anyone may post it.
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  return redirect("/");
}
