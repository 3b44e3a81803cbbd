import { Text } from '@mantine/core';
import { call } from '../../bridge/index.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { receiveTradingState } from '../../stores/trading.actions.ts';
import { tradingStore } from '../../stores/trading.store.ts';

/** The triggers only the trader clears (src/main/trading/state/trading-state.ts, sticky). */
const clearedByResume = ['kill-switch', 'consecutive-stop-outs'] as const;

/** Whether the trader's resume would clear something that holds now. */
export function resumable(activeTriggers: readonly string[] | undefined): boolean {
  return (activeTriggers ?? []).some((trigger) => (clearedByResume as readonly string[]).includes(trigger));
}

/**
 * "Resume trading…": after the kill switch or a stop-out streak, the trader says trading may go
 * on. It asks first; main clears those two triggers and answers with the state, which stays
 * REDUCING or HALTED while any other trigger (clock, stream, daily loss) still holds.
 */
export function ResumeTrading(): React.JSX.Element {
  return (
    <ConfirmAction
      label="Resume trading…"
      title="Resume trading?"
      confirmLabel="Resume trading"
      testId="resume-trading"
      color="teal"
      body={
        <Text size="sm">
          Releases the kill switch and resets the stop-out streak. Entries are accepted again once no other
          trigger holds; the daily loss limit still applies.
        </Text>
      }
      onConfirm={async () => {
        receiveTradingState(tradingStore, await call('trading:resume-trading', { acknowledge: true }));
      }}
    />
  );
}
