/** Pure display helpers of the toolbox pages. */

/** 45 → "45 min", 90 → "1 h 30", 120 → "2 h" (French and English write durations the same way here). */
export function formatDuration(minutes: number) {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${String(rest).padStart(2, "0")}` : `${hours} h`;
}
