/** Poll `check` until it answers a truthy value (never a fixed sleep); fails after a generous deadline. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, deadlineMs = 25_000): Promise<NonNullable<T>> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
