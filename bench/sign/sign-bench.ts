/**
 * Signing speed (issue 3): the whole Art. 11 flow on a 20-page PDF with SoftHSM2 tokens — prepare fields,
 * personal signature, number/date fill, organization seal, a signed attachment — timed without the token
 * calls (C_Sign on the token is measured apart), and the bytes each signature adds.
 * Last line: RESULT sign ms=… bytes_per_signature=…
 */
import { performance } from 'node:perf_hooks';
import { localIsoDate } from '../../src/shared/util/time';
import { Pkcs11TokenSession } from '../../src/main/signing/token/pkcs11-token-session';
import { cmsSignerOf, selfVerify, signOrganization, signPersonal, signTextOnly } from '../../src/main/signing/issue-flow';
import { fillNumberDate, prepareNumberDateFields } from '../../src/main/pdf/number-date-fields';
import type { CmsSigner } from '../../src/main/pdf/pades-sign';
import { createSigningFixture, ORG_TOKEN, PERSONAL_TOKEN } from '../../test/support/softhsm/signing-fixture';
import { makeDraftPdf } from '../../test/support/pki/sample-documents';

let tokenMs = 0;
function timed(signer: CmsSigner): CmsSigner {
  return {
    ...signer,
    sign: async (tbs) => {
      const t = performance.now();
      try {
        return await signer.sign(tbs);
      } finally {
        tokenMs += performance.now() - t;
      }
    },
  };
}

async function main(): Promise<void> {
  const fx = await createSigningFixture();
  const session = new Pkcs11TokenSession({ modulePath: fx.hsm.modulePath });
  try {
    const p = await session.openSigner(PERSONAL_TOKEN, PERSONAL_TOKEN.pin, new Date());
    const o = await session.openSigner(ORG_TOKEN, ORG_TOKEN.pin, new Date());
    const personal = timed(cmsSignerOf(p, [fx.pki.intermediate.certDer]));
    const organization = timed(cmsSignerOf(o, [fx.pki.intermediate.certDer]));
    const draft = await makeDraftPdf({ pages: 20 });
    const attachmentDraft = await makeDraftPdf({ pages: 3, plain: true });
    const now = new Date();
    // Warm-up run (module loading, font parsing), not counted.
    await signPersonal(draft, personal, { now });
    tokenMs = 0;

    const t0 = performance.now();
    const prepared = await prepareNumberDateFields(draft);
    const signedPersonal = await signPersonal(prepared, personal, { now });
    const numbered = await fillNumberDate(signedPersonal, '101', localIsoDate(now));
    const sealed = await signOrganization(numbered, organization, { now });
    const attachment = await signTextOnly(attachmentDraft, organization, { now, firstLine: 'Số: 101/QĐ-UBND' });
    const total = performance.now() - t0;
    const check = await selfVerify(sealed, { integrityOnly: true });

    const added = [signedPersonal.length - prepared.length, sealed.length - numbered.length, attachment.length - attachmentDraft.length];
    const flowMs = total - tokenMs;
    console.log(`20-page flow: ${total.toFixed(1)} ms in all, token calls ${tokenMs.toFixed(1)} ms, verdict ${check.verdict}`);
    console.log(`bytes added: personal ${added[0]}, organization ${added[1]}, attachment ${added[2]}`);
    console.log(`RESULT sign ms=${flowMs.toFixed(1)} bytes_per_signature=${Math.max(...added)}`);
    await p.close();
    await o.close();
  } finally {
    await session.close();
    await fx.dispose();
  }
}

await main();
