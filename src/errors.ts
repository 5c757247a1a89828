// The error hierarchy: every error the service throws on purpose has a stable code.

export type ErrorCode =
  | 'XS_CONFIG_INVALID'
  | 'XS_FLOW_INVALID'
  | 'XS_POLICY_INVALID'
  | 'XS_FIXTURES_INVALID'
  | 'XS_STORE_CONFLICT'
  | 'XS_STORE_UNAVAILABLE'
  | 'XS_SNAPSHOT_INVALID'
  | 'XS_BAD_REQUEST'
  | 'XS_UNAUTHORIZED'
  | 'XS_FORBIDDEN'
  | 'XS_NOT_FOUND'
  | 'XS_CONFLICT'
  | 'XS_PAYLOAD_TOO_LARGE'
  | 'XS_UNSUPPORTED_MEDIA_TYPE'
  | 'XS_UNSUPPORTED_ENCODING'
  | 'XS_BODY_TIMEOUT'
  | 'XS_RATE_LIMITED'
  | 'XS_TURN_FAILED';

export class XieshangError extends Error {
  readonly code: ErrorCode;
  readonly status: number | undefined;

  constructor(code: ErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'XieshangError';
    this.code = code;
    this.status = options.status;
  }
}

/** A configuration value, flow file or policy file that cannot be used; stops start-up. */
export class ConfigurationError extends XieshangError {
  constructor(
    code: 'XS_CONFIG_INVALID' | 'XS_FLOW_INVALID' | 'XS_POLICY_INVALID' | 'XS_FIXTURES_INVALID',
    message: string,
    cause?: unknown,
  ) {
    super(code, message, { cause });
    this.name = 'ConfigurationError';
  }
}

/** A request a client can correct: mapped to its HTTP status in one place (src/server/httpErrors.ts). */
export class HttpError extends XieshangError {
  constructor(status: 400 | 401 | 403 | 404 | 409 | 413 | 415, message: string, cause?: unknown) {
    const code = (
      {
        400: 'XS_BAD_REQUEST',
        401: 'XS_UNAUTHORIZED',
        403: 'XS_FORBIDDEN',
        404: 'XS_NOT_FOUND',
        409: 'XS_CONFLICT',
        413: 'XS_PAYLOAD_TOO_LARGE',
        415: 'XS_UNSUPPORTED_MEDIA_TYPE',
      } as const
    )[status];
    super(code, message, { status, cause });
    this.name = 'HttpError';
  }
}

/** A named rate limit was reached: 429 with Retry-After (whole seconds until a point is free again). */
export class RateLimitedError extends XieshangError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super('XS_RATE_LIMITED', message, { status: 429 });
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The store cannot be reached: the turn answers 503 so the channel retries. */
export class StoreUnavailableError extends XieshangError {
  constructor(message: string, cause?: unknown) {
    super('XS_STORE_UNAVAILABLE', message, { status: 503, cause });
    this.name = 'StoreUnavailableError';
  }
}
