/**
 * A canonical JSON text of a value: object keys sorted, no whitespace, `undefined` properties dropped. Two equal
 * values always give the same text, so a hash over it is stable (the audit journal, Art. 3.3).
 */

/** Thrown for a value JSON cannot carry faithfully (NaN, Infinity, bigint, function, symbol, cycle). */
export class CanonicalJsonError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`Số không hợp lệ trong dữ liệu nhật ký: ${String(value)}.`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`Kiểu dữ liệu không ghi được vào nhật ký: ${typeof value}.`);
  }
  const obj = value as object;
  if (obj instanceof Date) {
    if (Number.isNaN(obj.getTime())) throw new CanonicalJsonError('Ngày không hợp lệ trong dữ liệu nhật ký.');
    return JSON.stringify(obj.toISOString());
  }
  if (seen.has(obj)) throw new CanonicalJsonError('Dữ liệu nhật ký có tham chiếu vòng.');
  seen.add(obj);
  let text: string;
  if (Array.isArray(obj)) {
    text = `[${obj.map((item: unknown) => (item === undefined ? 'null' : write(item, seen))).join(',')}]`;
  } else {
    const record = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(item, seen)}`);
    }
    text = `{${parts.join(',')}}`;
  }
  seen.delete(obj);
  return text;
}

/** Canonical JSON of `value`; throws CanonicalJsonError for what JSON cannot represent exactly. */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}
