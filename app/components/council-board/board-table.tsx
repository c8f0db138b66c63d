import { useTranslation } from "react-i18next";
import type { BoardRowView } from "#app/modules/council-board/present-board.ts";
import type { BoardSort } from "#app/modules/council-board/board.schema.ts";

type Column = "subject" | "status" | "waiting" | "deadline" | "nextStep" | "lastAnswer" | "updated";
const COLUMNS: Column[] = ["subject", "status", "waiting", "deadline", "nextStep", "lastAnswer", "updated"];
/** The columns a reader may sort by, and the sort each one stands for. */
export const SORTABLE: Partial<Record<Column, BoardSort>> = { subject: "titre", status: "statut", waiting: "attente", deadline: "echeance", updated: "mise-a-jour" };

export type SortHeader = { href: string; current: "ascending" | "descending" | null };

/**
 * The board's table. On screen: sortable headers (links, aria-sort on the current one), answers cut
 * short with a link to the whole; printed: every answer whole. A small screen scrolls the table sideways
 * inside a focusable region, so a keyboard can scroll it too.
 */
export function BoardTable({ rows, caption, mode, sortHeaders }: { rows: BoardRowView[]; caption: string; mode: "screen" | "print"; sortHeaders?: Partial<Record<Column, SortHeader>> }) {
  const { t } = useTranslation("councilBoard");
  const captionId = `board-caption-${mode}`;
  const table = (
    <table className={`table board-table board-table-${mode}`}>
      <caption id={captionId}>{caption}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => {
            const sort = sortHeaders?.[column];
            return (
              <th key={column} scope="col" aria-sort={sort?.current ?? undefined}>
                {sort ? (
                  <a href={sort.href}>
                    {t(`table.${column}`)}
                    <span className="visually-hidden"> ({t("table.sortBy", { column: t(`table.${column}`) })})</span>
                    {sort.current ? (
                      <span className="board-sort-mark" aria-hidden="true">
                        {sort.current === "ascending" ? " ▲" : " ▼"}
                      </span>
                    ) : null}
                  </a>
                ) : (
                  t(`table.${column}`)
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>
              <a href={row.href} className="board-title">
                {row.title}
              </a>
              <span className={`tag board-kind board-kind-${row.kind}`}>{row.kindLabel}</span>
            </td>
            <td>{row.status}</td>
            <td>{row.waiting}</td>
            <td>
              {row.deadline.label && row.deadline.iso ? <time dateTime={row.deadline.iso}>{row.deadline.label}</time> : null}
              {row.deadline.note ? row.deadline.overdue ? <strong className="board-overdue">{row.deadline.note}</strong> : <span className="board-note">{row.deadline.note}</span> : null}
            </td>
            <td>{row.nextStep}</td>
            <td>
              {row.lastAnswer ? (
                <>
                  <span className="board-answer-date">
                    {t("table.answeredOn", { date: row.lastAnswer.date })}
                  </span>{" "}
                  {mode === "print" ? (
                    <span className="board-answer-text">{row.lastAnswer.text}</span>
                  ) : (
                    <>
                      {row.lastAnswer.excerpt}
                      {row.lastAnswer.truncated ? (
                        <>
                          {" "}
                          <a href={row.href} className="board-read-more">
                            {t("table.readMore", { title: row.title })}
                          </a>
                        </>
                      ) : null}
                    </>
                  )}
                </>
              ) : (
                t("table.noAnswer")
              )}
            </td>
            <td>
              <time dateTime={row.updated.iso}>{row.updated.label}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (mode === "print") return table;
  return (
    // A focusable region so that a keyboard can scroll a table wider than the screen (WCAG 2.1.1).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="board-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      {table}
    </div>
  );
}
