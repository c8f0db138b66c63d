/**
 * Reading referential ids from URLs. Anything that is not a well-formed id is "not found" (404) before
 * any query runs, so odd input ("abc", "1e1", "../") never reaches the database.
 */

/** A plain positive number, no sign, no leading zero, no exponent: "3", not "03", "+3", "3.0" or "1e1". */
export function parseNumberParam(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : null;
}

/** A seeded key such as "participation_habitants" or "copil_local". */
export function parseKeyParam(raw: string | undefined): string | null {
  return raw && /^[a-z][a-z0-9_]{0,59}$/.test(raw) ? raw : null;
}

/** A quartier code in any case (qp062024, QP062024); the caller redirects to the upper-case form. */
export function parseQuartierCodeParam(raw: string | undefined): { code: string; canonical: boolean } | null {
  if (!raw || !/^[A-Za-z0-9]{1,20}$/.test(raw)) return null;
  const code = raw.toUpperCase();
  return { code, canonical: code === raw };
}
