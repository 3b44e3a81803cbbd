/**
 * For a badge in a table cell: it keeps its whole word. A table squeezes narrow columns, and a
 * Mantine badge gives way with an ellipsis, which turned PROTECTED into "PROTEC…" and LONG into
 * "L…" in the dock; a state a trader acts on is never cut.
 */
export const wholeWordBadge = { minWidth: 'max-content' } as const;
