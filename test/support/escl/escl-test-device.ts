/**
 * A loopback eSCL scanner for tests (architecture.md: "eSCL against a small loopback test device"). It speaks the
 * parts of the Mopria eSCL protocol the adapter uses (ScannerCapabilities, ScannerStatus, POST ScanJobs → 201 +
 * Location, GET NextDocument until 404, DELETE of a job) and serves a feeder stack of real image files. Faults:
 * an empty feeder, a paper jam or an opened door after N pages, disappearing in the middle of page N (the
 * connection is cut and the server closes), a damaged page, and holding a page until the job is deleted (cancel).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface TestPage {
  bytes: Buffer;
  type: 'image/png' | 'image/jpeg';
}

export interface EsclFaults {
  /** After this many pages the feeder jams (NextDocument 404, AdfState ScannerAdfJam). */
  jamAfter?: number;
  /** After this many pages the door opens. */
  doorOpenAfter?: number;
  /** Page number (1-based) whose transfer is cut half-way, after which the device is gone. */
  disappearDuring?: number;
  /** Page numbers served with their second half missing (a damaged image). */
  corrupt?: number[];
  /** After this many pages NextDocument does not answer until the job is deleted. */
  holdAfter?: number;
}

export interface EsclTestDevice {
  /** The eSCL root, e.g. `http://127.0.0.1:41234/eSCL`. */
  url: string;
  /** ScanSettings documents received, in order. */
  jobsPosted: string[];
  /** Jobs deleted by the client. */
  jobsDeleted: string[];
  /** Number of pages served so far. */
  served(): number;
  close(): Promise<void>;
}

export interface EsclTestDeviceOptions {
  pages: TestPage[];
  faults?: EsclFaults;
  formats?: string[];
  makeAndModel?: string;
}

const NS = 'xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm"';

function capabilities(formats: string[], model: string): string {
  const profile = `<scan:SettingProfiles><scan:SettingProfile>
      <scan:ColorModes><scan:ColorMode>BlackAndWhite1</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes>
      <scan:DocumentFormats>${formats.map((f) => `<pwg:DocumentFormat>${f}</pwg:DocumentFormat>`).join('')}</scan:DocumentFormats>
      <scan:SupportedResolutions><scan:DiscreteResolutions>
        ${[75, 100, 150, 300].map((r) => `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`).join('')}
      </scan:DiscreteResolutions></scan:SupportedResolutions>
    </scan:SettingProfile></scan:SettingProfiles>`;
  const caps = `<scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth><scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight>${profile}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScannerCapabilities ${NS}>
  <pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>${model}</pwg:MakeAndModel>
  <scan:Platen><scan:PlatenInputCaps>${caps}</scan:PlatenInputCaps></scan:Platen>
  <scan:Adf><scan:AdfSimplexInputCaps>${caps}</scan:AdfSimplexInputCaps><scan:AdfDuplexInputCaps>${caps}</scan:AdfDuplexInputCaps>
    <scan:AdfOptions><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions></scan:Adf>
</scan:ScannerCapabilities>`;
}

/** Start the device on a free loopback port. Always `close()` it. */
export async function startEsclTestDevice(options: EsclTestDeviceOptions): Promise<EsclTestDevice> {
  const faults = options.faults ?? {};
  const formats = options.formats ?? ['image/jpeg', 'image/png'];
  const jobsPosted: string[] = [];
  const jobsDeleted: string[] = [];
  const sockets = new Set<Socket>();
  const held: ServerResponse[] = [];
  let next = 0;
  let job: string | undefined;
  let adfState = options.pages.length === 0 ? 'ScannerAdfEmpty' : 'ScannerAdfLoaded';
  let jobCount = 0;

  const xml = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let text = '';
      req.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve(text));
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://device').pathname;
      if (req.method === 'GET' && path === '/eSCL/ScannerCapabilities') return xml(res, 200, capabilities(formats, options.makeAndModel ?? 'Loopback eSCL Scanner'));
      if (req.method === 'GET' && path === '/eSCL/ScannerStatus') {
        return xml(res, 200, `<?xml version="1.0"?><scan:ScannerStatus ${NS}><pwg:Version>2.63</pwg:Version><pwg:State>${job ? 'Processing' : 'Idle'}</pwg:State><scan:AdfState>${adfState}</scan:AdfState></scan:ScannerStatus>`);
      }
      if (req.method === 'POST' && path === '/eSCL/ScanJobs') {
        jobsPosted.push(await readBody(req));
        job = `job-${++jobCount}`;
        res.writeHead(201, { location: `/eSCL/ScanJobs/${job}`, 'content-length': 0 });
        return res.end();
      }
      const m = /^\/eSCL\/ScanJobs\/([^/]+)(\/NextDocument)?$/.exec(path);
      if (m !== null && req.method === 'DELETE') {
        jobsDeleted.push(m[1] ?? '');
        job = undefined;
        for (const h of held.splice(0)) h.writeHead(404).end();
        res.writeHead(200, { 'content-length': 0 });
        return res.end();
      }
      if (m !== null && m[2] !== undefined && req.method === 'GET') {
        if (m[1] !== job) return res.writeHead(404).end();
        if (faults.holdAfter !== undefined && next >= faults.holdAfter) return void held.push(res);
        const stop = (state: string): void => {
          adfState = state;
          job = undefined;
          res.writeHead(404, { 'content-length': 0 }).end();
        };
        if (faults.jamAfter !== undefined && next >= faults.jamAfter) return stop('ScannerAdfJam');
        if (faults.doorOpenAfter !== undefined && next >= faults.doorOpenAfter) return stop('ScannerAdfDoorOpen');
        const page = options.pages[next];
        if (page === undefined) return stop('ScannerAdfEmpty');
        next++;
        if (faults.disappearDuring === next) {
          // Headers and half the image, then the cable is pulled: every connection dies and nothing listens any more.
          res.writeHead(200, { 'content-type': page.type, 'content-length': page.bytes.length });
          res.write(page.bytes.subarray(0, page.bytes.length >> 1), () => {
            server.close();
            for (const s of sockets) s.destroy();
          });
          return;
        }
        const bytes = faults.corrupt?.includes(next) === true ? page.bytes.subarray(0, page.bytes.length >> 1) : page.bytes;
        res.writeHead(200, { 'content-type': page.type, 'content-length': bytes.length });
        return res.end(bytes);
      }
      res.writeHead(404).end();
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/eSCL`,
    jobsPosted,
    jobsDeleted,
    served: () => next,
    close: () =>
      new Promise((resolve) => {
        for (const h of held.splice(0)) h.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        if (!server.listening) resolve();
      }),
  };
}
