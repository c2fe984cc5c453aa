/** A test CA and a loopback server certificate (127.0.0.1, localhost) for the HTTPS tests of the axis client. */
import '../../../src/main/signing/reflect-shim';
import * as x509 from '@peculiar/x509';
import { issueCertificate, toPem } from '../pki/test-pki';

export interface TestTls {
  caPem: string;
  certPem: string;
  keyPem: string;
}

/** Issue a root CA and a server certificate under it (serverAuth, SAN 127.0.0.1 and localhost). */
export async function createTestTls(subject = 'CN=Trục thử nghiệm'): Promise<TestTls> {
  const day = 86_400_000;
  const now = Date.now();
  const validity = { notBefore: new Date(now - day), notAfter: new Date(now + 30 * day) };
  const ca = await issueCertificate({ subject: 'CN=CA thử nghiệm của trục, O=Văn thư số', issuer: null, keyAlg: 'ec', ca: true, ...validity });
  const server = await issueCertificate({
    subject,
    issuer: ca,
    keyAlg: 'ec',
    ca: false,
    ...validity,
    keyUsage: x509.KeyUsageFlags.digitalSignature,
    extra: [
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
      ]),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ],
  });
  return {
    caPem: toPem(ca.certDer),
    certPem: toPem(server.certDer),
    keyPem: server.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}
