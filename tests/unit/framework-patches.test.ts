/**
 * The behaviour that app/patches/ gives the framework, checked through Remix's own request handler with
 * a two-route build: a version bump that drops a patch fails here, not only in the benchmark.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { expect, test, vi } from "vitest";

function buildRecording(seen: Request[]): ServerBuild {
  const loader = ({ request }: { request: Request }) => {
    seen.push(request);
    return null;
  };
  const Page = () => null;
  return {
    mode: "production",
    entry: { module: { default: () => new Response("page", { headers: { "Content-Type": "text/html" } }) } },
    routes: {
      root: { id: "root", path: "", module: { loader, default: Page } },
      "routes/page": { id: "routes/page", parentId: "root", path: "page", module: { loader, default: Page } },
    },
    assets: { entry: { module: "", imports: [] }, routes: {}, url: "", version: "test" },
    future: {},
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    basename: undefined,
    isSpaMode: false,
  } as unknown as ServerBuild;
}

test("every loader of a page gets the request itself, so what they memoise per request (the viewer) is read once", async () => {
  for (const url of ["http://x.test/page", "http://x.test/page?q=jardin&ambition=3", "http://x.test/page?q=%C3%A9cole"]) {
    const seen: Request[] = [];
    const request = new Request(url);
    const response = await createRequestHandler(buildRecording(seen))(request);
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen.every((r) => r === request)).toBe(true);
  }
});

test("Remix's own parameters are still taken off the URL the loaders see", async () => {
  const seen: Request[] = [];
  await createRequestHandler(buildRecording(seen))(new Request("http://x.test/page?q=a&index&%69ndex="));
  expect(seen).toHaveLength(2);
  expect(seen.map((r) => new URL(r.url).search)).toEqual(["?q=a", "?q=a"]);
});

test("route matching with the remembered branch still finds the right routes, with fresh matches for each path", async () => {
  const { matchRoutes } = await import("@remix-run/router");
  const routes = [
    { id: "root", path: "/", children: [
      { id: "list", path: "propositions", index: true },
      { id: "proposal", path: "propositions/:id" },
      { id: "edit", path: "propositions/:id/modifier" },
      { id: "splat", path: "*" },
    ] },
  ];
  const ids = (pathname: string) => matchRoutes(routes, pathname)?.map((m) => m.route.id).join(" > ");
  for (let round = 0; round < 2; round++) {
    expect(ids("/propositions")).toBe("root > list");
    expect(ids("/propositions/a1")).toBe("root > proposal");
    expect(ids("/propositions/a1/modifier")).toBe("root > edit");
    expect(ids("/ailleurs/loin")).toBe("root > splat");
  }
  const first = matchRoutes(routes, "/propositions/a1")!;
  const second = matchRoutes(routes, "/propositions/b2")!;
  expect(first.at(-1)!.params).toEqual({ id: "a1" });
  expect(second.at(-1)!.params).toEqual({ id: "b2" });
  expect(first[0]).not.toBe(matchRoutes(routes, "/propositions/a1")![0]);
});

test("the loader data is serialised for the browser only when the page reads it (<Scripts>)", async () => {
  const stringify = vi.spyOn(JSON, "stringify");
  const handoffs = () => stringify.mock.calls.filter(([value]) => typeof value === "object" && value !== null && "state" in value).length;
  const build = (readHandoff: boolean) =>
    ({
      ...buildRecording([]),
      entry: {
        module: {
          default: (_request: Request, status: number, headers: Headers, context: { serverHandoffString?: string }) =>
            new Response(readHandoff ? (context.serverHandoffString ?? "") : "page", { status, headers: { ...Object.fromEntries(headers), "Content-Type": "text/html" } }),
        },
      },
      routes: { root: { id: "root", path: "", module: { loader: () => ({ greeting: "bonjour" }), default: () => null } } },
    }) as unknown as ServerBuild;
  await createRequestHandler(build(false))(new Request("http://x.test/"));
  expect(handoffs()).toBe(0);
  const page = await (await createRequestHandler(build(true))(new Request("http://x.test/"))).text();
  expect(handoffs()).toBe(1);
  expect(page).toContain("bonjour");
});
