/**
 * A 429 tells when to try again (Retry-After) on the page a form posted without JavaScript gets, too:
 * checked through Remix's own request handler with a small build whose document entry does what
 * app/entry.server.tsx does with the headers.
 */
import { createRequestHandler, json, type ServerBuild } from "@remix-run/node";
import { expect, test } from "vitest";
import { carryRetryAfter } from "./headers.server.ts";

function build(carry: boolean): ServerBuild {
  const Page = () => null;
  const ErrorBoundary = () => null;
  return {
    mode: "production",
    entry: {
      module: {
        default: (_request: Request, status: number, headers: Headers, context: { staticHandlerContext: Parameters<typeof carryRetryAfter>[1] }) => {
          if (carry) carryRetryAfter(headers, context.staticHandlerContext);
          return new Response("page", { status, headers: { ...Object.fromEntries(headers), "Content-Type": "text/html" } });
        },
      },
    },
    routes: {
      root: { id: "root", path: "", module: { default: Page, ErrorBoundary } },
      // A form page whose action answers 429 with what was typed (the sign-in page).
      "routes/form": { id: "routes/form", parentId: "root", path: "connexion", module: { default: Page, action: () => json({ errors: { form: "auth:signIn.tooMany" } }, { status: 429, headers: { "Retry-After": "840" } }) } },
      // A support without JavaScript: the action throws its 429, which the proposal page's boundary shows.
      "routes/proposal": { id: "routes/proposal", parentId: "root", path: "propositions/:id", module: { default: Page, ErrorBoundary } },
      "routes/thrown": {
        id: "routes/thrown",
        parentId: "routes/proposal",
        path: "soutien",
        module: {
          default: Page,
          action: () => {
            throw new Response(null, { status: 429, headers: { "Retry-After": "120" } });
          },
        },
      },
    },
    assets: { entry: { module: "", imports: [] }, routes: {}, url: "", version: "test" },
    future: {},
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    basename: undefined,
    isSpaMode: false,
  } as unknown as ServerBuild;
}

const post = (path: string) => new Request(`http://x.test${path}`, { method: "POST", body: new URLSearchParams({ a: "1" }) });

test("a page answering 429 carries its action's Retry-After (Remix alone keeps only Set-Cookie)", async () => {
  const response = await createRequestHandler(build(true))(post("/connexion"));
  expect(response.status).toBe(429);
  expect(response.headers.get("Retry-After")).toBe("840");
  const thrown = await createRequestHandler(build(true))(post("/propositions/1/soutien"));
  expect(thrown.status).toBe(429);
  expect(thrown.headers.get("Retry-After")).toBe("120");
  expect(await thrown.text()).toBe("page");
});

test("without it, the header is lost: the reason this helper exists", async () => {
  const response = await createRequestHandler(build(false))(post("/connexion"));
  expect(response.status).toBe(429);
  expect(response.headers.get("Retry-After")).toBeNull();
});
