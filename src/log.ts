// The root pino logger: JSON lines (pretty on a developer's terminal), personal data redacted by key and masked in messages.
import { pino, type Logger } from 'pino';
import { maskPersonalData } from './domain/maskPersonalData.js';

/** Keys whose values are personal data wherever they appear (two levels deep). */
const PERSONAL_KEYS = [
  'name',
  'phone',
  'idLast4',
  'birthDate',
  'borrower',
  'text',
  'idNumber',
  'cardNumber',
  'accountNumber',
];
const REDACT_PATHS = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  level: string;
  destination?: pino.DestinationStream;
  /** Human-readable lines through pino-pretty (a worker thread): for a developer's terminal only. */
  pretty?: boolean;
}

/** Pretty only on a terminal outside production; JSON lines for log collectors everywhere else. */
export function wantsPrettyLogs(nodeEnv: string, stdoutIsTty: boolean | undefined): boolean {
  return nodeEnv !== 'production' && stdoutIsTty === true;
}

export function createLogger(options: LoggerOptions): Logger {
  const pretty =
    options.pretty && !options.destination
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
          },
        }
      : {};
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
      ...pretty,
    },
    options.destination,
  );
}

function maskError(serialized: ReturnType<typeof pino.stdSerializers.err>) {
  return {
    ...serialized,
    message: maskPersonalData(serialized.message ?? ''),
    stack: maskPersonalData(serialized.stack ?? ''),
  };
}

export type { Logger };
