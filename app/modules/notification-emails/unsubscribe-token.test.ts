import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { unsubscribeHeaders, unsubscribeQuery, unsubscribeUrl, verifyUnsubscribe } from "./unsubscribe-token.server.ts";

const NADIA = "3f1c2a9e-7d4b-4e5f-8a6b-0c1d2e3f4a5b";
const SAM = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

const paramsOf = (query: string) => Object.fromEntries(new URLSearchParams(query)) as { u: string; c: string; s: string };

describe("unsubscribe links", () => {
  test("a link is signed for one person and one kind of message, and checks out as such", () => {
    const params = paramsOf(unsubscribeQuery(NADIA, "followed_proposal"));
    expect(params).toMatchObject({ u: NADIA, c: "followed_proposal" });
    expect(params.s).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribe(params)).toEqual({ ok: true, userId: NADIA, scope: "followed_proposal" });
    expect(verifyUnsubscribe(paramsOf(unsubscribeQuery(NADIA, "weekly_digest")))).toEqual({ ok: true, userId: NADIA, scope: "weekly_digest" });
  });

  test("a signature cannot be reused for another person or another kind", () => {
    const { s } = paramsOf(unsubscribeQuery(NADIA, "followed_proposal"));
    expect(verifyUnsubscribe({ u: SAM, c: "followed_proposal", s })).toEqual({ ok: false });
    expect(verifyUnsubscribe({ u: NADIA, c: "own_proposal", s })).toEqual({ ok: false });
    expect(verifyUnsubscribe({ u: NADIA, c: "weekly_digest", s })).toEqual({ ok: false });
  });

  test("a tampered, truncated, forged or missing signature is refused", () => {
    const { s } = paramsOf(unsubscribeQuery(NADIA, "followed_proposal"));
    const flipped = (s[0] === "A" ? "B" : "A") + s.slice(1);
    for (const bad of [flipped, s.slice(0, 42), `${s}A`, "", "A".repeat(43), s.toLowerCase() === s ? s.toUpperCase() : s.toLowerCase()]) {
      expect(verifyUnsubscribe({ u: NADIA, c: "followed_proposal", s: bad }), bad).toEqual({ ok: false });
    }
    // Signed with another secret (someone guessing the development value in production, say).
    const forged = createHmac("sha256", "another-secret").update(`unsubscribe\n${NADIA}\nfollowed_proposal`).digest("base64url");
    expect(verifyUnsubscribe({ u: NADIA, c: "followed_proposal", s: forged })).toEqual({ ok: false });
    expect(verifyUnsubscribe({ u: NADIA, c: "followed_proposal" })).toEqual({ ok: false });
    expect(verifyUnsubscribe({ c: "followed_proposal", s })).toEqual({ ok: false });
  });

  test("malformed parameters are refused before any signature is computed", () => {
    const { s } = paramsOf(unsubscribeQuery(NADIA, "followed_proposal"));
    for (const u of ["\u0000", "x".repeat(5000), "1' or '1'='1", `${NADIA}\nfollowed_proposal`]) expect(verifyUnsubscribe({ u, c: "followed_proposal", s })).toEqual({ ok: false });
    for (const c of ["", "everything", "none", "FOLLOWED_PROPOSAL"]) expect(verifyUnsubscribe({ u: NADIA, c, s })).toEqual({ ok: false });
  });

  test("the emailed URL and the RFC 8058 headers point at the same link, on the public address", () => {
    const url = unsubscribeUrl(NADIA, "own_proposal");
    expect(url).toBe(`http://localhost:3000/notifications/desabonnement?${unsubscribeQuery(NADIA, "own_proposal")}`);
    expect(unsubscribeHeaders(url)).toEqual({ "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });
});
