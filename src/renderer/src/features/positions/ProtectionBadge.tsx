import { Badge, Tooltip } from '@mantine/core';
import type { Position } from '../../../../shared/domain/position.ts';
import type { ProtectionChanged } from '../../stores/trading.types.ts';
import { protectionBadge, protectionLabel } from './protection.ts';
import { wholeWordBadge } from '../../components/badge-style.ts';

/**
 * PROTECTED (green), NAKED n s (red, counting) or UNKNOWN (amber: the stops could not be read):
 * whether exchange-side loss-side stops cover the position.
 */
export function ProtectionBadge(props: {
  readonly position: Position;
  readonly event: ProtectionChanged | undefined;
  readonly now: number;
}): React.JSX.Element {
  const view = protectionBadge(props.position, props.event, props.now);
  return (
    <Tooltip
      label={
        view.status === 'UNKNOWN'
          ? 'The exchange stops could not be read; the engine keeps asking'
          : `Stops cover ${view.stopLots} of ${view.positionLots} lots`
      }
    >
      <Badge
        color={view.status === 'PROTECTED' ? 'teal' : view.status === 'NAKED' ? 'red' : 'yellow'}
        variant={view.status === 'PROTECTED' ? 'light' : 'filled'}
        data-testid={`protection-badge-${props.position.symbol}`}
        data-status={view.status}
        style={wholeWordBadge}
      >
        {protectionLabel(view)}
      </Badge>
    </Tooltip>
  );
}
