/**
 * Pick the AxisClient adapter for a header style (standards.md §2.0: what differs between axes is configuration).
 * Errors: AXIS_NOT_CONFIGURED (no endpoint, system id or secret), VALIDATION (bad endpoint).
 */
import { AppFailure } from '../../../shared/api/result';
import type { AxisClient, AxisHeaderStyle } from './axis-client';
import { createLangSonAdapter } from './lang-son-adapter';
import { createVxpAdapter, type VxpAdapterOptions } from './vxp-adapter';

export interface AxisConnection extends Omit<VxpAdapterOptions, 'endpoint'> {
  endpoint: string | null;
  headerStyle: AxisHeaderStyle;
}

export function createAxisClient(connection: AxisConnection): AxisClient {
  const { endpoint, headerStyle, ...rest } = connection;
  if (!endpoint) throw new AppFailure('AXIS_NOT_CONFIGURED', 'Chưa nhập địa chỉ Trục liên thông.');
  if (headerStyle === 'lang-son') return createLangSonAdapter({ ...rest, endpoint });
  return createVxpAdapter({ ...rest, endpoint });
}
