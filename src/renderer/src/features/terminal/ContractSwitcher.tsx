import { ActionIcon, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useMarket } from '../../stores/hooks.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';

/** Select groups: the trader's starred contracts first, then every other one, each sorted. */
export function switcherGroups(
  symbols: readonly string[],
  favourites: readonly string[],
): { group: string; items: string[] }[] {
  const known = new Set(symbols);
  const starred = favourites.filter((s) => known.has(s)).sort();
  const others = symbols.filter((s) => !favourites.includes(s)).sort();
  return [
    ...(starred.length > 0 ? [{ group: 'Favourites', items: starred }] : []),
    { group: 'All contracts', items: others },
  ];
}

function FavouriteStar(props: { readonly symbol: string }): React.JSX.Element {
  const starred = useSettingsStore((state) => state.favourites.includes(props.symbol));
  const toggle = useSettingsStore((state) => state.toggleFavourite);
  const label = starred ? `Remove ${props.symbol} from favourites` : `Add ${props.symbol} to favourites`;
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color={starred ? 'yellow' : 'gray'}
        aria-label={label}
        aria-pressed={starred}
        data-testid="favourite-toggle"
        onClick={() => {
          toggle(props.symbol);
        }}
      >
        {starred ? '★' : '☆'}
      </ActionIcon>
    </Tooltip>
  );
}

/**
 * The contract switcher with search: typing filters the engine's contract list, starred ones come
 * first. Until the list arrives the symbol can be typed, so a slow start never blocks the ticket.
 */
export function ContractSwitcher(): React.JSX.Element {
  const symbol = useSettingsStore((state) => state.symbol);
  const setSymbol = useSettingsStore((state) => state.setSymbol);
  const favourites = useSettingsStore((state) => state.favourites);
  const contracts = useMarket((state) => state.contracts);
  const groups = useMemo(() => switcherGroups(Object.keys(contracts), favourites), [contracts, favourites]);
  const field =
    Object.keys(contracts).length === 0 ? (
      <TextInput
        size="sm"
        w={150}
        aria-label="Contract"
        data-testid="contract-switcher"
        value={symbol}
        onChange={(e) => {
          setSymbol(e.currentTarget.value.toUpperCase());
        }}
      />
    ) : (
      <Select
        size="sm"
        w={170}
        aria-label="Contract"
        data-testid="contract-switcher"
        searchable
        allowDeselect={false}
        nothingFoundMessage="No contract matches"
        data={groups}
        value={symbol}
        onChange={(value) => {
          if (value !== null) setSymbol(value);
        }}
      />
    );
  return (
    <Group gap={2} wrap="nowrap">
      {field}
      <FavouriteStar symbol={symbol} />
    </Group>
  );
}
