/**
 * Captures typed in the console and not yet acknowledged by the server, kept in localStorage (per
 * session) so that nothing typed is lost when the network fails or the page is closed. Browser only.
 */
export type PendingCapture = { clientId: string; fields: Record<string, string>; typedAt: string };

const key = (sessionId: string) => `labo-console:pending:${sessionId}`;

export function readPending(sessionId: string): PendingCapture[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key(sessionId)) ?? "[]");
    return Array.isArray(value) ? (value as PendingCapture[]).filter((p) => p && typeof p.clientId === "string" && typeof p.fields === "object") : [];
  } catch {
    return [];
  }
}

function writePending(sessionId: string, list: PendingCapture[]) {
  if (list.length) window.localStorage.setItem(key(sessionId), JSON.stringify(list));
  else window.localStorage.removeItem(key(sessionId));
}

export function addPending(sessionId: string, capture: PendingCapture) {
  writePending(sessionId, [...readPending(sessionId).filter((p) => p.clientId !== capture.clientId), capture]);
}

export function removePending(sessionId: string, clientId: string) {
  writePending(
    sessionId,
    readPending(sessionId).filter((p) => p.clientId !== clientId),
  );
}

/** crypto.randomUUID needs a secure context; a page served over plain http (a local network) falls back. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export type SendOutcome = { kind: "sent" } | { kind: "refused"; errors: Record<string, string> } | { kind: "offline" } | { kind: "failed" };

/**
 * Sends one capture. "offline": no answer at all (keep it, retry when the network returns);
 * "failed": an answer that is not an acknowledgement (server error, signed out: keep it too);
 * "refused": the server found the capture invalid (it will never be accepted as it is).
 */
export async function sendCapture(url: string, capture: PendingCapture): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: new URLSearchParams({ ...capture.fields, clientId: capture.clientId }),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
  } catch {
    return { kind: "offline" };
  }
  if (response.redirected) return { kind: "failed" };
  const body = (await response.json().catch(() => null)) as { status?: string; errors?: Record<string, string> } | null;
  if (response.ok && body?.status === "ok") return { kind: "sent" };
  if (response.status === 400 && body?.errors) return { kind: "refused", errors: body.errors };
  return { kind: "failed" };
}
