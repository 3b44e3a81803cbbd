import { Kbd, Modal, Table } from '@mantine/core';
import { hotkeyTable } from './hotkey-table.ts';

/** The `?` overlay: every shortcut, straight from the table the bindings come from. */
export function HotkeysHelp(props: { readonly opened: boolean; readonly onClose: () => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Keyboard shortcuts" size="lg" centered>
      <Table data-testid="hotkeys-help" striped>
        <Table.Tbody>
          {hotkeyTable.map((row) => (
            <Table.Tr key={row.keys} data-testid={`hotkey-row-${row.keys}`}>
              <Table.Td w={110}>
                <Kbd>{row.shown}</Kbd>
              </Table.Td>
              <Table.Td>{row.does}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
