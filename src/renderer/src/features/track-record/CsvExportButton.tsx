import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../bridge/index.ts';
import { toTradingError } from '../../../../shared/errors.ts';
import type { TradingMode } from '../../../../shared/ipc/channels/app.ts';

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

/** Asks main to write the CSV (main chooses the file under the user-data exports folder) and says where. */
export function CsvExportButton(props: { readonly mode: TradingMode }): React.JSX.Element {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const exportCsv = (): void => {
    setState({ kind: 'busy' });
    call('trackrecord:export-csv', { mode: props.mode }).then(
      (written) => {
        setState({ kind: 'done', text: `Saved ${written.trades} trades to ${written.filePath}` });
      },
      (error: unknown) => {
        setState({ kind: 'failed', text: `The CSV was not written: ${toTradingError(error).message}` });
      },
    );
  };
  return (
    <Group gap="sm">
      <Button
        size="xs"
        variant="light"
        loading={state.kind === 'busy'}
        onClick={exportCsv}
        data-testid="track-export-csv"
      >
        Export CSV
      </Button>
      {state.kind === 'done' || state.kind === 'failed' ? (
        <Text size="sm" c={state.kind === 'failed' ? 'red' : 'dimmed'} data-testid="track-export-result">
          {state.text}
        </Text>
      ) : null}
    </Group>
  );
}
