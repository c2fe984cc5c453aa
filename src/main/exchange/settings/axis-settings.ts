/**
 * Connection settings of the exchange axis (standards.md §2.0: endpoint, system id, header style, optional CA
 * file), in `<dataDir>/exchange/axis-settings.json` (atomic write); the secret goes through the SecretStore port
 * (Electron: safeStorage; web host: a 0600 file) and is never answered back. HTTPS is required except for a test
 * axis on this machine (loopback); certificate verification is never switched off — a provincial axis with its
 * own CA is trusted by naming that CA's PEM file here.
 */
import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import { AxisSettingsPatch, type AxisSettingsView } from '../../../shared/api/exchange-schemas';
import { writeFileAtomic } from '../../storage/atomic-file';
import type { SecretStore } from '../../storage/secret-store';
import type { AxisConnection } from '../axis/create-axis-client';

export const AXIS_SECRET_KEY = 'axis-secret';
const MAX_CA_BYTES = 1024 * 1024;

interface Stored {
  endpoint: string | null;
  systemId: string | null;
  headerStyle: AxisSettingsView['headerStyle'];
  caFile: string | null;
  pollMinutes: number;
}

const DEFAULTS: Stored = { endpoint: null, systemId: null, headerStyle: 'xroad-vnpt', caFile: null, pollMinutes: 5 };

export interface AxisSettingsStore {
  get(): Promise<AxisSettingsView>;
  /** Validate and apply a patch. Errors: VALIDATION (bad URL, plain http off loopback, unreadable CA file). */
  update(patch: unknown): Promise<AxisSettingsView>;
  /** Everything the adapters need, secret and CA PEM included; never crosses to the renderer. */
  connection(): Promise<AxisConnection & { pollMinutes: number }>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Check an endpoint URL. Errors: VALIDATION with a Vietnamese reason. */
export function checkEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppFailure('VALIDATION', 'Địa chỉ Trục liên thông không hợp lệ.');
  }
  if (url.username || url.password) throw new AppFailure('VALIDATION', 'Địa chỉ Trục liên thông không được chứa tên đăng nhập hoặc mật khẩu.');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    throw new AppFailure('VALIDATION', 'Trục liên thông phải dùng https:// (http:// chỉ cho trục thử nghiệm trên chính máy này).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppFailure('VALIDATION', 'Địa chỉ Trục liên thông phải bắt đầu bằng https://.');
  return url.href.replace(/\/+$/, '');
}

/** Read and check a CA file: absolute path, small, at least one parsable PEM certificate. */
export async function readCaFile(path: string): Promise<string> {
  if (!isAbsolute(path)) throw new AppFailure('VALIDATION', 'Đường dẫn tệp CA phải là đường dẫn tuyệt đối.');
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new AppFailure('VALIDATION', 'Không tìm thấy tệp CA của Trục liên thông.');
  if (info.size > MAX_CA_BYTES) throw new AppFailure('VALIDATION', 'Tệp CA của Trục liên thông quá lớn.');
  const pem = await readFile(path, 'utf8');
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new AppFailure('VALIDATION', 'Tệp CA không chứa chứng thư dạng PEM.');
  for (const b of blocks) {
    try {
      new X509Certificate(b);
    } catch {
      throw new AppFailure('VALIDATION', 'Tệp CA có chứng thư không đọc được.');
    }
  }
  return blocks.join('\n');
}

export function createAxisSettingsStore(options: { dataDir: string; secrets: SecretStore; onChange?: (view: AxisSettingsView) => void }): AxisSettingsStore {
  const file = join(options.dataDir, 'exchange', 'axis-settings.json');
  let cached: Stored | null = null;

  const load = async (): Promise<Stored> => {
    if (cached) return cached;
    try {
      const raw = JSON.parse(await readFile(file, 'utf8')) as Partial<Stored>;
      cached = { ...DEFAULTS, ...raw };
    } catch {
      cached = { ...DEFAULTS };
    }
    return cached;
  };
  const view = async (s: Stored): Promise<AxisSettingsView> => ({ ...s, hasSecret: (await options.secrets.get(AXIS_SECRET_KEY)) !== null });

  return {
    get: async () => view(await load()),
    async update(patch) {
      const parsed = AxisSettingsPatch.safeParse(patch);
      if (!parsed.success) throw new AppFailure('VALIDATION', 'Cấu hình Trục liên thông không hợp lệ.', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
      const { secret, ...rest } = parsed.data;
      const next: Stored = { ...(await load()) };
      if (rest.endpoint !== undefined) next.endpoint = rest.endpoint === null ? null : checkEndpoint(rest.endpoint);
      if (rest.systemId !== undefined) next.systemId = rest.systemId;
      if (rest.headerStyle !== undefined) next.headerStyle = rest.headerStyle;
      if (rest.pollMinutes !== undefined) next.pollMinutes = rest.pollMinutes;
      if (rest.caFile !== undefined) {
        if (rest.caFile !== null) await readCaFile(rest.caFile);
        next.caFile = rest.caFile;
      }
      await writeFileAtomic(file, JSON.stringify(next, null, 1));
      if (secret !== undefined) {
        if (secret === null) await options.secrets.delete(AXIS_SECRET_KEY);
        else await options.secrets.set(AXIS_SECRET_KEY, secret);
      }
      cached = next;
      const v = await view(next);
      options.onChange?.(v);
      return v;
    },
    async connection() {
      const s = await load();
      const secret = await options.secrets.get(AXIS_SECRET_KEY);
      if (!s.endpoint || !s.systemId || !secret) throw new AppFailure('AXIS_NOT_CONFIGURED', 'Chưa cấu hình đủ địa chỉ, mã hệ thống và khóa bí mật của Trục liên thông.');
      return { endpoint: s.endpoint, headerStyle: s.headerStyle, systemId: s.systemId, secret, caPem: s.caFile ? await readCaFile(s.caFile) : null, pollMinutes: s.pollMinutes };
    },
  };
}
