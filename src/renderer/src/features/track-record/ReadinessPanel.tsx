import { Alert, List, Text } from '@mantine/core';
import type { Readiness } from '../../../../shared/ipc/channels/trackrecord.ts';

const colorOf: Record<Readiness['stage'], string> = { unproven: 'yellow', small: 'teal', full: 'green' };

/** The verdict against the trader's criteria, and each check of the small-live bar. */
export function ReadinessPanel(props: { readonly readiness: Readiness }): React.JSX.Element {
  const { readiness } = props;
  return (
    <Alert
      color={colorOf[readiness.stage]}
      variant="light"
      title="Readiness"
      data-testid="readiness-panel"
      data-stage={readiness.stage}
    >
      <Text fw={600} data-testid="readiness-sentence">
        {readiness.sentence}
      </Text>
      <List size="sm" mt={4} spacing={2}>
        {readiness.checks.map((check) => (
          <List.Item key={check.id} data-testid={`readiness-check-${check.id}`} data-passed={check.passed}>
            {check.passed ? '✓' : '✗'} {check.text}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
