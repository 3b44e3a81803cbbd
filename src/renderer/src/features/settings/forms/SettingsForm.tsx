import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { SettingsUpdateResult } from '../../../../../shared/ipc/channels/settings.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { labelOf } from './setting-labels.ts';
import { SettingInput } from './SettingInput.tsx';
import { useSettingsForm, type SettingsFormState } from './useSettingsForm.ts';

function SavedNotice(props: {
  readonly result: SettingsUpdateResult;
  readonly testId: string;
}): React.JSX.Element {
  const { changes } = props.result;
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={props.testId}>
        Nothing changed.
      </Text>
    );
  const later = changes
    .filter((change) => change.applies === 'restart')
    .map((change) => labelOf(change.path).label);
  return (
    <Alert
      color={later.length > 0 ? 'yellow' : 'teal'}
      variant="light"
      data-testid={props.testId}
      data-restart={later.length > 0}
    >
      {`Saved ${String(changes.length)} setting${changes.length === 1 ? '' : 's'} (journaled). `}
      {later.length > 0 ? `Restart Bulwark for these to take effect: ${later.join(', ')}.` : 'In force now.'}
    </Alert>
  );
}

/** The outcome of the last save: fields refused, a failure naming no field, or what was saved. */
function SaveOutcome(props: {
  readonly form: SettingsFormState;
  readonly formId: string;
}): React.JSX.Element {
  return (
    <>
      {Object.keys(props.form.fieldErrors).length > 0 ? (
        <Alert color="red" variant="light" data-testid={`settings-refused-${props.formId}`}>
          Nothing was saved: correct the field{Object.keys(props.form.fieldErrors).length === 1 ? '' : 's'}{' '}
          marked in red.
        </Alert>
      ) : null}
      {props.form.saveError === undefined ? null : (
        <ErrorNotice error={props.form.saveError} testId={`settings-save-error-${props.formId}`} />
      )}
      {props.form.saved === undefined ? null : (
        <SavedNotice result={props.form.saved} testId={`settings-saved-${props.formId}`} />
      )}
    </>
  );
}

/**
 * A group of settings saved together: each value is checked by main with the schema the engine
 * runs on; a refused one shows main's message under its field and nothing of the group is saved.
 */
export function SettingsForm(props: {
  readonly id: string;
  readonly title: string;
  readonly paths: readonly string[];
  readonly intro?: string;
}): React.JSX.Element {
  const form = useSettingsForm(props.paths);
  if (form.loadError !== undefined)
    return <ErrorNotice error={form.loadError} testId={`settings-load-error-${props.id}`} />;
  if (form.loading) return <Loader size="sm" aria-label={`Loading ${props.title}`} />;
  return (
    <Stack gap="sm" data-testid={`settings-form-${props.id}`}>
      <Title order={4}>{props.title}</Title>
      {props.intro === undefined ? null : (
        <Text size="sm" c="dimmed">
          {props.intro}
        </Text>
      )}
      {form.fields.map((field) => (
        <SettingInput
          key={field.path}
          field={field}
          draft={form.drafts[field.path] ?? ''}
          error={form.fieldErrors[field.path]}
          onChange={(draft) => {
            form.setDraft(field.path, draft);
          }}
        />
      ))}
      <SaveOutcome form={form} formId={props.id} />
      <Group>
        <Button
          onClick={() => {
            void form.save();
          }}
          loading={form.saving}
          disabled={form.changedCount === 0}
          data-testid={`settings-save-${props.id}`}
        >
          Save {props.title.toLowerCase()}
        </Button>
      </Group>
    </Stack>
  );
}
