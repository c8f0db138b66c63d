/**
 * The board as a spreadsheet file, as labo-figures' CSV: UTF-8 with a byte-order mark (Excel reads the
 * accents right), ";" between fields (French Excel), one line per subject, texts whole, days as
 * YYYY-MM-DD. Only what the board shows: no contact, no user id, no internal note ever reaches it.
 */
import { stringify } from "csv-stringify/sync";
import { appUrl } from "#app/env.server.ts";
import type { BoardRowView, Translate } from "./present-board.ts";
import { isoDay } from "./present-board.ts";

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab / carriage return before one) is
 * prefixed with an apostrophe: the text shows as typed and nothing runs (CSV injection).
 */
export function neutralise(value: string) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const COLUMNS = ["type", "title", "link", "status", "started", "daysWaiting", "deadline", "overdue", "nextStep", "lastAnswer", "answered", "updated"] as const;

export function boardCsv(rows: BoardRowView[], t: Translate) {
  const header = COLUMNS.map((column) => t(`councilBoard:csv.${column}`));
  const lines = rows.map((row) => [
    row.kindLabel,
    row.title,
    `${appUrl}${row.href}`,
    row.status,
    row.days.started ?? "",
    row.daysWaiting === null ? "" : String(row.daysWaiting),
    row.days.deadline ?? "",
    t(row.deadline.overdue ? "councilBoard:csv.yes" : "councilBoard:csv.no"),
    row.nextStep,
    row.lastAnswer?.text ?? "",
    row.days.answered ?? "",
    row.days.updated,
  ]);
  // A line break inside a cell (answers have paragraphs) is quoted, or a spreadsheet would start a new row there.
  return "\uFEFF" + stringify([header, ...lines].map((line) => line.map(neutralise)), { delimiter: ";", record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

/** suivi-conseil-citoyen-QP062024-2026-12-07.csv */
export function boardCsvFilename(code: string, now: Date) {
  return `suivi-conseil-citoyen-${code}-${isoDay(now)}.csv`;
}
