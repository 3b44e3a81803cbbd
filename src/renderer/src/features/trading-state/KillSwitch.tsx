import { Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../bridge/index.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { useKillReport } from '../../stores/kill-report.store.ts';
import { receiveTradingState } from '../../stores/trading.actions.ts';
import { tradingStore } from '../../stores/trading.store.ts';
import { useKillSwitchPrompt } from './kill-switch-prompt.ts';

/** Sends the kill switch; main's answer becomes the trading state and the report the dock shows. */
async function pressKillSwitch(flatten: boolean, reason: string): Promise<void> {
  const trimmed = reason.trim();
  const result = await call('trading:trigger-kill-switch', {
    flatten,
    ...(trimmed === '' ? {} : { reason: trimmed.slice(0, 200) }),
  });
  receiveTradingState(tradingStore, result.state);
  useKillReport.getState().show(result);
}

/**
 * The kill switch: cancels every order and HALTs trading; optionally flattens every position
 * at market. Always reachable from the header (and Shift+K), always asks first.
 */
export function KillSwitch(): React.JSX.Element {
  const opened = useKillSwitchPrompt((state) => state.opened);
  const onOpenedChange = useKillSwitchPrompt((state) => state.setOpened);
  const [flatten, setFlatten] = useState(true);
  const [reason, setReason] = useState('');
  const trigger = (): Promise<void> => pressKillSwitch(flatten, reason);
  const body = (
    <Stack gap="xs">
      <Text size="sm">Cancels every open order and sets trading to HALTED.</Text>
      <Checkbox
        label="Also close every position at market (reduce-only)"
        checked={flatten}
        data-testid="kill-switch-flatten"
        onChange={(e) => {
          setFlatten(e.currentTarget.checked);
        }}
      />
      <TextInput
        label="Reason (journaled)"
        value={reason}
        maxLength={200}
        data-testid="kill-switch-reason"
        onChange={(e) => {
          setReason(e.currentTarget.value);
        }}
      />
    </Stack>
  );
  return (
    <ConfirmAction
      label="KILL SWITCH"
      title="Stop all trading?"
      confirmLabel="Cancel all and halt"
      testId="kill-switch"
      color="red"
      variant="filled"
      size="sm"
      body={body}
      control={{ opened, onOpenedChange }}
      onConfirm={trigger}
    />
  );
}
