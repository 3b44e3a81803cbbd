import { useCallback, useEffect, useMemo, useState } from 'react';
import type {
  SettingField,
  SettingsUpdateResult,
  SettingsView,
} from '../../../../../shared/ipc/channels/settings.ts';
import { TradingError } from '../../../../../shared/errors.ts';
import { draftOf, isChanged, wireValueOf, type Draft } from './draft.ts';
import { fieldErrorsOf, loadSettings, saveSettings } from './settings-bridge.ts';

/** One form's state: what main holds, what the trader typed, and main's last answer. */
export interface SettingsFormState {
  readonly fields: readonly SettingField[];
  readonly loading: boolean;
  readonly loadError: TradingError | undefined;
  readonly drafts: Readonly<Record<string, Draft>>;
  /** Main's refusal per field of the last save. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** A failure that names no field (the engine unreachable). */
  readonly saveError: TradingError | undefined;
  readonly saving: boolean;
  /** Main's answer to the last accepted save. */
  readonly saved: SettingsUpdateResult | undefined;
  setDraft(path: string, draft: Draft): void;
  save(): Promise<void>;
  changedCount: number;
}

function asTradingError(error: unknown): TradingError {
  return error instanceof TradingError
    ? error
    : new TradingError('internal-error', error instanceof Error ? error.message : String(error));
}

function draftsFrom(fields: readonly SettingField[]): Record<string, Draft> {
  return Object.fromEntries(fields.map((field) => [field.path, draftOf(field)]));
}

function pick(view: SettingsView | undefined, paths: readonly string[]): SettingField[] {
  const byPath = new Map((view?.fields ?? []).map((field) => [field.path, field]));
  return paths.flatMap((path) => byPath.get(path) ?? []);
}

/** The wire value of every field whose draft differs from what main holds. */
function changesOf(
  fields: readonly SettingField[],
  drafts: Readonly<Record<string, Draft>>,
): Record<string, ReturnType<typeof wireValueOf>> {
  return Object.fromEntries(
    fields
      .filter((f) => isChanged(f, drafts[f.path] ?? draftOf(f)))
      .map((f) => [f.path, wireValueOf(f, drafts[f.path] ?? draftOf(f))]),
  );
}

/** Main's settings, loaded once per `paths`, with the drafts they start from. */
function useLoadedSettings(paths: readonly string[]) {
  const [view, setView] = useState<SettingsView>();
  const [loadError, setLoadError] = useState<TradingError>();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  useEffect(() => {
    loadSettings().then(
      (loaded) => {
        setView(loaded);
        setDrafts(draftsFrom(pick(loaded, paths)));
      },
      (error: unknown) => {
        setLoadError(asTradingError(error));
      },
    );
  }, [paths]);
  return { view, setView, loadError, drafts, setDrafts };
}

/** Loads the settings at `paths` and saves the trader's changes to them, all or none. */
export function useSettingsForm(paths: readonly string[]): SettingsFormState {
  const { view, setView, loadError, drafts, setDrafts } = useLoadedSettings(paths);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<TradingError>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SettingsUpdateResult>();
  const fields = useMemo(() => pick(view, paths), [view, paths]);
  const changes = useMemo(() => changesOf(fields, drafts), [fields, drafts]);
  const setDraft = useCallback(
    (path: string, draft: Draft) => {
      setDrafts((current) => ({ ...current, [path]: draft }));
    },
    [setDrafts],
  );
  const save = useCallback(async () => {
    setSaving(true);
    setSaveError(undefined);
    setSaved(undefined);
    try {
      const result = await saveSettings(changes);
      setView(result.view);
      setDrafts(draftsFrom(pick(result.view, paths)));
      setFieldErrors({});
      setSaved(result);
    } catch (error) {
      const refused = asTradingError(error);
      const perField = fieldErrorsOf(refused);
      setFieldErrors(perField);
      setSaveError(Object.keys(perField).length === 0 ? refused : undefined);
    } finally {
      setSaving(false);
    }
  }, [changes, paths]);
  return {
    fields,
    loading: view === undefined && loadError === undefined,
    loadError,
    drafts,
    fieldErrors,
    saveError,
    saving,
    saved,
    setDraft,
    save,
    changedCount: Object.keys(changes).length,
  };
}
