import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../bridge/index.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { receiveTrailing } from '../../stores/trading.actions.ts';
import { tradingStore } from '../../stores/trading.store.ts';
import { useTrading } from '../../stores/hooks.ts';
import { toTradingError, type TradingError } from '../../../../shared/errors.ts';
import type { Position } from '../../../../shared/domain/position.ts';
import { checkActivation, checkStopMove, isTrailingDistance } from './stop-move.ts';

type TrailingMode = 'percent' | 'price' | 'atr';

/** Where an engine call from a dialog stands. */
interface EngineAction {
  readonly busy: boolean;
  readonly done: boolean;
  readonly error: TradingError | undefined;
  readonly run: (action: () => Promise<unknown>) => void;
}

/** Runs an engine call, exposing busy, done and the error for the dialog. */
function useEngineAction(): EngineAction {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<TradingError | undefined>(undefined);
  const run = (action: () => Promise<unknown>): void => {
    setBusy(true);
    setDone(false);
    setError(undefined);
    action().then(
      () => {
        setBusy(false);
        setDone(true);
      },
      (caught: unknown) => {
        setBusy(false);
        setError(toTradingError(caught));
      },
    );
  };
  return { busy, done, error, run };
}

function MoveStopForm(props: { readonly position: Position }): React.JSX.Element {
  const { position } = props;
  const [text, setText] = useState(position.protection.stopPrice ?? '');
  const action = useEngineAction();
  const check = checkStopMove(position, text);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput
          label="Stop price"
          value={text}
          data-testid={`move-stop-input-${position.symbol}`}
          error={text.trim() === '' || check.ok ? undefined : check.reason}
          onChange={(e) => {
            setText(e.currentTarget.value);
          }}
        />
        <Button
          disabled={!check.ok}
          loading={action.busy}
          data-testid={`move-stop-confirm-${position.symbol}`}
          onClick={() => {
            if (check.ok)
              action.run(() =>
                call('trading:move-stop', { symbol: position.symbol, stopPrice: check.stopPrice }),
              );
          }}
        >
          Move stop
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        The new stop is placed before the old one is cancelled: the position is never left naked.
      </Text>
      {action.done ? (
        <Text size="xs" c="teal" data-testid={`move-stop-done-${position.symbol}`}>
          The engine moved the stop; the position row shows it once the exchange confirms.
        </Text>
      ) : null}
      {action.error === undefined ? null : <ErrorNotice error={action.error} />}
    </Stack>
  );
}

const modes: { value: TrailingMode; label: string }[] = [
  { value: 'percent', label: '% of best price' },
  { value: 'price', label: 'Price distance' },
  { value: 'atr', label: '× ATR' },
];

function TrailingStateLine(props: { readonly symbol: string }): React.JSX.Element | null {
  const current = useTrading((state) => state.trailing[props.symbol]);
  if (current === undefined) return null;
  return (
    <Text size="xs" c="dimmed" data-testid={`trailing-state-${props.symbol}`}>
      {current.activated ? 'Active' : `Waiting for activation at ${current.spec.activationPrice ?? '?'}`} ·
      stop {current.stopPrice}
      {current.bestPrice === undefined ? '' : ` · best ${current.bestPrice}`}
    </Text>
  );
}

type TrailingRequest = { mode: TrailingMode; distance: string; activationPrice?: string } | null;

function TrailingButtons(props: {
  readonly symbol: string;
  readonly active: boolean;
  readonly busy: boolean;
  readonly request: TrailingRequest | undefined;
  readonly apply: (request: TrailingRequest) => void;
}): React.JSX.Element {
  const { request, apply } = props;
  return (
    <>
      <Button
        disabled={request === undefined}
        loading={props.busy}
        data-testid={`trailing-confirm-${props.symbol}`}
        onClick={() => {
          if (request !== undefined) apply(request);
        }}
      >
        {props.active ? 'Update' : 'Start trailing'}
      </Button>
      {props.active ? (
        <Button
          variant="default"
          loading={props.busy}
          onClick={() => {
            apply(null);
          }}
        >
          Stop trailing
        </Button>
      ) : null}
    </>
  );
}

/** The trailing request the typed fields make, or `undefined` while a field is invalid. */
function trailingRequestOf(
  mode: TrailingMode,
  distance: string,
  activationCheck: ReturnType<typeof checkActivation>,
): TrailingRequest | undefined {
  if (!isTrailingDistance(distance) || !activationCheck.ok) return undefined;
  const { activationPrice } = activationCheck;
  return { mode, distance: distance.trim(), ...(activationPrice === undefined ? {} : { activationPrice }) };
}

/** Asks the engine to set (or clear) trailing and records its answer at once (events follow). */
async function setTrailing(symbol: string, trailing: TrailingRequest): Promise<void> {
  const answer = await call('trading:set-trailing', { symbol, trailing });
  receiveTrailing(tradingStore, symbol, answer.trailing);
}

function ActivationInput(props: {
  readonly symbol: string;
  readonly value: string;
  readonly check: ReturnType<typeof checkActivation>;
  readonly change: (value: string) => void;
}): React.JSX.Element {
  return (
    <TextInput
      label="Activate at"
      placeholder="optional"
      value={props.value}
      w={130}
      data-testid={`trailing-activation-${props.symbol}`}
      error={props.check.ok ? undefined : props.check.reason}
      onChange={(e) => {
        props.change(e.currentTarget.value);
      }}
    />
  );
}

function TrailingForm(props: { readonly position: Position }): React.JSX.Element {
  const { symbol } = props.position;
  const current = useTrading((state) => state.trailing[symbol]);
  const [mode, setMode] = useState<TrailingMode>(current?.spec.mode ?? 'percent');
  const [distance, setDistance] = useState(current?.spec.distance ?? '');
  const [activation, setActivation] = useState(current?.spec.activationPrice ?? '');
  const activationCheck = checkActivation(props.position, activation);
  const action = useEngineAction();
  const apply = (trailing: TrailingRequest): void => {
    action.run(() => setTrailing(symbol, trailing));
  };
  const request = trailingRequestOf(mode, distance, activationCheck);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label="Trailing"
          data={modes}
          value={mode}
          allowDeselect={false}
          w={170}
          onChange={(value) => {
            if (value === 'percent' || value === 'price' || value === 'atr') setMode(value);
          }}
        />
        <TextInput
          label="Distance"
          value={distance}
          w={110}
          data-testid={`trailing-distance-${symbol}`}
          onChange={(e) => {
            setDistance(e.currentTarget.value);
          }}
        />
        <ActivationInput symbol={symbol} value={activation} check={activationCheck} change={setActivation} />
        <TrailingButtons
          symbol={symbol}
          active={current !== undefined}
          busy={action.busy}
          request={request}
          apply={apply}
        />
      </Group>
      <TrailingStateLine symbol={symbol} />
      {action.error === undefined ? null : <ErrorNotice error={action.error} />}
    </Stack>
  );
}

/** "Stop…" on a position row: move the exchange stop or set a trailing stop. */
export function ProtectionControls(props: { readonly position: Position }): React.JSX.Element {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        data-testid={`protect-${props.position.symbol}`}
        onClick={() => {
          setOpened(true);
        }}
      >
        Stop…
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          setOpened(false);
        }}
        title={`Protection of ${props.position.symbol}`}
        centered
        size="lg"
      >
        <Stack>
          <MoveStopForm position={props.position} />
          <TrailingForm position={props.position} />
        </Stack>
      </Modal>
    </>
  );
}
