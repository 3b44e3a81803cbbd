import { Alert, Code, Stack, Text } from '@mantine/core';
import { OrderUnknownError, RiskRejectedError, type TradingError } from '../../../shared/errors.ts';

function detailText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

/** The numbers behind a message (`lossAtStop: 52.10`), one per line. */
export function NumbersList(props: {
  readonly numbers: Readonly<Record<string, unknown>>;
}): React.JSX.Element | null {
  const entries = Object.entries(props.numbers);
  if (entries.length === 0) return null;
  return (
    <Stack gap={0}>
      {entries.map(([key, value]) => (
        <Text key={key} size="xs" ff="monospace">
          {key}: <Code>{detailText(value)}</Code>
        </Text>
      ))}
    </Stack>
  );
}

function titleFor(error: TradingError): string {
  if (error instanceof RiskRejectedError) return `Refused by risk rule ${error.ruleId}`;
  if (error instanceof OrderUnknownError)
    return 'Order outcome unknown: the engine is reconciling it — do not resend';
  return error.name === 'TradingError' ? 'The engine refused' : error.name;
}

/** Shows an error from the engine as a trader can act on it: the sentence, then the numbers. */
export function ErrorNotice(props: {
  readonly error: TradingError;
  readonly testId?: string;
}): React.JSX.Element {
  return (
    <Alert
      color="red"
      variant="light"
      title={titleFor(props.error)}
      data-testid={props.testId ?? 'error-notice'}
    >
      <Stack gap={4}>
        <Text size="sm">{props.error.message}</Text>
        <NumbersList numbers={props.error.details} />
      </Stack>
    </Alert>
  );
}
