// Cài đặt: the typed form → a SettingsPatch; bad identifier codes, office hours and lock minutes are refused
// in Vietnamese before anything is sent (main checks again).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formToPatch, settingsToForm } from '../../../../../src/renderer/features/settings/settings-form';
import { TEST_SETTINGS } from '../../support/fake-api';

const form = () => settingsToForm(TEST_SETTINGS);

describe('settings form', () => {
  it('round-trips the current settings into a patch (empty holidays file = default rules)', () => {
    const r = formToPatch(form());
    expect(r).toEqual({ ok: true, patch: { ...TEST_SETTINGS, holidaysFile: null } });
    const custom = formToPatch({ ...form(), holidaysFile: ' ngay-nghi-2027.json ', lockAfterMinutes: '30' });
    expect(custom.ok && custom.patch).toMatchObject({ holidaysFile: 'ngay-nghi-2027.json', lockAfterMinutes: 30 });
  });

  it.each([
    [{ unitName: '  ' }, 'unitName', 'Tên cơ quan, đơn vị: không được để trống.'],
    [{ unitCode: 'H35' }, 'unitCode', 'Mã định danh không đúng dạng (ví dụ 000.00.00.H35).'],
    [{ lockAfterMinutes: '0' }, 'lockAfterMinutes', 'Tự khóa sau (phút): 1–240.'],
    [{ lockAfterMinutes: 'mười' }, 'lockAfterMinutes', 'Tự khóa sau (phút): 1–240.'],
    [{ officeHours: [] }, 'officeHours', 'Cần ít nhất một buổi làm việc.'],
    [{ officeHours: [{ start: '7:30', end: '11:30' }] }, 'officeHours', 'Giờ phải có dạng HH:mm.'],
    [{ officeHours: [{ start: '11:30', end: '07:30' }] }, 'officeHours', 'Giờ kết thúc phải sau giờ bắt đầu.'],
    [
      { officeHours: [{ start: '07:30', end: '12:00' }, { start: '11:30', end: '17:00' }] },
      'officeHours',
      'Các buổi làm việc không được chồng lên nhau.',
    ],
  ])('%j is refused', (patch, field, message) => {
    const r = formToPatch({ ...form(), ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[field as keyof typeof r.problems]).toBe(message);
  });

  it('accepts an empty identifier code (not configured yet)', () => {
    expect(formToPatch({ ...form(), unitCode: '' }).ok).toBe(true);
  });
});
