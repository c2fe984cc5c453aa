/**
 * Entry of the web host (`npm run web`, built to dist/node/web-host.mjs): the whole app in a browser on this
 * machine, for workstations where the Electron binary cannot run and for the end-to-end tests.
 */
import { mkdir } from 'node:fs/promises';
import { createServices } from '../host/compose';
import { createHandlers } from '../host/handlers';
import { createEventHub } from './event-hub';
import { LaunchOptionError, parseLaunchOptions } from './options';
import { resolveAppPaths } from './paths';
import { startWebHost } from './server';

declare const __APP_VERSION__: string | undefined;

async function main(): Promise<void> {
  const paths = resolveAppPaths();
  const options = parseLaunchOptions(process.argv.slice(2), process.env, { rendererDir: paths.rendererDir });
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const hub = createEventHub();
  const services = createServices({
    dataDir: options.dataDir,
    assetsDir: paths.assetsDir,
    transport: 'web',
    version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev',
    emit: (event, payload) => hub.emit(event, payload),
  });
  const host = await startWebHost({ handlers: createHandlers(services), hub, port: options.port, secret: options.secret, rendererDir: options.rendererDir });
  console.log(`VANTHU_URL=${host.authUrl}`);
  console.log('Mở đường dẫn trên bằng trình duyệt Chromium để dùng Văn thư số (chỉ trên máy này).');

  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.error(`[web-host] ${signal}: đang dừng máy chủ cục bộ`);
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((cause: unknown) => {
  if (cause instanceof LaunchOptionError) {
    console.error(cause.message);
  } else if ((cause as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error('[web-host] Cổng đã được chương trình khác dùng; hãy đóng nó hoặc chọn --port khác.');
  } else {
    console.error('[web-host] không khởi động được:', cause);
  }
  process.exit(1);
});
