import { createTheme, type CSSVariablesResolver, type MantineColorScheme } from '@mantine/core';

/**
 * Bulwark's look: dark by default (long sessions in front of charts), system fonts only
 * (the CSP allows no remote fonts), tabular numbers so prices line up in columns.
 */
export const bulwarkTheme = createTheme({
  primaryColor: 'teal',
  // WCAG AA on the dark scheme: filled buttons and badges one shade darker than Mantine's default
  // so white text on them reaches 4.5:1, and dark text on the light fills (yellow, orange).
  primaryShade: { light: 6, dark: 9 },
  autoContrast: true,
  // Mantine's luminance is not gamma-corrected: 0.45 gives white on teal 9 (5.0:1) and black on
  // yellow 9 (7:1), where its default of 0.3 chose black on teal (4.2:1).
  luminanceThreshold: 0.45,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
});

/**
 * Mantine's dimmed text (dark 2, #828282) is 4.0:1 on the dark panels and 3:1 on the book's depth
 * bars and the teal banner: below WCAG AA (4.5:1) for the small print it is used for. #b0b0b0 is
 * 4.9:1 or better on each of them.
 */
export const bulwarkCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {},
  dark: {
    '--mantine-color-dimmed': '#b0b0b0',
    // At shade 9 Mantine's filled hover goes one shade lighter (8), where white text is 3.9:1;
    // a hovered button gets darker instead.
    '--mantine-color-teal-filled-hover': '#066a4c',
    '--mantine-color-red-filled-hover': '#a82323',
    '--mantine-color-blue-filled-hover': '#14528c',
    '--mantine-color-green-filled-hover': '#235a1f',
  },
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
  // green 5: the take-profit line and its legend, apart from the candles' teal.
  takeProfit: '#51cf66',
  // pink 5: 5:1 on the dark panels (pink 7 was 4.2), for the legend text as for the line.
  liquidation: '#f06595',
  paper: 'blue',
  live: 'red',
} as const;
