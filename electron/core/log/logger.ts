import { redactText } from './redact-text.ts';
import { toLoggable } from './to-loggable.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// Written by the logger itself; fields of the same name are kept under `_at`, `_level`, `_msg`.
const RESERVED = new Set(['at', 'level', 'msg']);

export interface LoggerOptions {
  /** Receives each finished line (one JSON object, no line break) and writes it somewhere. */
  sink: (line: string) => void;
  now: () => Date;
  /** Lines below this level are dropped. */
  level: LogLevel;
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line; fields given to a call win over bound ones. */
  child(fields: LogFields): Logger;
}

/**
 * The one logger of the main process: `{at, level, msg, ...fields}` per line, with every secret
 * removed on the way (see toLoggable), so that no caller has to remember to. Logging never throws
 * because of the fields it is given.
 */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = RANK[options.level];
  if (threshold === undefined) throw new Error(`Unknown log level: ${String(options.level)}`);

  // `bound` is already redacted: a child's fields are read once, when it is made.
  function make(bound: Record<string, unknown>): Logger {
    const at =
      (level: LogLevel) =>
      (msg: string, fields: LogFields = {}): void => {
        if (RANK[level] < threshold) return;
        const record: Record<string, unknown> = {
          at: options.now().toISOString(),
          level,
          msg: redactText(msg),
        };
        for (const [key, value] of Object.entries({ ...bound, ...loggableFields(fields) })) {
          record[RESERVED.has(key) ? `_${key}` : key] = value;
        }
        options.sink(JSON.stringify(record));
      };
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: (fields) => make({ ...bound, ...loggableFields(fields) }),
    };
  }

  return make({});
}

/** Fields go through toLoggable as a whole, which never reads a getter outside a try. */
function loggableFields(fields: LogFields): Record<string, unknown> {
  const loggable = toLoggable(fields);
  return typeof loggable === 'object' && loggable !== null && !Array.isArray(loggable) ? loggable : {};
}
