import 'fake-indexeddb/auto';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppDB } from '../../../../src/renderer/db/db';
import { useLiveQuery, useRegisterIds } from '../../../../src/renderer/db/queries/hooks';
import { registerIncoming } from '../../../../src/renderer/db/registration';
import { form, freshDb, registration } from './support';

// React 19 asks test environments to declare themselves so act() flushes effects.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const c of containers.splice(0)) c.remove();
});

/** Lets React and Dexie run until `check` holds or a generous deadline passes (the expect after it then fails). */
async function settle(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check() && Date.now() < deadline; ) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

function Count({ db }: { db: AppDB }) {
  const n = useLiveQuery(() => db.registerEntries.count(), [db], -1);
  return <output>{n}</output>;
}

function Numbers({ db }: { db: AppDB }) {
  const ids = useRegisterIds(db, { kind: 'incoming' });
  return <output>{ids === undefined ? 'loading' : ids.join(',')}</output>;
}

function mount(node: ReactNode): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  act(() => createRoot(container).render(node));
  return container;
}

describe('live query hooks (house rule 12)', () => {
  it('useLiveQuery shows the default, then the result, then follows changes', async () => {
    const db = freshDb();
    const view = mount(<Count db={db} />);
    expect(view.textContent).toBe('-1');
    await settle(() => view.textContent === '0');
    expect(view.textContent).toBe('0');
    await act(async () => {
      await registerIncoming(db, registration());
    });
    await settle(() => view.textContent === '1');
    expect(view.textContent).toBe('1');
  });

  it('useRegisterIds follows new registrations', async () => {
    const db = freshDb();
    const view = mount(<Numbers db={db} />);
    await settle(() => view.textContent === '');
    const ids: number[] = [];
    await act(async () => {
      for (const code of ['1/UBND-VP', '2/UBND-VP']) {
        const r = await registerIncoming(db, registration({ form: form({ codeNotation: code }) }));
        if (r.kind === 'registered') ids.push(r.entry.id as number);
      }
    });
    await settle(() => view.textContent === ids.join(','));
    expect(ids).toHaveLength(2);
    expect(view.textContent).toBe(ids.join(','));
  });
});
