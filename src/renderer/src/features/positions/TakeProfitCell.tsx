import { Button, Group, Popover, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../bridge/index.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useMarket } from '../../stores/hooks.ts';
import { toTradingError, type TradingError } from '../../../../shared/errors.ts';
import type { Position } from '../../../../shared/domain/position.ts';
import { nearestTakeProfit } from '../../domain/take-profit.ts';
import { checkTakeProfitMove, takeProfitText } from './take-profit-move.ts';

/** Sends `trading:set-take-profit`; tracks busy and the engine's refusal for the popover. */
function useSetTakeProfit(symbol: string, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TradingError | undefined>(undefined);
  const send = (price: string | undefined): void => {
    setBusy(true);
    setError(undefined);
    call('trading:set-take-profit', { symbol, ...(price === undefined ? {} : { price }) }).then(
      () => {
        setBusy(false);
        onDone();
      },
      (caught: unknown) => {
        setBusy(false);
        setError(toTradingError(caught));
      },
    );
  };
  return { busy, error, send };
}

function TakeProfitButtons(props: {
  readonly symbol: string;
  readonly hasOne: boolean;
  readonly busy: boolean;
  /** The checked price to set, undefined while the typed one is not valid. */
  readonly price: string | undefined;
  readonly send: (price: string | undefined) => void;
}): React.JSX.Element {
  const { symbol, price, send } = props;
  return (
    <Group gap="xs">
      <Button
        size="xs"
        disabled={price === undefined}
        loading={props.busy}
        data-testid={`take-profit-confirm-${symbol}`}
        onClick={() => {
          if (price !== undefined) send(price);
        }}
      >
        {props.hasOne ? 'Change' : 'Set'}
      </Button>
      {props.hasOne ? (
        <Button
          size="xs"
          variant="default"
          loading={props.busy}
          data-testid={`take-profit-remove-${symbol}`}
          onClick={() => {
            send(undefined);
          }}
        >
          Remove
        </Button>
      ) : null}
    </Group>
  );
}

function TakeProfitForm(props: {
  readonly position: Position;
  readonly close: () => void;
}): React.JSX.Element {
  const { position } = props;
  const current = nearestTakeProfit(position);
  const [text, setText] = useState(current ?? '');
  const check = checkTakeProfitMove(position, text);
  const action = useSetTakeProfit(position.symbol, props.close);
  return (
    <Stack gap="xs" w={260}>
      <TextInput
        label="Take-profit price"
        value={text}
        data-testid={`take-profit-input-${position.symbol}`}
        error={text.trim() === '' || check.ok ? undefined : check.reason}
        onChange={(e) => {
          setText(e.currentTarget.value);
        }}
      />
      <TakeProfitButtons
        symbol={position.symbol}
        hasOne={current !== undefined}
        busy={action.busy}
        price={check.ok ? check.price : undefined}
        send={action.send}
      />
      <Text size="xs" c="dimmed">
        Takes the whole position off when the mark reaches it. It is not a stop: the stop stays.
      </Text>
      {action.error === undefined ? null : <ErrorNotice error={action.error} />}
    </Stack>
  );
}

/** The TP column of a position row: the take-profit at the exchange and a popover to set, change or remove it. */
export function TakeProfitCell(props: { readonly position: Position }): React.JSX.Element {
  const { position } = props;
  const tick = useMarket((state) => state.contracts[position.symbol]?.tickSize);
  const [opened, setOpened] = useState(false);
  const close = (): void => {
    setOpened(false);
  };
  return (
    <Table.Td ff="monospace" data-testid={`take-profit-cell-${position.symbol}`}>
      <Group gap={6} wrap="nowrap">
        <span data-testid={`take-profit-${position.symbol}`}>{takeProfitText(position, tick)}</span>
        <Popover opened={opened} onChange={setOpened} position="bottom" withArrow trapFocus>
          <Popover.Target>
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={`TP… take-profit of ${position.symbol}`}
              data-testid={`take-profit-edit-${position.symbol}`}
              onClick={() => {
                setOpened((was) => !was);
              }}
            >
              TP…
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            {opened ? <TakeProfitForm position={position} close={close} /> : null}
          </Popover.Dropdown>
        </Popover>
      </Group>
    </Table.Td>
  );
}
