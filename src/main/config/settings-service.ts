/**
 * The Settings pages' door to the settings file: reads the editable settings with what each
 * allows, and saves a change only when every value passes the same schema the engine runs on.
 * A refused change names each field, the value given and what is allowed, and writes nothing.
 */
import { ConfigError } from '../../shared/errors.ts';
import type {
  SettingIssue,
  SettingRange,
  SettingsUpdateResult,
  SettingsView,
} from '../../shared/ipc/channels/settings.ts';
import { diffConfig } from './config-diff.ts';
import { appliesAt, editableSetting, editableSettings } from './editable-settings.ts';
import { defaultConfig, type Config } from './schema.ts';
import { settingRange, settingSchema } from './setting-schema.ts';
import type { ConfigStore } from './store.ts';

/** Reads and changes the editable settings. */
export interface SettingsService {
  /** Every editable setting: value in force, default, when a change applies, what is allowed. */
  view(): SettingsView;
  /**
   * Saves `changes` (path → value) atomically, all or none.
   * @throws ConfigError `settings-invalid` with `details.issues` (one per refused field); nothing is saved.
   */
  update(changes: Readonly<Record<string, unknown>>): SettingsUpdateResult;
}

function valueAt(config: unknown, path: string): unknown {
  let node = config;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function nestedPatch(changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop() ?? path;
    let node = patch;
    for (const key of keys) {
      const child = node[key];
      node = (node[key] = typeof child === 'object' && child !== null ? child : {}) as Record<
        string,
        unknown
      >;
    }
    node[last] = value;
  }
  return patch;
}

/** "from 1 to 125", "above 0", "one of …": the range in a trader's words. */
export function describeRange(range: SettingRange): string {
  const { minimum: min, maximum: max, exclusiveMinimum: above } = range;
  const number = range.kind === 'integer' ? 'a whole number' : 'a number';
  if (range.kind === 'boolean') return 'on or off';
  if (range.kind === 'decimal') return 'a decimal number of 0 or more, written like 500 or 250.5';
  if (range.kind === 'choice')
    return range.choices === undefined ? 'text' : `one of ${range.choices.join(', ')}`;
  if (range.kind === 'list') return 'a list as the page builds it';
  if (range.kind === 'map') return 'a table as the page builds it';
  const low = min === undefined ? '' : above === true ? `above ${String(min)}` : `at least ${String(min)}`;
  const high = max === undefined ? '' : `at most ${String(max)}`;
  if (low !== '' && high !== '')
    return above === true
      ? `${number} ${low} and ${high}`
      : `${number} from ${String(min)} to ${String(max)}`;
  return `${number}${low === '' ? '' : ` ${low}`}${high === '' ? '' : ` ${high}`}`;
}

function issue(path: string, value: unknown, problem: string, allowed: string): SettingIssue {
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  return {
    path,
    value,
    allowed,
    message: `"${path}" = ${shown} is not allowed: ${problem}. Allowed: ${allowed}. Nothing was saved.`,
  };
}

/** The problem with one value, or undefined when it is allowed. */
function checkValue(path: string, value: unknown): SettingIssue | undefined {
  const schema = editableSetting(path) === undefined ? undefined : settingSchema(path);
  if (schema === undefined)
    return issue(
      path,
      value,
      'this setting cannot be changed from Settings',
      'one of the settings the Settings pages show',
    );
  const allowed = describeRange(settingRange(schema));
  if (value === undefined || value === null) return issue(path, value, 'a value is required', allowed);
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  const [first] = parsed.error.issues;
  const where =
    first === undefined || first.path.length === 0 ? '' : ` (at ${first.path.map(String).join('.')})`;
  return issue(path, value, `${first?.message ?? 'invalid value'}${where}`, allowed);
}

function refuse(issues: readonly SettingIssue[]): never {
  const [first] = issues;
  const more =
    issues.length > 1
      ? ` (${String(issues.length - 1)} more field${issues.length > 2 ? 's' : ''} refused too)`
      : '';
  throw new ConfigError('settings-invalid', `Setting ${first?.message ?? 'refused.'}${more}`, {
    details: { issues, field: first?.path ?? '', allowed: first?.allowed ?? '' },
  });
}

function buildView(config: Config): SettingsView {
  const defaults = defaultConfig();
  return {
    fields: editableSettings.flatMap(({ path, applies }) => {
      const schema = settingSchema(path);
      if (schema === undefined) return [];
      return [
        {
          path,
          applies,
          value: valueAt(config, path),
          defaultValue: valueAt(defaults, path),
          range: settingRange(schema),
        },
      ];
    }),
  };
}

/** Maps are saved whole (a contract taken out of the per-contract table is removed). */
function replacedPaths(changes: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(changes).filter((path) => {
    const schema = settingSchema(path);
    return schema !== undefined && settingRange(schema).kind === 'map';
  });
}

function saveChecked(
  store: Pick<ConfigStore, 'current' | 'update'>,
  changes: Readonly<Record<string, unknown>>,
): Config {
  try {
    return store.update(nestedPatch(changes), { replacing: replacedPaths(changes) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const field = typeof error.details.field === 'string' ? error.details.field : '(settings)';
    return refuse([
      issue(
        field,
        error.details.value,
        error.message,
        typeof error.details.allowed === 'string' ? error.details.allowed : 'a valid value',
      ),
    ]);
  }
}

/** Builds the service over the settings file. */
export function createSettingsService(deps: {
  store: Pick<ConfigStore, 'current' | 'update'>;
}): SettingsService {
  return {
    view: () => buildView(deps.store.current()),
    update(changes) {
      const issues = Object.entries(changes).flatMap(([path, value]) => checkValue(path, value) ?? []);
      if (issues.length > 0) refuse(issues);
      const before = deps.store.current();
      const unchanged = Object.entries(changes).every(
        ([path, value]) => JSON.stringify(valueAt(before, path)) === JSON.stringify(value),
      );
      const after = unchanged ? before : saveChecked(deps.store, changes);
      const saved = diffConfig(before, after).map((change) => ({
        ...change,
        applies: appliesAt(change.path),
      }));
      return {
        changes: saved,
        restartNeeded: saved.some((change) => change.applies === 'restart'),
        view: buildView(after),
      };
    },
  };
}
