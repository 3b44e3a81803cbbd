import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../../shared/errors.ts';
import type { Logger } from '../observability/logger.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { describeIssue, mergeOverrides, removePath } from './overrides.ts';
import { configSchema } from './schema.ts';
import type { Config } from './schema.ts';

/** Result of reading the user's settings file at start-up: a config and what was wrong, never a throw. */
export interface ConfigLoadReport {
  readonly config: Config;
  readonly problems: readonly ConfigError[];
}

/** The user's overrides on top of the defaults, persisted in the user-data folder. */
export interface ConfigStore {
  /** Reads the file. A corrupt file is set aside and the app runs on defaults; invalid fields are dropped. */
  load(): ConfigLoadReport;
  /** The configuration in force (the last valid one). */
  current(): Config;
  /**
   * Applies a partial change. An invalid value throws ConfigError naming the field, the value and
   * what is allowed; the config in force and the file stay as they were. Objects in the patch
   * merge into the saved ones; a dotted path in `replacing` is cleared first, so a map saved
   * there (per-contract limits) is taken whole and a key left out of it is removed.
   */
  update(patch: Record<string, unknown>, options?: { readonly replacing?: readonly string[] }): Config;
  /** Called after every successful update. */
  onChange(listener: (config: Config) => void): () => void;
}

type Overrides = Record<string, unknown>;

function isRecord(value: unknown): value is Overrides {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses overrides, dropping each invalid field (and reporting it) until what is left is valid,
 * so one typo in a hand-edited file does not throw away every other setting.
 */
function parseKeepingValid(raw: Overrides): { config: Config; kept: Overrides; problems: ConfigError[] } {
  let kept = structuredClone(raw);
  const problems: ConfigError[] = [];
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const parsed = configSchema.safeParse(kept);
    if (parsed.success) return { config: parsed.data, kept, problems };
    for (const issue of parsed.error.issues) {
      problems.push(describeIssue(issue, kept));
      const paths =
        issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
      for (const path of paths) kept = removePath(kept, path);
    }
  }
  return { config: configSchema.parse({}), kept: {}, problems };
}

/** Reads the overrides file; a missing file is empty, a corrupt one is set aside and reported. */
function readOverridesFile(filePath: string, logger: Logger): { raw: Overrides; problems: ConfigError[] } {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return { raw: {}, problems: [] }; // no file yet: defaults
  }
  try {
    const raw: unknown = JSON.parse(text);
    if (isRecord(raw)) return { raw, problems: [] };
    throw new SyntaxError('the top level is not an object');
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    const backup = `${filePath}.corrupt-${Date.now()}`;
    renameSync(filePath, backup); // keep the user's text: nothing is lost, only set aside
    logger.error('config-file-corrupt', { reason, backup });
    const problem = new ConfigError(
      'config-corrupt',
      `The settings file ${filePath} could not be read (${reason}). ` +
        `Bulwark runs on its defaults; your file was kept as ${backup}.`,
      { details: { filePath, backup } },
    );
    return { raw: {}, problems: [problem] };
  }
}

/** Builds the store over `filePath` (e.g. `<userData>/settings.json`). */
export function createConfigStore(options: { filePath: string; logger: Logger }): ConfigStore {
  const { filePath, logger } = options;
  let overrides: Overrides = {};
  let config = configSchema.parse({});
  const listeners = new Set<(config: Config) => void>();

  return {
    load() {
      const { raw, problems: readProblems } = readOverridesFile(filePath, logger);
      const parsed = parseKeepingValid(raw);
      overrides = parsed.kept;
      config = parsed.config;
      for (const problem of parsed.problems) logger.warn('config-value-invalid', { ...problem.details });
      return { config, problems: [...readProblems, ...parsed.problems] };
    },
    current: () => config,
    update(patch, options = {}) {
      const base = (options.replacing ?? []).reduce(
        (kept, path) => removePath(kept, path.split('.')),
        overrides,
      );
      const next = mergeOverrides(base, patch);
      const parsed = configSchema.safeParse(next);
      if (!parsed.success) {
        const [first] = parsed.error.issues;
        throw first === undefined
          ? new ConfigError('config-invalid', 'Invalid settings.')
          : describeIssue(first, next);
      }
      mkdirSync(dirname(filePath), { recursive: true });
      writeFileAtomic(filePath, `${JSON.stringify(next, null, 2)}\n`);
      overrides = next;
      config = parsed.data;
      for (const listener of listeners) listener(config);
      return config;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
