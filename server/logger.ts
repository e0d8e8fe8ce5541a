import pino from 'pino';

export type Logger = pino.Logger;

/** `json`: one object per line, for log collectors (production). `pretty`: one readable line per event, for a person. */
export type LogFormat = 'json' | 'pretty';

export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const options = { level, base: { service: 'planbridge' } };
  if (format === 'json') return pino(options);
  // pino-pretty is a development dependency: required only when asked for (readConfig checks it is installed).
  // In-process and synchronous, so that the last lines before process.exit are written.
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pino(options, pretty({ sync: true, colorize: Boolean(process.stdout.isTTY), translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' }));
}
