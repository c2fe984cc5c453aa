/**
 * Runs one Debian tool (tesseract, pdfimages, pdftotext ...) as a child process: an argument array, never a
 * shell; bounded output, a time limit, and cancellation through an AbortSignal (the child is killed). The main
 * thread only waits on pipes, so a long OCR never blocks the window (issue 9).
 */
import { spawn } from 'node:child_process';
import { AppFailure } from '../../../shared/api/result';

export interface ToolRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export interface ToolOptions {
  signal?: AbortSignal;
  /** Kill the tool after this long (default 120 s); a slow page must not hang a job forever. */
  timeoutMs?: number;
  /** Largest stdout accepted (default 64 MiB); more kills the tool. */
  maxStdoutBytes?: number;
  env?: NodeJS.ProcessEnv;
}

/** Thrown (as AppFailure INTERNAL with details.missing) when the program is not installed. */
export function isMissingTool(err: unknown): boolean {
  return err instanceof AppFailure && err.details?.missing === true;
}

/**
 * Runs `command args` and resolves with its exit code and output, whatever the code. Rejects with AppFailure
 * CANCELLED when the signal aborts, INTERNAL (details.missing) when the program is absent, TOO_LARGE when stdout
 * exceeds the bound, INTERNAL on a time-out.
 */
export function runTool(command: string, args: readonly string[], options: ToolOptions = {}): Promise<ToolRun> {
  const { signal, timeoutMs = 120_000, maxStdoutBytes = 64 * 1024 * 1024 } = options;
  return new Promise<ToolRun>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AppFailure('CANCELLED', 'Công việc đã bị hủy.'));
      return;
    }
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: AppFailure | null = null;
    const stop = (why: AppFailure): void => {
      if (failure) return;
      failure = why;
      child.kill('SIGKILL');
    };
    const onAbort = (): void => stop(new AppFailure('CANCELLED', 'Công việc đã bị hủy.'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => stop(new AppFailure('INTERNAL', `${command} chạy quá ${Math.round(timeoutMs / 1000)} giây và đã bị dừng.`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxStdoutBytes) stop(new AppFailure('TOO_LARGE', `Kết quả của ${command} vượt quá giới hạn ${maxStdoutBytes} byte.`));
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 16_384) stderr += chunk.toString('utf8');
    });
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      finish();
      if (err.code === 'ENOENT') reject(new AppFailure('INTERNAL', `Chưa cài đặt chương trình ${command} trên máy này.`, { missing: true, command }));
      else reject(new AppFailure('INTERNAL', `Không chạy được ${command}: ${err.message}`));
    });
    child.on('close', (code) => {
      finish();
      if (failure) reject(failure);
      else resolve({ code: code ?? -1, stdout: Buffer.concat(chunks), stderr });
    });
  });
}
