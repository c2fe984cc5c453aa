/**
 * Fan-out of host events to the open server-sent-event streams. The hub exists before the services (they get
 * `hub.emit`) and before the server (which subscribes one listener per `/events` connection).
 */
import type { EventName, EventPayloads } from '../../shared/api/events';

export type HubListener = (event: EventName, payload: unknown) => void;

export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /** Add a listener; answers the function that removes it. */
  subscribe(listener: HubListener): () => void;
  /** How many listeners are attached (open `/events` streams); for tests and diagnostics. */
  size(): number;
}

/** Build an empty hub. A failing listener is logged and does not stop the others. */
export function createEventHub(log: Pick<Console, 'warn'> = console): EventHub {
  const listeners = new Set<HubListener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload);
        } catch (cause) {
          log.warn('[web-host] event listener failed', cause);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    size: () => listeners.size,
  };
}
