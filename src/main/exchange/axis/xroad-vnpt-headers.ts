/**
 * The XroadVnpt HMAC header scheme of the VXP SDK (standards.md §2.2, read from VnptService.addXroadVnptHashHeader):
 * every key of the header map goes out as `XroadVnpt-<key>`, and three more headers sign them: the keys joined with
 * `;`, the JSON object `{"XroadVnpt-<key>": value, …}` as a string, and the lowercase hex HMAC-SHA256 of that string
 * keyed with the system's secret. The timestamp is set afresh for every request (§2.2 step 1, [U]).
 */
import { createHmac } from 'node:crypto';
import { AppFailure } from '../../../shared/api/result';
import { localParts } from '../../../shared/util/time';

export const XROAD_PREFIX = 'XroadVnpt-';
export const XROAD_USER_AGENT = 'JAVASDKAgent/1.0.0 XRoad/VPCP';
export const XROAD_VERSION = '3.0.201608';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `ddMMyyyy'T'HHmmss+SSSS` in Vietnam local time (Java SimpleDateFormat: `SSSS` = milliseconds on 4 digits). */
export function xroadTimestamp(now: Date): string {
  const p = localParts(now);
  return `${pad(p.day)}${pad(p.month)}${p.year}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}+${pad(now.getUTCMilliseconds(), 4)}`;
}

/** Header values must be printable ASCII: anything else would be mangled on the wire and break the HMAC. */
function checkValue(key: string, value: string): void {
  if (!/^[\x20-\x7e]*$/.test(value) || value.length > 8192) {
    throw new AppFailure('VALIDATION', `Giá trị tham số "${key}" gửi tới Trục liên thông không hợp lệ (chỉ ký tự ASCII).`);
  }
}

/**
 * The HTTP headers of one signed request. `params` are the operation's own keys (standards.md §2.1), in the order
 * given; `contentType` is the body's Content-Type (for multipart the caller replaces the boundary-less value it
 * signs with the real header only on the ordinary `Content-Type`, as the SDK does).
 */
export function xroadVnptHeaders(input: { systemId: string; secret: string; contentType: string; params: Array<[string, string]>; now: Date }): Record<string, string> {
  const map: Array<[string, string]> = [
    ['systemid', input.systemId],
    ['timestamp', xroadTimestamp(input.now)],
    ['Content-Type', input.contentType],
    ...input.params,
  ];
  const headers: Record<string, string> = {};
  const signed: Record<string, string> = {};
  for (const [key, value] of map) {
    checkValue(key, value);
    headers[XROAD_PREFIX + key] = value;
    signed[XROAD_PREFIX + key] = value;
  }
  const signHeader = JSON.stringify(signed);
  headers[`${XROAD_PREFIX}sign-header-key`] = map.map(([k]) => k).join(';');
  headers[`${XROAD_PREFIX}sign-header`] = signHeader;
  headers[`${XROAD_PREFIX}hash-header`] = createHmac('sha256', input.secret).update(signHeader, 'utf8').digest('hex');
  headers[`${XROAD_PREFIX}version`] = XROAD_VERSION;
  headers['User-Agent'] = XROAD_USER_AGENT;
  headers['Content-Type'] = input.contentType;
  return headers;
}
