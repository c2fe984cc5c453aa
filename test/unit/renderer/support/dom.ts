// Tiny DOM helpers for component tests (no testing-library in this repo): find by label, type, wait.
import { act } from 'react';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The form control whose <label> text is exactly `text` (or whose aria-label is). */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  for (const label of root.querySelectorAll('label')) {
    if (label.textContent?.trim() === text && label.htmlFor) {
      const el = (label.ownerDocument ?? document).getElementById(label.htmlFor);
      if (el) return el as T;
    }
  }
  const aria = root.querySelector(`[aria-label="${text}"]`);
  if (aria) return aria as T;
  throw new Error(`no control labelled "${text}"`);
}

export function byRole(root: ParentNode, role: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[role="${role}"]`)];
}

export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** Sets a value the way React notices (native setter + input/change event). */
export async function typeInto(el: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}

/**
 * Polls `check` inside act until it stops throwing (or the time is up). The deadline is generous on purpose: it
 * only matters when the state never comes, and a busy CI machine can be ten times slower than an idle one.
 */
export async function waitFor<T>(check: () => T, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await act(async () => {
        await new Promise((r) => setTimeout(r, 20));
      });
    }
  }
}
