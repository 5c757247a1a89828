// Which serviceUrls the bot may send to: Bot Framework channels, in-process channels, configured extras, loopback outside production.
import { HttpError } from '../errors.js';

/** Azure Bot Service's connectors (public and government clouds) and Teams' service. */
const BOT_FRAMEWORK_HOSTS = [
  /\.botframework\.com$/,
  /\.botframework\.azure\.us$/,
  /\.botframework\.azure\.cn$/,
  /^smba\.trafficmanager\.net$/,
  /^smba\.infra\.(gov|gcc)\.teams\.microsoft\.(com|us)$/,
];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export interface ServiceUrlPolicyOptions {
  /** ALLOWED_SERVICE_URLS: extra prefixes, comma-separated. */
  extra: string;
  /** Outside production the Bot Framework Emulator and tests reply to a connector on loopback. */
  allowLoopback: boolean;
  /** Served in this process (the web chat bridge). */
  inProcess: (serviceUrl: string) => boolean;
}

export class ServiceUrlPolicy {
  private readonly prefixes: string[];

  constructor(private readonly options: ServiceUrlPolicyOptions) {
    this.prefixes = options.extra
      .split(',')
      .map((prefix) => prefix.trim())
      .filter(Boolean);
  }

  allows(serviceUrl: string): boolean {
    if (this.options.inProcess(serviceUrl)) return true;
    if (!URL.canParse(serviceUrl)) return false;
    const url = new URL(serviceUrl);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:' && BOT_FRAMEWORK_HOSTS.some((host) => host.test(url.hostname))) return true;
    if (
      this.options.allowLoopback &&
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      LOOPBACK_HOSTS.has(url.hostname)
    )
      return true;
    return this.prefixes.some((prefix) => serviceUrl.startsWith(prefix));
  }

  /** 400 for an activity whose replies would go anywhere else (checked before its turn runs). */
  check(serviceUrl: string): void {
    if (!this.allows(serviceUrl))
      throw new HttpError(
        400,
        `serviceUrl ${JSON.stringify(serviceUrl.slice(0, 200))} is not an allowed channel service (see ALLOWED_SERVICE_URLS)`,
      );
  }
}
