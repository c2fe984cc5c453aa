/**
 * Reading a network answer with a hard size bound (TSA replies, AIA certificates): the body is streamed and the
 * read stops as soon as the bound is passed, so a hostile or broken server cannot fill memory.
 */
import { AppFailure } from '../../../shared/api/result';

/** The body of `res`, or TOO_LARGE once more than `maxBytes` arrive (also when Content-Length says so). */
export async function readBounded(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new AppFailure('TOO_LARGE', `câu trả lời ${declared} byte vượt giới hạn ${maxBytes} byte`);
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppFailure('TOO_LARGE', `câu trả lời vượt giới hạn ${maxBytes} byte`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
