import type { EventChannel } from '../../shared/ipc-channels.js';
import type { EventPayload } from '../../shared/ipc-contract.js';
import type { EmitEvent } from '../services/app-events.js';

export interface RecordedEvent {
  event: EventChannel;
  payload: unknown;
}

/** Records main's events and lets a test wait for one, without sleeping. */
export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  readonly #waiters: Array<{
    test: (event: RecordedEvent) => boolean;
    resolve: (event: RecordedEvent) => void;
  }> = [];

  readonly emit: EmitEvent = (event, payload) => {
    const recorded = { event, payload };
    this.events.push(recorded);
    for (const waiter of [...this.#waiters]) {
      if (waiter.test(recorded)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    }
  };

  of<E extends EventChannel>(event: E): Array<EventPayload<E>> {
    return this.events.filter((item) => item.event === event).map((item) => item.payload as EventPayload<E>);
  }

  /** Resolves with the first event (already seen or to come) that matches. */
  next<E extends EventChannel>(
    event: E,
    matches: (payload: EventPayload<E>) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<EventPayload<E>> {
    const test = (item: RecordedEvent) => item.event === event && matches(item.payload as EventPayload<E>);
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen.payload as EventPayload<E>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No ${event} event within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#waiters.push({
        test,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item.payload as EventPayload<E>);
        },
      });
    });
  }
}
