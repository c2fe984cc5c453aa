/**
 * The first AxisClient adapter: the VXP SDK protocol of the national/provincial axis (standards.md §2.1–2.3).
 * Operations are POSTs to `<endpoint>/<operation>`; the operation's parameters travel as signed `XroadVnpt-*`
 * headers (§2.2; they are repeated in the JSON body for gateways that read the body); `sendEdoc` is multipart
 * with the package in the part `file_doc` and `hash-file` = SHA-256 hex of the file.
 */
import { AppFailure } from '../../../shared/api/result';
import type { AxisClient, AxisMessageType } from './axis-client';
import { checkEnvelope, packageStream, parseAgencies, parseInbox, parseSendDocId, parseSentStatus } from './axis-envelope';
import { createAxisTransport, type AxisTransportOptions } from './axis-http';
import { xroadVnptHeaders } from './xroad-vnpt-headers';

export interface AxisCredentials {
  systemId: string;
  secret: string;
}

export interface VxpAdapterOptions extends AxisTransportOptions, AxisCredentials {
  /** Clock of the signed timestamp; injected by tests. */
  now?: () => Date;
}

const JSON_TYPE = 'application/json';

/** Build the VXP SDK adapter. Errors: VALIDATION (bad endpoint, empty credentials). */
export function createVxpAdapter(options: VxpAdapterOptions): AxisClient {
  if (!options.systemId || !options.secret) throw new AppFailure('AXIS_NOT_CONFIGURED', 'Chưa có mã hệ thống hoặc khóa bí mật của Trục liên thông.');
  const http = createAxisTransport(options);
  const now = options.now ?? (() => new Date());
  const sign = (contentType: string, params: Array<[string, string]>): Record<string, string> =>
    xroadVnptHeaders({ systemId: options.systemId, secret: options.secret, contentType, params, now: now() });
  const call = async (op: string, params: Array<[string, string]>): Promise<Record<string, unknown>> =>
    checkEnvelope(await http.postJson(`/${op}`, sign(JSON_TYPE, params), Object.fromEntries(params)));
  const kindParams = (messageType: AxisMessageType): Array<[string, string]> => [
    ['servicetype', 'eDoc'],
    ['messagetype', messageType],
  ];

  return {
    style: 'xroad-vnpt',
    async listAgencies() {
      return parseAgencies(await call('getAgenciesList', []));
    },
    async listInbox(messageType) {
      return parseInbox(await call('getReceivedEdocList', kindParams(messageType)), messageType);
    },
    async getPackage(docId, maxBytes) {
      const params: Array<[string, string]> = [['docId', docId]];
      const answer = await http.postForStream('/getEdoc', sign(JSON_TYPE, params), Object.fromEntries(params));
      return packageStream(answer, maxBytes);
    },
    async acknowledge(docId, ack) {
      await call('updateStatus', [
        ['docId', docId],
        ['status', ack],
      ]);
    },
    async send(request) {
      if (request.to.length === 0) throw new AppFailure('VALIDATION', 'Chưa chọn cơ quan nhận.');
      const params: Array<[string, string]> = [
        ['from', request.from],
        ['to', JSON.stringify(request.to)],
        ['servicetype', 'eDoc'],
        ['messagetype', request.messageType],
        ['hash-file', request.sha256],
      ];
      // The signed Content-Type is the bare media type; the transport adds the boundary to the real header.
      const headers = sign('multipart/form-data', params);
      delete headers['Content-Type'];
      const answer = await http.postMultipart('/sendEdoc', headers, {}, {
        field: 'file_doc',
        fileName: `${request.sha256.slice(0, 16)}.edxml`,
        contentType: 'application/xml',
        path: request.file,
        size: request.size,
      });
      const docId = parseSendDocId(checkEnvelope(answer));
      return { docId, acknowledgedAt: now().toISOString() };
    },
    async sentStatus(docId, messageType) {
      return parseSentStatus(await call('getSentEdocList', [...kindParams(messageType), ['docId', docId]]));
    },
  };
}
