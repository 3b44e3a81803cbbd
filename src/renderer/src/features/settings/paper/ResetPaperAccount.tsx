import { Alert, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { PaperResetResult } from '../../../../../shared/ipc/channels/paper.ts';
import { call } from '../../../bridge/index.ts';
import { ConfirmAction } from '../../../components/ConfirmAction.tsx';

/** What the balance field holds: a USDT amount above 0 (main checks it again). */
function balanceProblem(text: string): string | undefined {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return 'A USDT amount, e.g. 10000.';
  if (Number(text) <= 0) return 'The starting balance must be above 0.';
  return undefined;
}

/**
 * Settings → Paper account → "Reset paper account" (ADR 0160): a fresh paper account at the
 * balance given, behind a confirmation. Main refuses while a position or order is open and says
 * what to do; the dialog shows that and stays open. The journal and the track record keep the
 * trades of the old account.
 */
export function ResetPaperAccount(): React.JSX.Element {
  const [balance, setBalance] = useState('10000');
  const [done, setDone] = useState<PaperResetResult | undefined>(undefined);
  const problem = balanceProblem(balance);
  return (
    <Stack gap="sm" data-testid="paper-reset">
      <Title order={4}>Reset paper account</Title>
      <Text size="sm" c="dimmed">
        The paper account keeps its balance, positions, orders and fills across restarts. A reset replaces it
        with a fresh account. Close every position and cancel every order first.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Starting balance (USDT)"
          value={balance}
          error={problem}
          data-testid="paper-reset-balance"
          onChange={(event) => {
            setBalance(event.currentTarget.value);
            setDone(undefined);
          }}
        />
        <ConfirmAction
          label="Reset paper account…"
          title="Reset the paper account?"
          body={`The paper account's balance, fills and history are replaced by a fresh account holding ${balance.trim()} USDT. This cannot be undone. The journal and the track record keep the old account's trades.`}
          confirmLabel="Reset paper account"
          testId="paper-reset-button"
          size="sm"
          disabled={problem !== undefined}
          onConfirm={async () => {
            setDone(await call('paper:reset-account', { startingBalanceUsdt: balance.trim() }));
          }}
        />
      </Group>
      {done === undefined ? null : (
        <Alert color="teal" variant="light" data-testid="paper-reset-done">
          {`The paper account was reset: ${done.balanceUsdt} USDT, no positions, no orders.`}
        </Alert>
      )}
    </Stack>
  );
}
