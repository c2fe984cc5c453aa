/**
 * Every contract channel mapped onto a service (house rules §4, "Handlers"). Handlers know no transport:
 * the Electron IPC and the web host both reach them through `dispatch`, after the request passed its schema.
 */
import type { Channel, Req, Res } from '../../shared/api/contract';
import { AppFailure } from '../../shared/api/result';
import { exchangeStats } from '../../shared/domain/exchange-stats';
import { agencyNamesOf } from '../reports/exchange-stats-xlsx';
import type { Services } from './compose';

/** Who is calling; built by the transport after it checked the caller (sender frame, or secret + Origin/Host). */
export interface CallContext {
  transport: 'electron' | 'web';
}

/** One handler per channel; a missing channel is a compile error. */
export type Handlers = { [C in Channel]: (req: Req<C>, ctx: CallContext) => Promise<Res<C>> };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decode the base64 of a `files.put`; anything that is not canonical base64 is refused. Errors: VALIDATION. */
export function decodeBase64(text: string): Buffer {
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new AppFailure('VALIDATION', 'Dữ liệu tệp không đúng mã base64.');
  }
  return Buffer.from(text, 'base64');
}

/** Build the handler map from the services. */
export function createHandlers(services: Services): Handlers {
  const { signing } = services;
  // Every call that opens the PKCS#11 module runs under the token lock (signing-host.ts).
  const withToken = <T>(work: (svc: Awaited<ReturnType<typeof signing.service>>) => Promise<T>): Promise<T> =>
    signing.lock.run(async () => work(await signing.service()));
  return {
    'app.info': async () => ({ ...services.info }),
    'settings.get': () => services.settings.get(),
    'settings.update': (req) => services.settings.update(req),
    'rules.get': async () => services.rules.load((await services.settings.get()).holidaysFile),
    'files.put': (req) => services.blobs.put(decodeBase64(req.dataBase64), req.mediaType),
    'files.get': async (req) => {
      const { bytes, ...stored } = await services.blobs.get(req.sha256);
      return { ...stored, dataBase64: bytes.toString('base64') };
    },
    'files.stat': (req) => services.blobs.stat(req.sha256),
    'auth.hashPassword': async (req) => ({ hash: await services.passwords.hash(req.password) }),
    'auth.verifyPassword': async (req) => ({ match: await services.passwords.verify(req.password, req.hash) }),
    'reports.registerPdf': (req) => services.reports.registerPdf(req),
    'reports.registerXlsx': (req) => services.reports.registerXlsx(req),
    'journal.head': async () => ({ head: await services.journal.head() }),
    'journal.witness': (req) => services.journal.record(req),
    'jobs.cancel': async (req) => {
      if (!services.jobs.cancel(req.jobId)) throw new AppFailure('NOT_FOUND', 'Không có công việc nào đang chạy với mã này.', { jobId: req.jobId });
      return { cancelled: true as const };
    },
    'token.modules': async () => (await signing.service()).modules(),
    'token.list': async () => {
      // The first listing means a signing screen is open: from now on insertions and removals are pushed.
      signing.watch();
      return withToken((svc) => svc.listTokens());
    },
    'token.certificates': (req) => withToken((svc) => svc.listCertificates(req.tokenLabel)),
    'signing.personal': (req) => withToken((svc) => svc.signPersonal(req)),
    'signing.personalBatch': (req) => withToken((svc) => svc.signPersonalBatch(req)),
    'signing.prepare': async (req) => (await signing.service()).prepare(req),
    'signing.fillNumber': async (req) => (await signing.service()).fillNumber(req),
    'signing.organization': (req) => withToken((svc) => svc.signOrganization(req)),
    'signing.attachments': (req) => withToken((svc) => svc.signAttachments(req)),
    'signing.trustImport': async (req) => (await signing.service()).importTrust(req),
    'verify.file': async (req) => (await signing.service()).verify(req),
    'verify.signedRevision': async (req) => (await signing.service()).signedRevision(req),
    'exchange.status': async () => services.exchange.engine.status(),
    'exchange.pause': async () => services.exchange.engine.pause(),
    'exchange.resume': async () => services.exchange.engine.resume(),
    'exchange.syncNow': () => services.exchange.engine.syncNow(),
    'exchange.incomingList': async (req) => services.exchange.listIncoming(req.state),
    'exchange.incomingConfirm': (req) => services.exchange.confirmIngested(req.id),
    'exchange.outgoingList': async (req) => services.exchange.listOutgoing(req.state),
    'exchange.send': (req) => services.exchange.send(req),
    'exchange.agencies': (req) => services.exchange.searchAgencies(req.query, req.limit),
    'exchange.agenciesRefresh': () => services.exchange.refreshAgencies(),
    'exchange.settingsGet': () => services.exchange.getSettings(),
    'exchange.settingsUpdate': (req) => services.exchange.updateSettings(req),
    'exchange.flowIncoming': async () => services.flows.incoming.list(),
    'exchange.flowReply': (req) => services.flows.incoming.reply(req),
    'exchange.flowSent': async () => services.flows.outgoing.list(),
    'exchange.sendDocument': (req) => services.flows.outgoing.sendDocument(req),
    'exchange.revoke': (req) => services.flows.outgoing.revoke(req),
    'exchange.stats': async (req) => exchangeStats(services.flows.incoming.list(), services.flows.outgoing.list(), req.from, req.to),
    'exchange.statsXlsx': async (req) => {
      const incoming = services.flows.incoming.list();
      const stats = exchangeStats(incoming, services.flows.outgoing.list(), req.from, req.to);
      return services.reports.exchangeStatsXlsx({ stats, unitName: (await services.settings.get()).unitName, agencyNames: agencyNamesOf(incoming) });
    },
    'scan.devices': () => services.scan.devices(),
    'scan.capabilities': (req) => services.scan.capabilities(req.deviceId),
    'scan.addNetwork': (req) => services.scan.addNetwork(req.url, req.name),
    'scan.removeNetwork': (req) => services.scan.removeNetwork(req.deviceId),
    'scan.discover': () => services.scan.discover(),
    'scan.start': (req) => services.scan.start(req),
    'scan.recent': () => services.scan.recent(),
    'scan.extract': (req) => services.ocr.extract(req),
  };
}
