// A virtual borrower: walks the script one turn at a time, then starts a new conversation with a new id.
import { messageActivity } from './negotiationScript.js';

/** Hands out conversation ids unique to one measured cell, so every run negotiates fresh cases. */
export class ConversationIds {
  private next = 0;
  constructor(readonly tag: string) {}
  take(): string {
    return `${this.tag}-${++this.next}`;
  }
  get started(): number {
    return this.next;
  }
}

export class VirtualBorrower {
  private conversationId: string;
  private step = 0;
  private sequence = 0;

  /** `stopAfter` turns: the conversation is left there (mid-interview) and `done` turns true. */
  constructor(
    private readonly ids: ConversationIds,
    private readonly script: readonly string[],
    private readonly serviceUrl: string,
    private readonly stopAfter = Infinity,
  ) {
    this.conversationId = ids.take();
  }

  get done(): boolean {
    return this.step >= this.stopAfter;
  }

  /** The JSON body of this borrower's next turn. */
  nextBody(): string {
    return messageActivity(this.serviceUrl, this.conversationId, ++this.sequence, this.script[this.step]!);
  }

  /** After a turn: the next line, or a new conversation once the agreement is reached (or after an error). */
  advance(ok: boolean): void {
    this.step += 1;
    if (!ok || (this.step >= this.script.length && this.stopAfter === Infinity)) this.restart();
  }

  private restart(): void {
    this.conversationId = this.ids.take();
    this.step = 0;
    this.sequence = 0;
  }
}
