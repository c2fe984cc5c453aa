// The Art. 11 flow as a pure reducer: steps in order, "Phát hành" blocked until sealed, attachments signed
// (Art. 6.2b) and self-verified as acceptable (step 6); the seal only on the issuing date (Art. 11.2).
import { describe, expect, it } from 'vitest';
import { currentStep, flowReducer, initialFlow, issueBlockers, sealAllowedOn, stepStatuses, type FlowAction, type FlowState } from '../../../../../src/renderer/features/signing/flow-state';

const ref = (c: string) => ({ sha256: c.repeat(64), size: 10 });
const apply = (actions: FlowAction[], from: FlowState = initialFlow()) => actions.reduce(flowReducer, from);
const ENTRY = { entryId: 1, number: 7, codeNotation: '07/QĐ-UBND', date: '2026-03-02' };

describe('flow steps', () => {
  it('walks prepare → personal → number → seal → attachments → verify', () => {
    let s = initialFlow();
    expect(currentStep(s)).toBe('prepare');
    s = apply([{ type: 'draft', draft: { ...ref('a'), name: 'du-thao.pdf' } }, { type: 'prepared' }], s);
    expect(currentStep(s)).toBe('personal');
    s = apply([{ type: 'personal', file: ref('b'), signer: 'Nguyễn Văn An' }], s);
    expect(currentStep(s)).toBe('number');
    s = apply([{ type: 'entry', entry: ENTRY }], s);
    expect(currentStep(s)).toBe('number');
    s = apply([{ type: 'numbered', file: ref('c') }, { type: 'sealed', file: ref('d') }], s);
    expect(currentStep(s)).toBe('attachments');
    s = apply([{ type: 'attachmentsDone' }], s);
    expect(currentStep(s)).toBe('verify');
    expect(stepStatuses(s)).toEqual({ prepare: 'done', personal: 'done', number: 'done', seal: 'done', attachments: 'done', verify: 'current' });
  });

  it('ignores actions out of order', () => {
    const s = initialFlow();
    expect(apply([{ type: 'prepared' }], s)).toEqual(s);
    expect(apply([{ type: 'sealed', file: ref('d') }], s)).toEqual(s);
    expect(apply([{ type: 'entry', entry: ENTRY }], s)).toEqual(s);
    expect(apply([{ type: 'issued' }], s).issued).toBe(false);
  });

  it('a file already signed by the leader skips Ký duyệt (Art. 11.1b hand-over)', () => {
    const s = apply([{ type: 'draft', draft: { ...ref('a'), name: 'da-ky.pdf' } }, { type: 'personal', file: ref('a'), signer: 'Nguyễn Văn An' }]);
    expect(currentStep(s)).toBe('number');
  });

  it('freezes the register data once a number is taken', () => {
    const s = apply([{ type: 'draft', draft: { ...ref('a'), name: 'x.pdf' } }, { type: 'personal', file: ref('b'), signer: 'A' }, { type: 'entry', entry: ENTRY }]);
    expect(apply([{ type: 'form', patch: { notation: 'CV-UBND' } }], s).form.notation).toBe('');
  });
});

describe('issue blockers (Art. 6.2b, Art. 11 step 6)', () => {
  const sealed = apply([
    { type: 'draft', draft: { ...ref('a'), name: 'x.pdf' } },
    { type: 'personal', file: ref('b'), signer: 'A' },
    { type: 'entry', entry: ENTRY },
    { type: 'numbered', file: ref('c') },
    { type: 'sealed', file: ref('d') },
  ]);

  it('blocks issue while an attachment is unsigned, until all are signed and verified', () => {
    let s = apply([{ type: 'attachmentAdded', attachment: { ...ref('e'), name: 'phu-luc-1.pdf' } }, { type: 'attachmentAdded', attachment: { ...ref('f'), name: 'phu-luc-2.pdf' } }], sealed);
    expect(issueBlockers(s)).toEqual(['attachmentsUnsigned', 'notVerified']);
    expect(apply([{ type: 'attachmentsDone' }], s).attachmentsDone).toBe(false);
    s = apply([{ type: 'attachmentsSigned', signed: [ref('1'), ref('2')] }, { type: 'attachmentsDone' }], s);
    expect(s.attachments.map((a) => a.signed?.sha256[0])).toEqual(['1', '2']);
    expect(issueBlockers(s)).toEqual(['notVerified']);
    expect(issueBlockers(apply([{ type: 'verified', main: 'valid', attachments: ['valid', 'unknown'] }], s))).toEqual(['verdictBad']);
    const ok = apply([{ type: 'verified', main: 'valid-with-allowed-changes', attachments: ['valid', 'valid'] }], s);
    expect(issueBlockers(ok)).toEqual([]);
    expect(apply([{ type: 'issued' }], ok).issued).toBe(true);
  });

  it('refuses an invalid or undetermined self-verification', () => {
    const s = apply([{ type: 'attachmentsDone' }], sealed);
    for (const v of ['invalid', 'unknown', 'unsigned'] as const) {
      const checked = apply([{ type: 'verified', main: v, attachments: [] }], s);
      expect(issueBlockers(checked)).toEqual(['verdictBad']);
      expect(apply([{ type: 'issued' }], checked).issued).toBe(false);
    }
  });

  it('a signed batch must match the unsigned files one for one', () => {
    const s = apply([{ type: 'attachmentAdded', attachment: { ...ref('e'), name: 'a.pdf' } }], sealed);
    expect(apply([{ type: 'attachmentsSigned', signed: [ref('1'), ref('2')] }], s)).toEqual(s);
  });
});

describe('Art. 11.2', () => {
  it('allows the organization signature only on the issuing date', () => {
    expect(sealAllowedOn('2026-03-02', '2026-03-02')).toBe(true);
    expect(sealAllowedOn('2026-03-02', '2026-03-03')).toBe(false);
    expect(sealAllowedOn(undefined, '2026-03-02')).toBe(false);
  });
});

describe('field placement and the handover (Art. 11 step 1, Art. 11.1b)', () => {
  const draft = { type: 'draft' as const, draft: { ...ref('a'), name: 'du-thao.pdf' } };
  it('keeps the prepared draft until step 1 is done, and a new upload forgets it', () => {
    let s = apply([draft, { type: 'fieldsPlaced', file: ref('p') }]);
    expect(s.fieldsPlaced).toEqual(ref('p'));
    expect(apply([draft], s).fieldsPlaced).toBeNull();
    s = apply([{ type: 'prepared' }, { type: 'fieldsPlaced', file: ref('q') }], s);
    expect(s.fieldsPlaced).toEqual(ref('p'));
    expect(apply([{ type: 'fieldsPlaced', file: ref('p') }]).fieldsPlaced).toBeNull();
  });

  it('resumes a saved draft at Cấp số with its register data, and remembers the saved draft id', () => {
    const form = { typeId: 'cong-van' as const, notation: 'UBND-VP', abstract: 'Về việc x', recipient: 'Phòng A', urgency: 'khan' as const };
    const s = apply([{ type: 'resume', draftId: 'd1', draft: { ...ref('b'), name: 'x.pdf' }, form, signer: 'Nguyễn Văn An' }]);
    expect(currentStep(s)).toBe('number');
    expect(s).toMatchObject({ draftId: 'd1', form, personal: { sha256: ref('b').sha256, signer: 'Nguyễn Văn An' } });
    expect(apply([{ type: 'draftSaved', draftId: 'x' }]).draftId).toBeNull();
    const signed = apply([draft, { type: 'prepared' }, { type: 'personal', file: ref('c'), signer: 'A' }, { type: 'draftSaved', draftId: 'd2' }]);
    expect(signed.draftId).toBe('d2');
  });
});
