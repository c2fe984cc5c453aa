/**
 * Token insertion and removal, pushed to the renderer as the `token.changed` event. PKCS#11's
 * C_WaitForSlotEvent is unsupported by many drivers (SoftHSM answers CKR_FUNCTION_NOT_SUPPORTED), so the
 * watcher polls: each poll opens the module afresh (C_Initialize … C_Finalize), because several drivers only
 * rescan their readers on initialisation.
 */
import type { TokenInfo } from './token-session';
import { Pkcs11TokenSession } from './pkcs11-token-session';

export interface TokenWatcherOptions {
  /** Current tokens; the default opens the module afresh each time. */
  list: () => Promise<TokenInfo[]>;
  onChange: (tokens: TokenInfo[]) => void;
  intervalMs?: number;
}

/** List tokens through a fresh module instance (sees tokens inserted since the last call). */
export async function listTokensFresh(modulePath: string): Promise<TokenInfo[]> {
  const session = new Pkcs11TokenSession({ modulePath });
  try {
    return await session.listTokens();
  } finally {
    await session.close();
  }
}

function fingerprintOf(tokens: TokenInfo[]): string {
  return tokens.map((t) => `${t.label}\u0000${t.serial}\u0000${t.pinState}`).sort().join('\u0001');
}

export class TokenWatcher {
  private readonly options: TokenWatcherOptions;
  private last: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;

  constructor(options: TokenWatcherOptions) {
    this.options = options;
  }

  /** Poll once; returns true and calls onChange when the set of tokens (or a PIN state) changed. */
  async poll(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      let tokens: TokenInfo[];
      try {
        tokens = await this.options.list();
      } catch {
        tokens = []; // driver gone or not loadable: no token
      }
      const fp = fingerprintOf(tokens);
      if (fp === this.last) return false;
      const first = this.last === null;
      this.last = fp;
      if (!first) this.options.onChange(tokens);
      return !first;
    } finally {
      this.running = false;
    }
  }

  /** Start polling (the first poll records the current state without an event). */
  start(): void {
    if (this.timer) return;
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.intervalMs ?? 2000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
