/**
 * The second AxisClient adapter: the Lạng Sơn "Trục EDOC" REST shape (standards.md §2.4): `/v1/<operation>`,
 * plain `X-SystemId` + `X-SecretKey` headers, `sendEdoc` as multipart with the part `edocFile` and the field
 * `messageType`, JSON bodies for the other operations, numeric error codes with known meanings. The listing and
 * download paths follow the same `/v1/` naming as the documented ones ([U]: the guide documents only send and
 * updateStatus; its list calls go through a token login on the production axis).
 */
import { AppFailure } from '../../../shared/api/result';
import type { AxisClient } from './axis-client';
import { checkEnvelope, packageStream, parseAgencies, parseInbox, parseSendDocId, parseSentStatus, type ErrorCodeTexts } from './axis-envelope';
import { createAxisTransport } from './axis-http';
import type { VxpAdapterOptions } from './vxp-adapter';

/** Error codes of the Lạng Sơn guide (HuongDanKetNoiLienThongVB v2.2), in Vietnamese. */
export const LANG_SON_ERRORS: ErrorCodeTexts = Object.freeze({
  '10': 'Trục liên thông báo tệp gói tin không hợp lệ (mã 10).',
  '15': 'Trục liên thông báo sai mã hệ thống hoặc khóa bí mật (mã 15).',
  '18': 'Trục liên thông báo đơn vị nhận không tồn tại (mã 18).',
  '19': 'Trục liên thông báo đơn vị gửi chưa đăng ký (mã 19).',
  '20': 'Trục liên thông báo lỗi hệ thống LGSP (mã 20).',
  '21': 'Trục liên thông báo lỗi xử lý tệp (mã 21).',
  '22': 'Trục liên thông báo gói tin edXML không đúng chuẩn (mã 22).',
  '23': 'Trục liên thông báo đơn vị nhận đã bị khóa (mã 23).',
});

/** Codes that mean "try again later" rather than "this request is wrong". */
const TRANSIENT = new Set(['20']);

function mapTransient<T>(work: Promise<T>): Promise<T> {
  return work.catch((cause: unknown) => {
    if (cause instanceof AppFailure && cause.code === 'AXIS_REJECTED' && TRANSIENT.has(String(cause.details?.axisCode))) {
      throw new AppFailure('AXIS_UNREACHABLE', cause.message, cause.details);
    }
    throw cause;
  });
}

/** Build the Lạng Sơn adapter. Errors: VALIDATION (bad endpoint), AXIS_NOT_CONFIGURED (empty credentials). */
export function createLangSonAdapter(options: VxpAdapterOptions): AxisClient {
  if (!options.systemId || !options.secret) throw new AppFailure('AXIS_NOT_CONFIGURED', 'Chưa có mã hệ thống hoặc khóa bí mật của Trục liên thông.');
  // The pair travels as plain header values: only printable ASCII survives the wire.
  if (!/^[\x21-\x7e]+$/.test(options.systemId) || !/^[\x21-\x7e]+$/.test(options.secret)) {
    throw new AppFailure('VALIDATION', 'Mã hệ thống và khóa bí mật của Trục liên thông chỉ gồm chữ, số và ký hiệu ASCII (không dấu, không khoảng trắng).');
  }
  const http = createAxisTransport(options);
  const now = options.now ?? (() => new Date());
  const auth = { 'X-SystemId': options.systemId, 'X-SecretKey': options.secret };
  const jsonHeaders = { ...auth, 'Content-Type': 'application/json' };
  const call = (op: string, body: Record<string, string>): Promise<Record<string, unknown>> =>
    mapTransient(http.postJson(`/v1/${op}`, jsonHeaders, body).then((a) => checkEnvelope(a, LANG_SON_ERRORS)));

  return {
    style: 'lang-son',
    async listAgencies() {
      return parseAgencies(await call('getAgenciesList', {}));
    },
    async listInbox(messageType) {
      return parseInbox(await call('getReceivedEdocList', { messageType }), messageType);
    },
    async getPackage(docId, maxBytes) {
      const answer = await http.postForStream('/v1/getEdoc', jsonHeaders, { docId });
      return mapTransient(packageStream(answer, maxBytes, LANG_SON_ERRORS));
    },
    async acknowledge(docId, ack) {
      await call('updateStatus', { docId, status: ack });
    },
    async send(request) {
      if (request.to.length === 0) throw new AppFailure('VALIDATION', 'Chưa chọn cơ quan nhận.');
      const answer = await mapTransient(
        http.postMultipart('/v1/sendEdoc', auth, { messageType: request.messageType }, {
          field: 'edocFile',
          fileName: `${request.sha256.slice(0, 16)}.edxml`,
          contentType: 'application/xml',
          path: request.file,
          size: request.size,
        }).then((a) => checkEnvelope(a, LANG_SON_ERRORS)),
      );
      return { docId: parseSendDocId(answer), acknowledgedAt: now().toISOString() };
    },
    async sentStatus(docId, messageType) {
      return parseSentStatus(await call('getSentEdocList', { docId, messageType }));
    },
  };
}
