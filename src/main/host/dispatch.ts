/**
 * The one entry both transports use (house rules 5 and 6): check the channel, parse the request with its
 * schema, run the handler, and turn every outcome into a Result. Nothing is thrown across the boundary.
 */
import { contract, isChannel, type Channel } from '../../shared/api/contract';
import { AppFailure, fail, ok, type Result } from '../../shared/api/result';
import type { CallContext, Handlers } from './handlers';

type AnyHandler = (req: unknown, ctx: CallContext) => Promise<unknown>;

/**
 * Run `channel` with the untrusted `raw` request. Answers NOT_FOUND for an unknown channel, VALIDATION (with the
 * schema issues in `details.issues`) for a request that does not match, the code of an AppFailure, and INTERNAL
 * for anything else (logged with its stack under `[host]`; the message sent back says nothing internal).
 */
export async function dispatch(handlers: Handlers, channel: unknown, raw: unknown, ctx: CallContext): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('NOT_FOUND', `Không có chức năng "${String(channel).slice(0, 80)}".`);
  }
  const parsed = contract[channel].schema.safeParse(raw);
  if (!parsed.success) {
    return fail('VALIDATION', 'Dữ liệu gửi lên không hợp lệ.', {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), code: issue.code, message: issue.message })),
    });
  }
  try {
    // The map is indexed by the same channel the schema came from, so the parsed value has the handler's type.
    const handler = handlers[channel as Channel] as AnyHandler;
    return ok(await handler(parsed.data, ctx));
  } catch (cause) {
    if (cause instanceof AppFailure) return fail(cause.code, cause.message, cause.details);
    console.error('[host]', `${channel} failed:`, cause instanceof Error ? (cause.stack ?? cause.message) : cause);
    return fail('INTERNAL', 'Lỗi nội bộ khi xử lý yêu cầu; chi tiết đã được ghi vào nhật ký.');
  }
}
