/**
 * Sessions are typed and shown in the territory's time (Europe/Paris), whatever the server's or the
 * browser's time zone. Pure: used by the form schema in the browser and on the server.
 */
const ZONE = "Europe/Paris";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

function parisParts(instant: Date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes between Paris wall-clock time and UTC at that instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date) {
  const { date, time } = parisParts(instant);
  const wall = Date.parse(`${date}T${time}:00Z`);
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

export function isDateInput(value: string) {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export function isTimeInput(value: string) {
  return TIME.test(value);
}

/** "2026-12-03" + "18:30" in Paris → the instant. Null when either is malformed. */
export function parisToInstant(date: string, time: string): Date | null {
  if (!isDateInput(date) || !isTimeInput(time)) return null;
  const wall = Date.parse(`${date}T${time}:00Z`);
  // Two passes: the offset at the guessed instant, then at the corrected one (around a DST change).
  let instant = wall - offsetMinutes(new Date(wall)) * 60_000;
  instant = wall - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The date and time inputs' values for an instant, in Paris time. */
export function instantToParis(instant: Date | string): { date: string; time: string } {
  return parisParts(new Date(instant));
}
