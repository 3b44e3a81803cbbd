import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { AlertChannelName, ChannelTestResult } from '../../../../../shared/ipc/channels/alerts.ts';
import { testChannel } from './alerts-bridge.ts';

function outcome(result: ChannelTestResult): string {
  return result.delivered
    ? `Delivered in ${String(result.durationMs)} ms (${String(result.attempts)} attempt${result.attempts === 1 ? '' : 's'}).`
    : `Not delivered: ${result.reason} (${result.code}).`;
}

/** "Send test": a real delivery on the channel, answered delivered or with the exact reason. */
export function ChannelTest(props: { readonly channel: AlertChannelName }): React.JSX.Element {
  const [result, setResult] = useState<string>();
  const [delivered, setDelivered] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  const send = async (): Promise<void> => {
    setBusy(true);
    setResult(undefined);
    try {
      const answer = await testChannel(props.channel);
      setDelivered(answer.delivered);
      setResult(outcome(answer));
    } catch (error) {
      setDelivered(false);
      setResult(`Not sent: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group>
      <Button
        variant="outline"
        loading={busy}
        onClick={() => {
          void send();
        }}
        data-testid={`alert-test-${props.channel}`}
      >
        Send test
      </Button>
      {result === undefined ? null : (
        <Text
          size="sm"
          c={delivered === true ? 'teal' : 'red'}
          data-testid={`alert-test-result-${props.channel}`}
          data-delivered={delivered}
        >
          {result}
        </Text>
      )}
    </Group>
  );
}
