/**
 * Where the decoded bytes of one attachment go: straight into a BlobWriter, or, when they start with the zip
 * signature `PK\x03\x04` (whatever ContentType says: standards.md §1.4, §1.8), through fflate's streaming
 * Unzip, keeping only the single file entry. fflate is a kept, dependency-free zip library whose streaming
 * inflate lets us count entries, inflated bytes and the ratio as they come, so a zip bomb stops early.
 *
 * The sink is fed synchronously from parser events (`push`) and drained asynchronously by the reader loop
 * (`flush`) after each bounded piece of input, so at most one piece's output is ever held in memory.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { AppFailure } from '../../../shared/api/result';
import type { EdxmlLimits } from '../../../shared/domain/edxml/limits';
import type { RejectionCode } from '../../../shared/domain/edxml/rejection';
import type { StoredFile } from '../../../shared/api/contract';
import type { BlobStore, BlobWriter } from '../../storage/blob-store';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compressed bytes handed to fflate per call: bounds what one call can inflate (deflate tops out near 1032:1). */
const ZIP_PIECE = 4096;
/** The ratio test starts once this much was inflated, so small, very compressible files pass. */
const RATIO_FLOOR = 1024 * 1024;

/** A bound or format violation found while storing an attachment. */
export class AttachmentFault extends Error {
  readonly code: RejectionCode;
  constructor(code: RejectionCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface SinkResult {
  stored: StoredFile;
  zipped: boolean;
  sniffed: 'pdf' | 'other';
}

export class AttachmentSink {
  private writer: BlobWriter | undefined;
  private readonly pending: Uint8Array[] = [];
  private sniff: Uint8Array = new Uint8Array(0);
  private mode: 'sniffing' | 'plain' | 'zip' = 'sniffing';
  private unzip: Unzip | undefined;
  private compressed = 0;
  private inflated = 0;
  private entries = 0;
  private fileEntry: UnzipFile | undefined;
  private entryDone = false;
  private fault: AttachmentFault | undefined;
  private written = 0;

  private readonly blobs: BlobStore;
  private readonly limits: EdxmlLimits;

  constructor(blobs: BlobStore, limits: EdxmlLimits) {
    this.blobs = blobs;
    this.limits = limits;
  }

  /** Decoded bytes of the attachment (any size). Throws AttachmentFault on a bound or zip violation. */
  push(bytes: Uint8Array): void {
    this.throwIfFaulted();
    if (bytes.byteLength === 0) return;
    if (this.mode === 'sniffing') {
      this.sniff = concat(this.sniff, bytes);
      if (this.sniff.byteLength < ZIP_MAGIC.length) return;
      const held = this.sniff;
      this.sniff = new Uint8Array(0);
      this.mode = ZIP_MAGIC.every((b, i) => held[i] === b) ? 'zip' : 'plain';
      if (this.mode === 'zip') this.startUnzip();
      this.route(held);
      return;
    }
    this.route(bytes);
  }

  /** Write what is pending into the blob store. */
  async flush(): Promise<void> {
    this.throwIfFaulted();
    if (this.pending.length === 0) return;
    this.writer ??= await this.blobs.openWriter();
    while (this.pending.length > 0) {
      const chunk = this.pending.shift() as Uint8Array;
      try {
        await this.writer.write(chunk);
      } catch (cause) {
        if (cause instanceof AppFailure && cause.code === 'TOO_LARGE') throw this.fail('ATTACHMENT_TOO_LARGE', 'Tệp đính kèm vượt quá dung lượng cho phép của kho lưu trữ.');
        throw cause;
      }
    }
  }

  /** End of the attachment's data: finish the zip, store the file under its hash. */
  async finish(): Promise<SinkResult> {
    if (this.mode === 'sniffing') {
      const held = this.sniff;
      this.sniff = new Uint8Array(0);
      this.mode = 'plain';
      this.route(held);
    }
    const zipped = this.mode === 'zip';
    if (zipped) {
      this.feedZip(new Uint8Array(0), true);
      this.throwIfFaulted();
      if (!this.fileEntry) throw this.fail('ZIP_INVALID', 'Tệp nén đính kèm không chứa tệp nào.');
      if (!this.entryDone) throw this.fail('ZIP_INVALID', 'Tệp nén đính kèm bị cắt cụt hoặc hỏng (không đọc hết được tệp bên trong).');
    }
    await this.flush();
    if (!this.writer || this.written === 0) {
      await this.abort();
      throw new AttachmentFault('EMPTY_ATTACHMENT', zipped ? 'Tệp bên trong tệp nén đính kèm rỗng.' : 'Tệp đính kèm rỗng (0 byte).');
    }
    const writer = this.writer;
    const pdf = writer.looksLikePdf();
    const stored = await writer.commit(pdf ? 'application/pdf' : 'application/octet-stream');
    this.writer = undefined;
    return { stored, zipped, sniffed: startsWithPdf(writer.head()) ? 'pdf' : 'other' };
  }

  /** Drop whatever was written (on any rejection). */
  async abort(): Promise<void> {
    this.unzip = undefined;
    await this.writer?.abort();
    this.writer = undefined;
    this.pending.length = 0;
  }

  private route(bytes: Uint8Array): void {
    if (this.mode === 'plain') this.emit(bytes);
    else for (let i = 0; i < bytes.byteLength; i += ZIP_PIECE) this.feedZip(bytes.subarray(i, i + ZIP_PIECE), false);
  }

  private emit(bytes: Uint8Array): void {
    if (bytes.byteLength === 0) return;
    this.written += bytes.byteLength;
    if (this.written > this.limits.maxAttachmentBytes) {
      throw this.fail('ATTACHMENT_TOO_LARGE', `Tệp đính kèm lớn hơn giới hạn ${this.limits.maxAttachmentBytes} byte.`);
    }
    this.pending.push(bytes);
  }

  private startUnzip(): void {
    const unzip = new Unzip((file) => {
      this.entries += 1;
      if (this.entries > this.limits.maxZipEntries) {
        this.fault ??= new AttachmentFault('ZIP_TOO_MANY_ENTRIES', `Tệp nén đính kèm có quá nhiều mục (hơn ${this.limits.maxZipEntries}).`);
        return;
      }
      if (file.name.endsWith('/')) return; // a directory entry
      if (this.fileEntry) {
        this.fault ??= new AttachmentFault('ZIP_TOO_MANY_ENTRIES', 'Tệp nén đính kèm chứa nhiều hơn một tệp; chỉ chấp nhận một tệp.');
        return;
      }
      this.fileEntry = file;
      file.ondata = (err, data, final) => {
        if (this.fault) return;
        if (err) {
          this.fault = new AttachmentFault('ZIP_INVALID', 'Tệp nén đính kèm bị hỏng, không giải nén được.');
          return;
        }
        this.inflated += data.byteLength;
        if (this.inflated > this.limits.maxZipTotalBytes) {
          this.fault = new AttachmentFault('ZIP_BOMB', `Tệp nén đính kèm giải nén ra hơn ${this.limits.maxZipTotalBytes} byte: từ chối (nghi "bom nén").`);
          return;
        }
        if (this.inflated > RATIO_FLOOR && this.inflated / Math.max(1, this.compressed) > this.limits.maxZipRatio) {
          this.fault = new AttachmentFault('ZIP_BOMB', `Tỷ lệ nén của tệp đính kèm vượt quá ${this.limits.maxZipRatio}:1: từ chối (nghi "bom nén").`);
          return;
        }
        try {
          this.emit(data);
        } catch (cause) {
          if (cause instanceof AttachmentFault) this.fault ??= cause;
          else throw cause;
        }
        if (final) this.entryDone = true;
      };
      try {
        file.start();
      } catch {
        this.fault = new AttachmentFault('ZIP_INVALID', `Tệp nén đính kèm dùng phương thức nén không hỗ trợ (${file.compression}).`);
      }
    });
    unzip.register(UnzipInflate);
    this.unzip = unzip;
  }

  private feedZip(piece: Uint8Array, final: boolean): void {
    if (!this.unzip || this.fault) {
      this.throwIfFaulted();
      return;
    }
    this.compressed += piece.byteLength;
    try {
      this.unzip.push(piece, final);
    } catch {
      this.fault ??= new AttachmentFault('ZIP_INVALID', 'Tệp nén đính kèm bị hỏng, không giải nén được.');
    }
    this.throwIfFaulted();
  }

  private throwIfFaulted(): void {
    if (this.fault) throw this.fault;
  }

  private fail(code: RejectionCode, message: string): AttachmentFault {
    this.fault = new AttachmentFault(code, message);
    return this.fault;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

function startsWithPdf(head: Uint8Array): boolean {
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).subarray(0, 1024).includes(Buffer.from('%PDF-', 'latin1'));
}
