import { Badge, Tooltip } from '@mantine/core';
import type { Position } from '../../../../shared/domain/position.ts';
import type { ProtectionChanged } from '../../stores/trading.types.ts';
import { protectionBadge, protectionLabel } from './protection.ts';

/** PROTECTED (green) or NAKED n s (red, counting): whether exchange-side stops cover the position. */
export function ProtectionBadge(props: {
  readonly position: Position;
  readonly event: ProtectionChanged | undefined;
  readonly now: number;
}): React.JSX.Element {
  const view = protectionBadge(props.position, props.event, props.now);
  return (
    <Tooltip label={`Stops cover ${view.stopLots} of ${view.positionLots} lots`}>
      <Badge
        color={view.status === 'PROTECTED' ? 'teal' : 'red'}
        variant={view.status === 'PROTECTED' ? 'light' : 'filled'}
        data-testid={`protection-badge-${props.position.symbol}`}
        data-status={view.status}
      >
        {protectionLabel(view)}
      </Badge>
    </Tooltip>
  );
}
