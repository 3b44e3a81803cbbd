import { Select, Switch, TextInput } from '@mantine/core';
import type { SettingField } from '../../../../../shared/ipc/channels/settings.ts';
import type { Draft } from './draft.ts';
import { labelOf } from './setting-labels.ts';
import { rangeHint } from './settings-bridge.ts';

/** Test id of a setting's input (dots become dashes so it reads in a selector). */
export function settingTestId(path: string): string {
  return `setting-${path.replaceAll('.', '-')}`;
}

function description(field: SettingField): string {
  const { help, unit } = labelOf(field.path);
  const hint = rangeHint(field.range);
  const allowed = hint === '' ? '' : `Allowed: ${hint}${unit === undefined ? '' : ` ${unit}`}.`;
  const shownDefault =
    typeof field.defaultValue === 'boolean'
      ? field.defaultValue
        ? 'on'
        : 'off'
      : String(field.defaultValue);
  const applies = field.applies === 'restart' ? 'Takes effect after a restart.' : 'Applies at once.';
  return [help, allowed, `Default ${shownDefault}.`, applies]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
}

/** The label (with its unit), description, error and test id every kind of input shows. */
function sharedPropsOf(field: SettingField, error: string | undefined) {
  const { label, unit } = labelOf(field.path);
  return {
    label: unit === undefined ? label : `${label} (${unit})`,
    description: description(field),
    error,
    'data-testid': settingTestId(field.path),
  };
}

/** One setting: its label and unit, what is allowed, and main's refusal under it. */
export function SettingInput(props: {
  readonly field: SettingField;
  readonly draft: Draft;
  readonly error: string | undefined;
  readonly onChange: (draft: Draft) => void;
}): React.JSX.Element {
  const { field, draft, error } = props;
  const testId = settingTestId(field.path);
  const shared = sharedPropsOf(field, error);
  if (field.range.kind === 'boolean') {
    return (
      <Switch
        {...shared}
        checked={draft === true}
        onChange={(event) => {
          props.onChange(event.currentTarget.checked);
        }}
      />
    );
  }
  if (field.range.kind === 'choice' && field.range.choices !== undefined) {
    return (
      <Select
        {...shared}
        data={field.range.choices}
        value={String(draft)}
        allowDeselect={false}
        onChange={(value) => {
          if (value !== null) props.onChange(value);
        }}
      />
    );
  }
  return (
    <TextInput
      {...shared}
      inputMode={field.range.kind === 'choice' ? 'text' : 'decimal'}
      value={String(draft)}
      onChange={(event) => {
        props.onChange(event.currentTarget.value);
      }}
      errorProps={{ 'data-testid': `${testId}-error` }}
    />
  );
}
