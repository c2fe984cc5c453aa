// Offline issue (issue 6 item 8): the self-verification before "Phát hành" accepts a result whose only doubt is
// revocation ("chưa kiểm tra được tình trạng thu hồi"), and nothing else: revoked, invalid, an untrusted chain or
// another undetermined point still block. The rule is shared with main (src/shared/domain/verification-acceptance.ts).
import { describe, expect, it } from 'vitest';
import { flowReducer, initialFlow, issueBlockers, type FlowAction, type FlowState } from '../../../../../src/renderer/features/signing/flow-state';
import { issueAcceptance } from '../../../../../src/shared/domain/verification-acceptance';
import type { SignatureSummary, VerificationSummary } from '../../../../../src/shared/api/signing-schemas';

const ref = (c: string) => ({ sha256: c.repeat(64), size: 10 });
const apply = (actions: FlowAction[], from: FlowState = initialFlow()) => actions.reduce(flowReducer, from);
const ENTRY = { entryId: 1, number: 7, codeNotation: '07/QĐ-UBND', date: '2026-03-02' };
const sealed = apply([
  { type: 'draft', draft: { ...ref('a'), name: 'du-thao.pdf' } }, { type: 'prepared' }, { type: 'personal', file: ref('b'), signer: 'Nguyễn Văn An' },
  { type: 'entry', entry: ENTRY }, { type: 'numbered', file: ref('c') }, { type: 'sealed', file: ref('d') }, { type: 'attachmentsDone' },
]);

const SIG: SignatureSummary = {
  field: 'KyDuyet', signer: 'Nguyễn Văn An', organization: null, time: null, timeSource: 'claimed', claimedTime: null, revision: 1, revisions: 3,
  coversWholeFile: false, verdict: 'unknown', reasons: ['không có dữ liệu thu hồi dùng được'], allowedChanges: [], certification: null,
  chain: 'trusted', revocation: 'unknown', revocationUnchecked: true,
};
const summary = (signatures: SignatureSummary[], verdict: VerificationSummary['verdict'] = 'unknown'): VerificationSummary => ({ verdict, reasons: [], signatures });

describe('offline issue', () => {
  it('accepts "unknown" only when every doubt is revocation', () => {
    expect(issueAcceptance(summary([SIG, { ...SIG, field: 'KySoCoQuan' }]))).toBe('offline');
    expect(issueAcceptance(summary([{ ...SIG, verdict: 'valid', revocation: 'good', revocationUnchecked: false }], 'valid'))).toBe('valid');
    expect(issueAcceptance(summary([SIG, { ...SIG, revocationUnchecked: false }]))).toBe('refused');
    expect(issueAcceptance(summary([{ ...SIG, chain: 'untrusted' }]))).toBe('refused');
    expect(issueAcceptance(summary([{ ...SIG, verdict: 'invalid', revocation: 'revoked', revocationUnchecked: false }], 'invalid'))).toBe('refused');
    expect(issueAcceptance(summary([], 'unsigned'))).toBe('refused');
  });

  it('"Phát hành" is open offline with the flag, closed for unknown without it', () => {
    const offline = apply([{ type: 'verified', main: 'unknown', attachments: ['unknown'], revocationUnchecked: true }], sealed);
    expect(issueBlockers(offline)).toEqual([]);
    expect(apply([{ type: 'issued' }], offline).issued).toBe(true);
    expect(issueBlockers(apply([{ type: 'verified', main: 'unknown', attachments: [] }], sealed))).toEqual(['verdictBad']);
    // The flag never rescues an invalid file.
    expect(issueBlockers(apply([{ type: 'verified', main: 'invalid', attachments: [], revocationUnchecked: true }], sealed))).toEqual(['verdictBad']);
  });
});
