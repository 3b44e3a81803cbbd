import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, subscribe } from '../../bridge/index.ts';
import { toTradingError } from '../../../../shared/errors.ts';
import type { MarginModeView } from '../../../../shared/ipc/channels/trading.ts';
import { isPerpetualSymbol } from '../../domain/wire-patterns.ts';

type MarginModeLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly view: MarginModeView }
  | { readonly kind: 'unavailable'; readonly message: string };

/** Asks again this long after the symbol's position changed (KuCoin allows a change only while flat). */
const refetchAfterMs = 500;

/** The symbol's margin mode at the exchange, read again when its position changes. */
function useMarginMode(symbol: string): readonly [MarginModeLoad, (next: MarginModeLoad) => void] {
  const [load, setLoad] = useState<MarginModeLoad>({ kind: 'loading' });
  useEffect(() => {
    // A symbol still being typed is not asked about (the router would refuse it).
    if (!isPerpetualSymbol(symbol)) return undefined;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void => {
      call('trading:get-margin-mode', { symbol }).then(
        (view) => {
          if (current) setLoad({ kind: 'ready', view });
        },
        (error: unknown) => {
          if (current) setLoad({ kind: 'unavailable', message: toTradingError(error).message });
        },
      );
    };
    let unsubscribe = (): void => undefined;
    try {
      ask();
      unsubscribe = subscribe('trading:position-updated', (update) => {
        if (update.symbol !== symbol) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(ask, refetchAfterMs);
      });
    } catch (error) {
      setLoad({ kind: 'unavailable', message: toTradingError(error).message });
    }
    return () => {
      current = false;
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    };
  }, [symbol]);
  return [load, setLoad];
}

function caption(load: MarginModeLoad, failure: string | undefined): string | undefined {
  if (failure !== undefined) return failure;
  if (load.kind === 'unavailable') return `Margin mode unknown: ${load.message}`;
  if (load.kind === 'ready' && !load.view.changeable) return load.view.reason ?? 'It cannot change now.';
  return undefined;
}

/**
 * The contract's margin mode at the exchange (isolated or cross), changeable here while the
 * contract is flat; otherwise it says why not. Every order the engine sends carries this mode.
 */
export function MarginModeField(props: { readonly symbol: string }): React.JSX.Element {
  const [load, setLoad] = useMarginMode(props.symbol);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const change = (marginMode: 'ISOLATED' | 'CROSS'): void => {
    setBusy(true);
    setFailure(undefined);
    call('trading:set-margin-mode', { symbol: props.symbol, marginMode }).then(
      (view) => {
        setBusy(false);
        setLoad({ kind: 'ready', view });
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(`Not changed: ${toTradingError(error).message}`);
      },
    );
  };
  const note = caption(load, failure);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        Margin mode
      </Text>
      <SegmentedControl
        size="xs"
        aria-label="Margin mode"
        data-testid="ticket-margin-mode"
        value={load.kind === 'ready' ? load.view.marginMode : ''}
        disabled={busy || load.kind !== 'ready' || !load.view.changeable}
        onChange={(value) => {
          change(value === 'CROSS' ? 'CROSS' : 'ISOLATED');
        }}
        data={[
          { label: 'Isolated', value: 'ISOLATED' },
          { label: 'Cross', value: 'CROSS' },
        ]}
      />
      {note === undefined ? null : (
        <Text size="xs" c={failure === undefined ? 'dimmed' : 'red'} data-testid="ticket-margin-mode-note">
          {note}
        </Text>
      )}
    </Stack>
  );
}
