import { Alert, Text } from '@mantine/core';
import { useTrackRecord } from './useTrackRecord.ts';

/**
 * The paper record's verdict for a LIVE confirmation: it warns, it never blocks. Any dialog that
 * switches to LIVE renders this in its body.
 */
export function LiveReadinessNotice(): React.JSX.Element {
  const load = useTrackRecord('paper', 0);
  if (load.kind === 'loading')
    return (
      <Text size="sm" c="dimmed" data-testid="live-readiness">
        Reading the paper track record…
      </Text>
    );
  if (load.kind === 'error') {
    return (
      <Text size="sm" c="dimmed" data-testid="live-readiness">
        The paper track record could not be read: {load.error.message}
      </Text>
    );
  }
  const { readiness } = load.record;
  return (
    <Alert
      color={readiness.stage === 'unproven' ? 'yellow' : 'teal'}
      variant="light"
      data-testid="live-readiness"
      data-stage={readiness.stage}
    >
      <Text size="sm">Paper track record: {readiness.sentence}</Text>
    </Alert>
  );
}
