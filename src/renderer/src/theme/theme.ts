import { createTheme, type MantineColorScheme } from '@mantine/core';

/**
 * Bulwark's look: dark by default (long sessions in front of charts), system fonts only
 * (the CSP allows no remote fonts), tabular numbers so prices line up in columns.
 */
export const bulwarkTheme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
});

/** The color scheme a fresh install starts with. */
export const defaultColorScheme: MantineColorScheme = 'dark';

/** Colors the chart and badges use for the things a trader must tell apart at a glance. */
export const tradingColors = {
  up: '#26a69a',
  down: '#ef5350',
  entry: '#4dabf7',
  stop: '#ff6b6b',
  trailing: '#fcc419',
  liquidation: '#e64980',
  paper: 'blue',
  live: 'red',
} as const;
