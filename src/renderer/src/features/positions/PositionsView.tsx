import { Badge, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useNow } from '../../components/useNow.ts';
import { useMarket, useTrading } from '../../stores/hooks.ts';
import type { Position } from '../../../../shared/domain/position.ts';
import type { LiquidationWarning, ProtectionChanged } from '../../stores/trading.types.ts';
import { trailingSummary } from '../../stores/trading.trailing.ts';
import { CloseActions } from './CloseActions.tsx';
import { ProtectionBadge } from './ProtectionBadge.tsx';
import { ProtectionControls } from './ProtectionControls.tsx';
import { TakeProfitCell } from './TakeProfitCell.tsx';
import { liquidationDistance, priceText, roeText, stopText, usdtText } from './position-numbers.ts';
import { wholeWordBadge } from '../../components/badge-style.ts';

function LiquidationCell(props: {
  readonly position: Position;
  readonly warning: LiquidationWarning | undefined;
}) {
  const { position, warning } = props;
  const distance = liquidationDistance(
    position.distanceToLiquidationPct,
    position.distanceToLiquidationAtr,
    warning,
  );
  return (
    <Text
      size="sm"
      ff="monospace"
      c={distance.color}
      data-testid={`liq-distance-${position.symbol}`}
      data-level={distance.level}
    >
      {distance.text}
      {distance.level === 'unknown' ? null : (
        <Badge
          ml={6}
          size="xs"
          color={distance.color}
          variant={distance.level === 'ok' ? 'light' : 'filled'}
          style={wholeWordBadge}
        >
          {distance.label}
        </Badge>
      )}
    </Text>
  );
}

/** The trailing stop's level, from `trading:get-trailing` and `trading:trailing-updated` (ADR 0510). */
function TrailingCell(props: { readonly symbol: string }): React.JSX.Element {
  const trailing = useTrading((state) => state.trailing[props.symbol]);
  return (
    <Table.Td ff="monospace" data-testid={`trailing-cell-${props.symbol}`}>
      {trailing !== undefined && !trailing.activated ? (
        <Badge mr={6} size="xs" color="gray" variant="light" style={wholeWordBadge}>
          waiting
        </Badge>
      ) : null}
      {trailingSummary(trailing)}
    </Table.Td>
  );
}

/** Unrealised PnL (to the cent) and ROE, realised PnL and margin; "unknown" when the exchange did not say. */
function MoneyCells(props: { readonly position: Position }): React.JSX.Element {
  const p = props.position;
  const pnlColor = p.unrealisedPnl === null ? 'dimmed' : p.unrealisedPnl.startsWith('-') ? 'red' : 'teal';
  return (
    <>
      <Table.Td ff="monospace" c={pnlColor} data-testid={`upnl-${p.symbol}`}>
        {usdtText(p.unrealisedPnl)}
      </Table.Td>
      <Table.Td ff="monospace">{roeText(p.unrealisedPnl, p.marginUsdt)}</Table.Td>
      <Table.Td ff="monospace">{usdtText(p.realisedPnl)}</Table.Td>
      <Table.Td ff="monospace">{usdtText(p.marginUsdt)}</Table.Td>
    </>
  );
}

function PositionRow(props: {
  readonly position: Position;
  readonly protection: ProtectionChanged | undefined;
  readonly warning: LiquidationWarning | undefined;
  readonly now: number;
}): React.JSX.Element {
  const p = props.position;
  const tick = useMarket((state) => state.contracts[p.symbol]?.tickSize);
  return (
    <Table.Tr data-testid={`position-row-${p.symbol}`}>
      <Table.Td>{p.symbol}</Table.Td>
      <Table.Td>
        <Badge color={p.side === 'long' ? 'teal' : 'red'} variant="light" style={wholeWordBadge}>
          {p.side.toUpperCase()}
        </Badge>
      </Table.Td>
      <Table.Td ff="monospace">{p.sizeLots}</Table.Td>
      {/* Protection first after the size: on a narrow dock it is the column that must show. */}
      <Table.Td>
        <ProtectionBadge position={p} event={props.protection} now={props.now} />
      </Table.Td>
      <Table.Td ff="monospace">{stopText(p.protection.stopPrice, tick)}</Table.Td>
      <TakeProfitCell position={p} />
      <Table.Td ff="monospace">{priceText(p.avgEntryPrice, tick)}</Table.Td>
      <Table.Td ff="monospace">{priceText(p.markPrice, tick)}</Table.Td>
      <Table.Td ff="monospace">{priceText(p.liquidationPrice, tick)}</Table.Td>
      <Table.Td>
        <LiquidationCell position={p} warning={props.warning} />
      </Table.Td>
      <MoneyCells position={p} />
      <TrailingCell symbol={p.symbol} />
      <Table.Td>
        <ProtectionControls position={p} />
      </Table.Td>
      <Table.Td>
        <CloseActions position={p} />
      </Table.Td>
    </Table.Tr>
  );
}

const headers = [
  'Symbol',
  'Side',
  'Lots',
  'Protection',
  'Stop',
  'TP',
  'Entry',
  'Mark',
  'Liquidation',
  'To liquidation',
  'uPnL (USDT)',
  'ROE',
  'Realised (USDT)',
  'Margin (USDT)',
  'Trailing',
  '',
  '',
];

/** Open positions with their protection badge and distance to liquidation. */
export function PositionsView(): React.JSX.Element {
  const positionsBySymbol = useTrading((state) => state.positions);
  const load = useTrading((state) => state.positionsLoad);
  const protection = useTrading((state) => state.protection);
  const warnings = useTrading((state) => state.liquidationWarnings);
  const now = useNow(1000);
  const positions = useMemo(
    () => Object.values(positionsBySymbol).sort((a, b) => a.symbol.localeCompare(b.symbol)),
    [positionsBySymbol],
  );
  if (load.kind !== 'ready' && positions.length === 0) return <LoadState status={load} what="positions" />;
  if (positions.length === 0) return <EmptyState title="No open positions" />;
  return (
    <Stack data-testid="positions-table">
      {/* Wider than a narrow dock: it scrolls sideways instead of cutting columns off unseen. */}
      <Table.ScrollContainer minWidth={1200} type="native">
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {positions.map((p) => (
              <PositionRow
                key={p.symbol}
                position={p}
                protection={protection[p.symbol]}
                warning={warnings[p.symbol]}
                now={now}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
