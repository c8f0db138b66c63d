/// <reference types="@remix-run/dev" />

import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy, set by app/server.ts. */
    cspNonce?: string;
    /** The client's address as the server sees it (after TRUST_PROXY), for rate limits. */
    clientAddress?: string;
  }
}

