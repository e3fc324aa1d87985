export { createLogger, type LogFields, type Logger, type LoggerOptions, type LogLevel } from './logger.ts';
export { REDACTED, redactText } from './redact-text.ts';
export { toLoggable } from './to-loggable.ts';
