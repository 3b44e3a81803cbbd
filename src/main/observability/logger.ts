import logFactory from 'electron-log/node';
import { redactText, redactValue } from './redact.ts';

/** Structured fields of a log event. Secrets are redacted by the logger, not by the caller. */
export type LogFields = Readonly<Record<string, unknown>>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * The product's logger: one JSON line per event, `event` in kebab case (`order-submitted`),
 * fields beside it. Every line passes through redaction before it is written anywhere.
 */
export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `bindings` (e.g. `{ component: 'venue' }`) to every line. */
  child(bindings: LogFields): Logger;
}

/** Where and how much to log. */
export interface LoggerOptions {
  /** Absolute path of the log file; rotated to `<name>.old.log` when it reaches `maxSizeBytes`. */
  readonly filePath: string;
  readonly maxSizeBytes: number;
  readonly level?: LogLevel;
  /** Also print lines to stderr (the CLI venue and development). */
  readonly console?: boolean;
}

/** Builds the JSON line for one event; exported so tests can check the exact shape. */
export function formatLogLine(level: LogLevel, event: string, fields: LogFields, at: number): string {
  const body = redactValue({ ...fields }) as Record<string, unknown>;
  const line = JSON.stringify({ t: new Date(at).toISOString(), level, event: redactText(event), ...body });
  // One event, one line: JSON.stringify already escapes newlines inside strings.
  return line;
}

function bind(
  write: (level: LogLevel, event: string, fields: LogFields) => void,
  bindings: LogFields,
): Logger {
  const emit =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      write(level, event, { ...bindings, ...fields });
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (more) => bind(write, { ...bindings, ...more }),
  };
}

let instanceCount = 0;

const levelRank: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A file logger backed by electron-log's Node entry (works in Electron main and in plain Node). */
export function createLogger(options: LoggerOptions): Logger {
  instanceCount += 1;
  const log = logFactory.create({ logId: `bulwark-${instanceCount}` });
  log.transports.file.resolvePathFn = () => options.filePath;
  log.transports.file.maxSize = options.maxSizeBytes;
  log.transports.file.format = '{text}';
  log.transports.file.level = options.level ?? 'info';
  log.transports.console.level = options.console === true ? (options.level ?? 'info') : false;
  log.transports.console.format = '{text}';
  const threshold = levelRank[options.level ?? 'info'];
  const write = (level: LogLevel, event: string, fields: LogFields): void => {
    // Filter before formatting: redacting a debug line nobody will read costs the hot path.
    if (levelRank[level] < threshold) return;
    log[level](formatLogLine(level, event, fields, Date.now()));
  };
  return bind(write, {});
}

/** A logger that drops everything; for code paths that must not log (never for the app). */
export const silentLogger: Logger = bind(() => undefined, {});
