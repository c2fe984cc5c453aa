// The axis link in the shell (issue 8): online/offline, queue lengths and the last error follow `sync.status`;
// Tạm dừng / Tiếp tục call the engine.
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../../src/shared/api/exchange-schemas';
import { SyncStatusBar } from '../../../../../src/renderer/features/exchange/SyncStatusBar';
import { buttonNamed, click, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';

const BASE: SyncStatus = {
  online: true, paused: false, configured: true, incomingStored: 0, incomingReady: 2, quarantined: 0, outgoingPending: 1, outgoingSent: 4,
  lastError: null, lastSyncAt: '2026-11-24T02:00:00.000Z', nextAttemptAt: null, refused: 0,
};

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

describe('SyncStatusBar', () => {
  it('shows the state and queues, follows events, and pauses/resumes', async () => {
    let paused = false;
    view = await render(
      <SyncStatusBar />,
      makeWorld({
        'exchange.status': () => ({ ok: true, value: BASE }),
        'exchange.pause': () => ((paused = true), { ok: true, value: { ...BASE, paused: true } }),
        'exchange.resume': () => ((paused = false), { ok: true, value: BASE }),
      }),
    );
    const { container } = view;
    await waitFor(() => expect(container.textContent).toContain('Đã kết nối'));
    expect(container.textContent).toContain('Chờ nhận: 2 · Chờ gửi: 1');
    await act(async () =>
      view!.api.emit('sync.status', { ...BASE, online: false, outgoingPending: 3, lastError: { code: 'AXIS_UNREACHABLE', message: 'ECONNREFUSED 127.0.0.1', at: '2026-11-24T02:05:00.000Z' } }),
    );
    expect(container.textContent).toContain('Mất kết nối');
    expect(container.textContent).toContain('Chờ gửi: 3');
    expect(container.textContent).toContain('Không kết nối được Trục liên thông văn bản.');
    expect(container.textContent).not.toContain('ECONNREFUSED');
    await click(buttonNamed(container, 'Tạm dừng'));
    await waitFor(() => expect(container.textContent).toContain('Tiếp tục'));
    expect(paused).toBe(true);
    await click(buttonNamed(container, 'Tiếp tục'));
    await waitFor(() => expect(paused).toBe(false));
  });
});
