/**
 * Quét văn bản with a stub api (house rule 13): the device's options, F8 scans with a progress bar fed by
 * job.progress, Esc stops, the pages kept after a jam are shown, and "Đăng ký văn bản này" hands the PDF to the
 * registration view.
 */
import 'fake-indexeddb/auto';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanCapabilitiesSummary, ScanResult } from '../../../../../src/shared/api/scan-schemas';
import { connectStore } from '../../../../../src/renderer/stores/app-store';
import { ScanView } from '../../../../../src/renderer/features/scan/ScanView';
import { defaultChoice } from '../../../../../src/renderer/features/scan/scan-defaults';
import { byLabel, buttonNamed, click, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';

const SHA = 'a'.repeat(64);
const RESULT: ScanResult = {
  documents: [{ file: { sha256: SHA, size: 1234, mediaType: 'application/pdf' }, pageCount: 3, sourcePages: [1, 2, 3] }],
  pagesScanned: 3,
  separatorPages: [],
  corruptPages: [],
};
const CAPS: ScanCapabilitiesSummary = { resolutions: [75, 150, 300, 600], colorModes: ['color', 'gray', 'lineart'], sources: ['flatbed', 'adf'], maxWidthMm: 216, maxHeightMm: 297 };

let rendered: Rendered | undefined;
afterEach(async () => {
  await rendered?.unmount();
  rendered = undefined;
});

function press(key: string): Promise<void> {
  return act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

describe('defaultChoice', () => {
  it('prefers 300 dpi, colour and the feeder, and keeps a previous choice the device offers', () => {
    expect(defaultChoice({ ...CAPS, colorModes: ['color', 'gray'], sources: ['flatbed', 'adf'] })).toMatchObject({ resolution: 300, colorMode: 'color', source: 'adf', pageSize: 'a4' });
    expect(defaultChoice({ ...CAPS, resolutions: [100, 200, 400], sources: ['flatbed'] })).toMatchObject({ resolution: 200, source: 'flatbed' });
    const previous = { resolution: 600, colorMode: 'gray', source: 'flatbed', pageSize: 'a5', maxPages: 10 } as const;
    expect(defaultChoice({ ...CAPS, colorModes: ['color', 'gray'], sources: ['flatbed', 'adf'] }, previous)).toMatchObject({ resolution: 600, colorMode: 'gray', source: 'flatbed', pageSize: 'a5' });
  });
});

describe('ScanView', () => {
  it('F8 scans with progress per page, then Đăng ký hands the PDF to the registration form', async () => {
    let release: (() => void) | undefined;
    const world = makeWorld({
      'scan.devices': () => ({ ok: true, value: [{ id: 'sane:test:0', name: 'Noname frontend-tester', kind: 'sane' }] }),
      'scan.capabilities': () => ({ ok: true, value: CAPS }),
      'scan.start': (req) =>
        new Promise((resolve) => {
          expect(req).toMatchObject({ deviceId: 'sane:test:0', settings: { resolution: 300, colorMode: 'color', source: 'adf', pageSize: 'a4' }, split: 'none' });
          world.api.emit('job.progress', { jobId: req.jobId ?? '', label: 'Quét văn bản', done: 2, total: 0, state: 'running' });
          release = () => resolve({ ok: true, value: RESULT });
        }),
    });
    const disconnect = connectStore(world.store, world.deps);
    rendered = await render(<ScanView />, world);
    const { container } = rendered;
    await waitFor(() => expect(byLabel<HTMLSelectElement>(container, 'Độ phân giải').value).toBe('300'));
    expect(byLabel<HTMLSelectElement>(container, 'Chế độ màu').value).toBe('color');
    await press('F8');
    await waitFor(() => expect(container.querySelector('progress')?.getAttribute('aria-label')).toBe('Đã quét 2 trang…'));
    expect(buttonNamed(container, 'Dừng')).toBeTruthy();
    await act(async () => release?.());
    await waitFor(() => expect(container.textContent).toContain('Văn bản 1: 3 trang'));
    const register = buttonNamed(container, 'Đăng ký văn bản này');
    expect(document.activeElement).toBe(register);
    await click(register);
    expect(world.store.getState().view).toBe('registration');
    expect(world.store.getState().takeScanHandoff()).toEqual({ sha256: SHA, name: 'ban-quet-1.pdf' });
    disconnect();
  });

  it('a jam shows the Vietnamese error and the pages kept; Esc asks main to stop', async () => {
    let finish: (() => void) | undefined;
    const world = makeWorld({
      'scan.devices': () => ({ ok: true, value: [{ id: 'escl:http://10.0.0.7/eSCL', name: 'Máy quét tầng 2', kind: 'escl' }] }),
      'scan.capabilities': () => ({ ok: true, value: CAPS }),
      'scan.start': () =>
        new Promise((resolve) => {
          finish = () => resolve({ ok: false, error: { code: 'SCANNER_JAMMED', message: 'jam', details: { reason: 'jammed', partial: { ...RESULT, pagesScanned: 2, documents: [{ ...RESULT.documents[0]!, pageCount: 2 }] } } } });
        }),
      'jobs.cancel': () => ({ ok: true, value: { cancelled: true } }),
    });
    rendered = await render(<ScanView />, world);
    const { container, api } = rendered;
    await waitFor(() => expect(buttonNamed(container, 'Quét').disabled).toBe(false));
    await click(buttonNamed(container, 'Quét'));
    await waitFor(() => buttonNamed(container, 'Dừng'));
    await press('Escape');
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'jobs.cancel')).toBe(true));
    await act(async () => finish?.());
    const alert = await waitFor(() => {
      const el = container.querySelector('[role="alert"]');
      if (!el) throw new Error('no alert yet');
      return el;
    });
    expect(alert.textContent).toContain('Máy quét bị kẹt giấy');
    expect(alert.textContent).toContain('Đã giữ lại 2 trang quét được trước khi dừng.');
    expect(container.textContent).toContain('Văn bản 1: 2 trang');
  });

  it('lists documents scanned earlier that no register entry holds, and hands one over', async () => {
    const OLD = 'b'.repeat(64);
    const REGISTERED = 'c'.repeat(64);
    const world = makeWorld({
      'scan.devices': () => ({ ok: true, value: [] }),
      'scan.recent': () => ({
        ok: true,
        value: [
          { sha256: OLD, size: 10, pageCount: 4, scannedAt: '2026-11-23T01:30:00.000Z', device: 'sane:test:0' },
          { sha256: REGISTERED, size: 10, pageCount: 1, scannedAt: '2026-11-22T01:30:00.000Z', device: 'sane:test:0' },
        ],
      }),
    });
    await world.db.documents.add({ id: 'doc-1', direction: 'incoming', fileSha256: REGISTERED } as never);
    rendered = await render(<ScanView />, world);
    const { container } = rendered;
    const section = await waitFor(() => {
      const el = container.querySelector('[aria-label="Bản quét chưa đăng ký"]');
      if (!el) throw new Error('not yet');
      return el as HTMLElement;
    });
    // 08:30 in Asia/Ho_Chi_Minh.
    await waitFor(() => expect(section.textContent).toContain('Quét lúc 08:30 23/11/2026: 4 trang'));
    expect(section.querySelectorAll('li')).toHaveLength(1);
    await click(buttonNamed(section, 'Đăng ký văn bản này'));
    expect(world.store.getState().takeScanHandoff()).toEqual({ sha256: OLD, name: 'ban-quet-2026-11-23.pdf' });
  });

  it('finds network scanners by DNS-SD and adds the one the clerk picks', async () => {
    const URL = 'http://192.168.1.20:8080/eSCL';
    let added = false;
    const world = makeWorld({
      'scan.devices': () => ({ ok: true, value: added ? [{ id: `escl:${URL}`, name: 'HP Tầng 2', kind: 'escl' }] : [] }),
      'scan.capabilities': () => ({ ok: true, value: CAPS }),
      'scan.discover': () => ({ ok: true, value: [{ url: URL, name: 'HP Tầng 2' }] }),
      'scan.addNetwork': (req) => {
        expect(req).toEqual({ url: URL });
        added = true;
        return { ok: true, value: { id: `escl:${URL}`, name: 'HP Tầng 2', kind: 'escl' } };
      },
    });
    rendered = await render(<ScanView />, world);
    const { container } = rendered;
    await click(buttonNamed(container, 'Tìm máy quét trong mạng'));
    const section = await waitFor(() => {
      const el = container.querySelector('[aria-label="Máy quét tìm thấy trong mạng"]');
      if (!el) throw new Error('not yet');
      return el as HTMLElement;
    });
    expect(section.textContent).toContain('HP Tầng 2 (http://192.168.1.20:8080/eSCL)');
    await click(buttonNamed(section, 'Thêm'));
    await waitFor(() => expect(byLabel<HTMLSelectElement>(container, 'Máy quét').value).toBe(`escl:${URL}`));
    await waitFor(() => expect(container.textContent).toContain('Không tìm thấy máy quét mạng nào tự giới thiệu'));
  });

  it('says so when no scanner is found', async () => {
    rendered = await render(<ScanView />, makeWorld({ 'scan.devices': () => ({ ok: true, value: [] }) }));
    await waitFor(() => expect(rendered?.container.textContent).toContain('Không tìm thấy máy quét nào'));
  });
});
