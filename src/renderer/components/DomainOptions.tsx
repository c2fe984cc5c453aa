/** The <option> lists of the NĐ 30 document types and the urgency levels, shared by every form and filter. */
import { DOCUMENT_TYPES } from '../../shared/domain/document-types';
import { URGENCIES } from '../../shared/domain/urgency';
import { URGENCY_LABELS } from '../i18n/vi';

export function DocumentTypeOptions() {
  return (
    <>
      {DOCUMENT_TYPES.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </>
  );
}

export function UrgencyOptions() {
  return (
    <>
      {URGENCIES.map((u) => (
        <option key={u} value={u}>
          {URGENCY_LABELS[u]}
        </option>
      ))}
    </>
  );
}
