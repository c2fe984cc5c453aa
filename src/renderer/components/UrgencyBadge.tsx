/** Khẩn / Thượng khẩn / Hỏa tốc flag (Art. 10.1: urgent documents are flagged); nothing for Thường. */
import type { Urgency } from '../../shared/domain/urgency';
import { URGENCY_LABELS } from '../i18n/vi';

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  if (urgency === 'thuong') return null;
  return <span className={`badge badge-${urgency}`}>{URGENCY_LABELS[urgency]}</span>;
}
