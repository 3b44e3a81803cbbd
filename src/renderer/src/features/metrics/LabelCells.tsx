import { Table } from '@mantine/core';

/**
 * A row's label values: the first is the row's header (a screen reader announces it with each
 * figure), the rest plain cells.
 */
export function LabelCells(props: { readonly labels: readonly string[] }): React.JSX.Element {
  return (
    <>
      {props.labels.map((label, index) =>
        index === 0 ? (
          <Table.Th key={index} scope="row" fw={400}>
            {label}
          </Table.Th>
        ) : (
          <Table.Td key={index}>{label}</Table.Td>
        ),
      )}
    </>
  );
}
