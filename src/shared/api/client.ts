/** A typed `{ invoke, on }` over any Transport (Electron preload or the web host). */
import type { Channel, Req, Res, Transport } from './contract';
import type { EventName, EventPayloads } from './events';
import type { Result } from './result';

export interface ApiClient {
  invoke<C extends Channel>(channel: C, request: Req<C>): Promise<Result<Res<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    invoke: async (channel, request) => {
      try {
        return (await transport.invoke(channel, request)) as Result<never>;
      } catch (cause) {
        // A transport failure (host gone, network error) is data too: the UI shows it in Vietnamese.
        return { ok: false, error: { code: 'INTERNAL', message: cause instanceof Error ? cause.message : String(cause) } };
      }
    },
    on: (event, listener) => transport.on(event, (payload) => listener(payload as never)),
  };
}
