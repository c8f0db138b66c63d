/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/*.server.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [/^remix-i18next/],
  watchPaths: ["./db/schema/**/*.ts", "./emails/**/*.tsx"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    // Single fetch needs the Vite plugin; the classic compiler keeps json()/redirect().
    v3_singleFetch: false,
  },
};
