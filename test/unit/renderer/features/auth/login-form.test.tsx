// Đăng nhập (Art. 3.7): a wrong password gives a Vietnamese role="alert"; the right one opens the session.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../../../../src/renderer/db/accounts';
import { LoginForm } from '../../../../../src/renderer/features/auth/LoginForm';
import { byLabel, byRole, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { render, makeWorld, type Rendered } from '../../support/render';

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
});

describe('LoginForm', () => {
  it('shows the Vietnamese alert on a wrong password and stays signed out', async () => {
    const world = makeWorld();
    await createFirstAdmin(world.db, world.api, { username: 'quantri', fullName: 'Quản trị viên', password: 'Quan-tri-2026!', at: 0 });
    view = await render(<LoginForm />, world);
    const { container } = view;
    expect(container.querySelector('h1')?.textContent).toBe('Đăng nhập');
    await typeInto(byLabel(container, 'Tên đăng nhập'), 'quantri');
    await typeInto(byLabel(container, 'Mật khẩu'), 'mat-khau-sai');
    await click(buttonNamed(container, 'Đăng nhập'));
    const alert = await waitFor(() => {
      const [a] = byRole(container, 'alert');
      if (!a) throw new Error('no alert yet');
      return a;
    });
    expect(alert.textContent).toBe('Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.');
    expect(world.store.getState().account).toBeNull();
    // The password field is emptied after a failure.
    expect(byLabel(container, 'Mật khẩu').value).toBe('');
  });

  it('opens the session with the right password (user name is case-insensitive)', async () => {
    const world = makeWorld();
    await createFirstAdmin(world.db, world.api, { username: 'quantri', fullName: 'Quản trị viên', password: 'Quan-tri-2026!', at: 0 });
    view = await render(<LoginForm />, world);
    await typeInto(byLabel(view.container, 'Tên đăng nhập'), 'QuanTri');
    await typeInto(byLabel(view.container, 'Mật khẩu'), 'Quan-tri-2026!');
    await click(buttonNamed(view.container, 'Đăng nhập'));
    await waitFor(() => expect(world.store.getState().account?.username).toBe('quantri'));
    expect(byRole(view.container, 'alert')).toHaveLength(0);
  });
});
