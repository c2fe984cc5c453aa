// Cài đặt → Ký số: the time-stamp server (TSA) address goes to settings.update with the driver and revocation
// choice (PAdES B-T when set, B-B when empty); an address main refuses shows the Vietnamese VALIDATION text.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SigningSettings } from '../../../../../src/renderer/features/signing/SigningSettings';
import { errorText } from '../../../../../src/renderer/i18n/messages';
import { byLabel, byRole, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { TEST_SETTINGS } from '../../support/fake-api';
import { makeWorld, render, type Rendered } from '../../support/render';

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

const TSA_LABEL = 'Máy chủ cấp dấu thời gian (TSA, để trống nếu không dùng)';

describe('SigningSettings', () => {
  it('saves the TSA address, and an empty field as null (no time-stamp)', async () => {
    const world = makeWorld({
      'token.modules': () => ({ ok: true, value: { detected: [], configured: null } }),
      'settings.update': (req) => ({ ok: true, value: { ...TEST_SETTINGS, ...req } }),
    });
    view = await render(<SigningSettings settings={TEST_SETTINGS} />, world);
    await typeInto(byLabel(view.container, TSA_LABEL), '  http://tsa.example.vn/tsa  ');
    await click(buttonNamed(view.container, 'Lưu cài đặt ký số'));
    await waitFor(() => {
      if (!world.api.calls.some((c) => c.channel === 'settings.update')) throw new Error('not saved yet');
    });
    const saved = world.api.calls.filter((c) => c.channel === 'settings.update').map((c) => c.request);
    expect(saved[0]).toEqual({ pkcs11Module: null, allowLiveRevocation: true, tsaUrl: 'http://tsa.example.vn/tsa' });

    await typeInto(byLabel(view.container, TSA_LABEL), '');
    await click(buttonNamed(view.container, 'Lưu cài đặt ký số'));
    await waitFor(() => {
      if (world.api.calls.filter((c) => c.channel === 'settings.update').length < 2) throw new Error('not saved yet');
    });
    expect(world.api.calls.filter((c) => c.channel === 'settings.update')[1]?.request).toMatchObject({ tsaUrl: null });
  });

  it('shows the Vietnamese text when main refuses the address', async () => {
    const world = makeWorld({
      'token.modules': () => ({ ok: true, value: { detected: [], configured: null } }),
      'settings.update': () => ({ ok: false, error: { code: 'VALIDATION', message: 'tsaUrl: not http(s)' } }),
    });
    view = await render(<SigningSettings settings={TEST_SETTINGS} />, world);
    await typeInto(byLabel(view.container, TSA_LABEL), 'file:///etc/passwd');
    await click(buttonNamed(view.container, 'Lưu cài đặt ký số'));
    const alert = await waitFor(() => {
      const [a] = byRole(view!.container, 'alert');
      if (!a) throw new Error('no alert yet');
      return a;
    });
    expect(alert.textContent).toBe(errorText('VALIDATION'));
  });
});
