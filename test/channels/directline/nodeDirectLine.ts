// The real botframework-directlinejs client in Node: fetch stands in for XMLHttpRequest, `ws` for WebSocket.
import { DirectLine, ConnectionStatus, type Activity, type DirectLineOptions } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable.js';
import type { AjaxRequest, AjaxResponse } from 'rxjs/observable/dom/AjaxObservable.js';
import { WebSocket as NodeWebSocket } from 'ws';

// The client decides between WebSocket and polling by looking at the global (Node 20 has none).
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= NodeWebSocket;

/** rxjs 5 `Observable.ajax` needs XMLHttpRequest; this answers the same shape from fetch. */
function fetchAjax(request: string | AjaxRequest): Observable<AjaxResponse> {
  const { url = '', method = 'GET', headers = {}, body } = typeof request === 'string' ? { url: request } : request;
  return Observable.create(
    (subscriber: { next(value: unknown): void; complete(): void; error(error: unknown): void }) => {
      const controller = new AbortController();
      fetch(url, {
        method,
        headers: headers as Record<string, string>,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      }).then(
        async (res) => {
          const text = await res.text();
          const response: unknown = text ? JSON.parse(text) : null;
          if (res.ok) {
            subscriber.next({ status: res.status, response });
            subscriber.complete();
          } else
            subscriber.error({
              status: res.status,
              response,
              xhr: { getResponseHeader: (name: string) => res.headers.get(name) },
            });
        },
        (error: unknown) => subscriber.error({ status: 0, error }),
      );
      return () => controller.abort();
    },
  );
}

export interface Client {
  directLine: DirectLine;
  /** The watermark the client would resume from (kept private by directlinejs, read here for the tests). */
  watermark(): string;
  received: Activity[];
  /** Resolves once an activity matching `test` has arrived (rejects after `timeoutMs`). */
  waitFor(test: (activity: Activity) => boolean, timeoutMs?: number): Promise<Activity>;
  say(text: string, clientActivityID?: string): Promise<string>;
  end(): void;
}

export function directLineClient(serviceUrl: string, options: DirectLineOptions): Client {
  const directLine = new DirectLine({
    domain: `${serviceUrl}/v3/directline`,
    pollingInterval: 200,
    ...options,
    ajax: fetchAjax as never,
    random: () => 0,
  });
  const received: Activity[] = [];
  const waiters = new Set<() => void>();
  const subscription = directLine.activity$.subscribe((activity) => {
    received.push(activity);
    waiters.forEach((wake) => wake());
  });
  return {
    directLine,
    received,
    watermark: () => (directLine as unknown as { watermark: string }).watermark,
    waitFor(test, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(test);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching activity after ${timeoutMs} ms; received: ${received.map((a) => (a.type === 'message' ? a.text : a.type)).join(' | ')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    say(text, clientActivityID = `c-${Math.random().toString(36).slice(2)}`) {
      return new Promise((resolve, reject) => {
        directLine
          .postActivity({
            type: 'message',
            from: { id: 'ignored-by-the-bridge' },
            text,
            channelData: { clientActivityID },
          } as Activity)
          .subscribe({ next: resolve, error: reject });
      });
    },
    end() {
      subscription.unsubscribe();
      directLine.end();
    },
  };
}

export function textOf(activity: Activity): string {
  return activity.type === 'message' ? (activity.text ?? '') : '';
}

export function buttonsOf(activity: Activity): string[] {
  return activity.type === 'message'
    ? (activity.suggestedActions?.actions ?? []).map((action) => action.title ?? '')
    : [];
}

export { ConnectionStatus };
