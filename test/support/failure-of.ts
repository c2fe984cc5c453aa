// The AppFailure a promise rejects with; anything else (a different error, or no rejection) fails the test.
import { AppFailure } from '../../src/shared/api/result';

export async function failureOf(p: Promise<unknown>): Promise<AppFailure> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppFailure) return err;
    throw err;
  }
  throw new Error('expected a failure');
}
