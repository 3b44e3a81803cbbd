import { Paper, Text } from '@mantine/core';
import { useEffect } from 'react';

/**
 * The label that follows a dragged line: just above the pointer's row, outlined in red with the
 * reason when the drop would be refused. Never takes the pointer (the drag goes on under it).
 */
export function DragLabelBox(props: {
  readonly y: number;
  readonly testId: string;
  readonly price: string;
  readonly refusal: string | undefined;
  readonly children: React.ReactNode;
}): React.JSX.Element {
  const refused = props.refusal !== undefined;
  return (
    <Paper
      pos="absolute"
      left={8}
      top={Math.max(0, props.y - 34)}
      px={6}
      py={2}
      withBorder
      style={{
        zIndex: 3,
        pointerEvents: 'none',
        borderColor: refused ? 'var(--mantine-color-red-6)' : undefined,
      }}
      data-testid={props.testId}
      data-price={props.price}
      data-refused={refused}
    >
      <Text size="xs" ff="monospace" c={refused ? 'red' : 'inherit'}>
        {props.children}
        {props.refusal === undefined ? '' : ` — ${props.refusal}`}
      </Text>
    </Paper>
  );
}

/** The outcome of a drop stays this long under the chart, unless it must stay until dismissed. */
export const dropNoticeMs = 6_000;

/** Calls `clear` {@link dropNoticeMs} after `notice` appears (and again for each new one), unless `lasting`. */
export function useClearedNotice(notice: object | undefined, lasting: boolean, clear: () => void): void {
  useEffect(() => {
    if (notice === undefined || lasting) return undefined;
    const timer = setTimeout(clear, dropNoticeMs);
    return () => {
      clearTimeout(timer);
    };
  }, [notice, lasting, clear]);
}
