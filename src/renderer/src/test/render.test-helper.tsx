import { MantineProvider } from '@mantine/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { bulwarkTheme } from '../theme/theme.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A rendered tree and how to take it down. */
export interface Rendered {
  readonly container: HTMLElement;
  unmount(): void;
}

/** Renders a node inside Mantine (test env: no transitions, no portals) into the document. */
export function render(node: React.ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  act(() => {
    root.render(
      <MantineProvider theme={bulwarkTheme} env="test">
        {node}
      </MantineProvider>,
    );
  });
  return {
    container,
    unmount: () => {
      act(() => {
        root.unmount();
      });
      container.remove();
    },
  };
}

/** The element with a `data-testid`; throws when absent so a test fails with the id's name. */
export function byTestId(id: string, root: ParentNode = document): HTMLElement {
  const element = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

/** Whether an element with that `data-testid` exists. */
export function hasTestId(id: string, root: ParentNode = document): boolean {
  return root.querySelector(`[data-testid="${id}"]`) !== null;
}

/** The `<input>` inside (or at) a test id; Mantine puts `data-testid` on the input itself. */
export function inputByTestId(id: string): HTMLInputElement {
  const element = byTestId(id);
  const input = element instanceof HTMLInputElement ? element : element.querySelector('input');
  if (input === null) throw new Error(`no input at data-testid="${id}"`);
  return input;
}

/** Types into a React-controlled input the way a user would (native setter, then an input event). */
export function typeInto(input: HTMLInputElement, value: string): void {
  // React tracks the instance's value; the prototype's setter bypasses that tracker like typing does.
  const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  act(() => {
    descriptor?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Clicks an element inside act(). */
export function click(element: HTMLElement): void {
  act(() => {
    element.click();
  });
}
