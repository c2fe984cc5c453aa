/**
 * The exchange flows of one data directory (issue 8): the incoming flow (01, verification, 03, returns,
 * revocation answers) and the outgoing flow (send, timeline, revocation requests) as one set of sync hooks.
 * host/compose.ts builds it before the ExchangeHost (the engine is reached through a getter).
 */
import type { SyncHooks } from '../sync/sync-engine';
import type { FlowDeps } from './flow-deps';
import { createIncomingFlow, type IncomingFlow } from './incoming-flow';
import { createOutgoingFlow, type OutgoingFlow } from './outgoing-flow';

export interface ExchangeFlows {
  /** For createExchangeHost({ hooks }). */
  hooks: SyncHooks;
  incoming: IncomingFlow;
  outgoing: OutgoingFlow;
  /** Finish what a crash interrupted (after the engine started). */
  recover(): Promise<void>;
}

export function createExchangeFlows(deps: FlowDeps): ExchangeFlows {
  const incoming = createIncomingFlow(deps);
  const outgoing = createOutgoingFlow(deps);
  return { hooks: { ...incoming.hooks, onSent: (item) => outgoing.onSent(item) }, incoming, outgoing, recover: () => incoming.recover() };
}
