import { Table } from '@mantine/core';
import type { TrackTrade } from '../../../../shared/ipc/channels/trackrecord.ts';
import { costUsdt, holdText, ratioText, signedUsdt, utcMinute } from './track-format.ts';

/** How many trades the table shows (newest first); the CSV has them all. */
export const shownTrades = 200;

/** Closed trades, newest first. */
export function TradesTable(props: { readonly trades: readonly TrackTrade[] }): React.JSX.Element {
  const rows = props.trades.slice(-shownTrades).reverse();
  return (
    <Table striped withTableBorder data-testid="track-trades">
      <Table.Thead>
        <Table.Tr>
          {[
            'Closed (UTC)',
            'Symbol',
            'Side',
            'Lots',
            'Entry',
            'Exit',
            'Stop',
            'Fees',
            'Funding',
            'Net PnL',
            'R',
            'Hold',
          ].map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((t) => (
          <Table.Tr key={`${t.symbol}-${t.openedAt}-${t.closedAt}`} data-testid="track-trade-row">
            <Table.Td>{utcMinute(t.closedAt)}</Table.Td>
            <Table.Td>{t.symbol}</Table.Td>
            <Table.Td>{t.side}</Table.Td>
            <Table.Td>{t.maxLots}</Table.Td>
            <Table.Td>{t.entryPrice}</Table.Td>
            <Table.Td>{t.exitPrice}</Table.Td>
            <Table.Td>{t.stopPrice ?? '—'}</Table.Td>
            <Table.Td>{costUsdt(t.feesUsdt)}</Table.Td>
            <Table.Td>{signedUsdt(t.fundingUsdt)}</Table.Td>
            <Table.Td c={Number(t.netPnlUsdt) < 0 ? 'red' : 'teal'}>{signedUsdt(t.netPnlUsdt)}</Table.Td>
            <Table.Td>{ratioText(t.rMultiple, 2, 'R')}</Table.Td>
            <Table.Td>{holdText(t.holdMs)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
