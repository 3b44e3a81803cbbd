import { useEffect, useState, type RefObject } from 'react';

/** The height of a book level and of a tape row, in CSS pixels (their line height). */
export const rowPx = 19;

/** What a book level and a tape row share: one fixed-height monospace line, padded like the panel. */
export const monoRowStyle: React.CSSProperties = {
  display: 'grid',
  flex: '0 0 auto',
  padding: '0 var(--mantine-spacing-xs)',
  fontFamily: 'var(--mantine-font-family-monospace)',
  fontSize: 'var(--mantine-font-size-xs)',
  lineHeight: `${String(rowPx)}px`,
};

/**
 * How many rows of `rowPx` fit in the element, plus one that may show in part, at most `max`:
 * the book and the tape build only the rows a trader can see, since they are redrawn up to ten
 * times a second. Follows the element's size (a pane dragged, the window resized). Without
 * ResizeObserver (tests in jsdom) or before the first measure it answers `max`.
 */
export function useRowsThatFit(ref: RefObject<HTMLElement | null>, rowPx: number, max: number): number {
  const [rows, setRows] = useState(max);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return undefined;
    const measure = (): void => {
      const height = element.clientHeight;
      if (height > 0) setRows(Math.min(max, Math.ceil(height / rowPx) + 1));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => {
      observer.disconnect();
    };
  }, [ref, rowPx, max]);
  return rows;
}
