import { pino, type Logger } from 'pino';

/** Structured JSON logs; credentials are redacted wherever they might appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.apiKey',
        'apiKey',
        'config.openai.apiKey',
      ],
      censor: '[redacted]',
    },
  });
}
