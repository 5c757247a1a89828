// The root pino logger: JSON lines, personal data redacted by key and masked in messages.
import { pino, type Logger } from 'pino';
import { maskPersonalData } from './domain/maskPersonalData.js';

/** Keys whose values are personal data wherever they appear (two levels deep). */
const PERSONAL_KEYS = ['name', 'phone', 'idLast4', 'birthDate', 'borrower', 'text', 'idNumber', 'cardNumber', 'accountNumber'];
const REDACT_PATHS = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'xieshang' },
      redact: { paths: REDACT_PATHS, censor: '[masked]' },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
      serializers: { err: (err: unknown) => maskError(pino.stdSerializers.err(err as Error)) },
    },
    options.destination,
  );
}

function maskError(serialized: ReturnType<typeof pino.stdSerializers.err>) {
  return { ...serialized, message: maskPersonalData(serialized.message ?? ''), stack: maskPersonalData(serialized.stack ?? '') };
}

export type { Logger };
