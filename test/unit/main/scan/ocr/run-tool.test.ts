import { describe, expect, it } from 'vitest';
import { isMissingTool, runTool } from '../../../../../src/main/scan/ocr/run-tool';
import { failureOf } from '../../../../support/failure-of';

describe('runTool', () => {
  it('passes arguments as an array (no shell) and returns the exit code and output', async () => {
    const run = await runTool('printf', ['%s|', 'a b', '$(echo x)']);
    expect(run.code).toBe(0);
    expect(run.stdout.toString()).toBe('a b|$(echo x)|');
  });

  it('kills the running program when the signal aborts (CANCELLED)', async () => {
    const controller = new AbortController();
    const pending = runTool('sleep', ['60'], { signal: controller.signal });
    controller.abort();
    expect((await failureOf(pending)).code).toBe('CANCELLED');
  });

  it('says in Vietnamese that a program is not installed', async () => {
    const failure = await failureOf(runTool('/nonexistent/tesseract', []));
    expect(isMissingTool(failure)).toBe(true);
    expect(failure.message).toMatch(/Chưa cài đặt/u);
  });

  it('stops a program whose output passes the bound (TOO_LARGE)', async () => {
    expect((await failureOf(runTool('yes', [], { maxStdoutBytes: 10_000 }))).code).toBe('TOO_LARGE');
  });
});
