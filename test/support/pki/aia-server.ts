/**
 * A loopback HTTP server standing in for a CA's caIssuers address (RFC 5280 §4.2.2.1): GET /ca.cer answers
 * `body` (DER, PEM or PKCS#7, as the test chooses). Counts requests so a test can prove when it was (not) asked.
 */
import { createServer, type Server } from 'node:http';

export interface AiaServer {
  url: string;
  body: Uint8Array;
  readonly requests: number;
  close(): Promise<void>;
}

/** Start on 127.0.0.1 with a random port. */
export async function startAiaServer(body: Uint8Array): Promise<AiaServer> {
  const state = { body, requests: 0 };
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/ca.cer') { res.writeHead(404).end(); return; }
    state.requests += 1;
    res.writeHead(200, { 'content-type': 'application/pkix-cert' }).end(Buffer.from(state.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/ca.cer`,
    get body() { return state.body; },
    set body(b: Uint8Array) { state.body = b; },
    get requests() { return state.requests; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
