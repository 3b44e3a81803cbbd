/** The order book and recent trades panels (ADR 0530); the layout places them in its panes. */
export { BookPanel, type BookPanelProps } from './BookPanel.tsx';
export { TradesPanel } from './TradesPanel.tsx';
