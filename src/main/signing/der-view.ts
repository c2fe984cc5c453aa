/**
 * PKI.js, @peculiar/x509 and WebCrypto take `BufferSource`, which (with the DOM library the Electron shell is
 * checked against) means ArrayBuffer-backed views only. Node Buffers and our Uint8Arrays are typed
 * `Uint8Array<ArrayBufferLike>`; this narrows them without copying, and copies only a SharedArrayBuffer view.
 */
export function derView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
