/**
 * The charter in force. Raise the version (and the date) when its meaning changes: everyone who accepted an
 * older one is asked to accept the new one at their next sign-in, and cannot write until they do.
 */
export const CHARTER_VERSION = 1;
/** When this version came into force (ISO date), shown on /charte. */
export const CHARTER_DATE = "2026-11-22";
