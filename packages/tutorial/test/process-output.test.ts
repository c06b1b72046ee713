/** The lesson apps' printers on process streams, and `npm run tutorial` when its output fails. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linePrinter } from '../src/node/process-output.js';

/** A stream whose every write fails with `code`, recording what was attempted. */
function failingStream(code: string): { stream: NodeJS.WriteStream; attempts: string[] } {
  const attempts: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      attempts.push(String(chunk));
      done(Object.assign(new Error(`${code}: write failed`), { code }));
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, attempts };
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe('linePrinter', () => {
  afterEach(() => {
    process.exitCode = undefined;
    vi.restoreAllMocks();
  });

  it('drops what follows a reader that left (EPIPE) and changes nothing else', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { stream, attempts } = failingStream('EPIPE');
    const print = linePrinter(stream);
    print('== Lesson 2 ==');
    await nextTick();
    print('curl … reached');
    expect(attempts).toEqual(['== Lesson 2 ==\n']);
    expect(process.exitCode).toBeUndefined();
    expect(stderr).not.toHaveBeenCalled();
  });

  it('says once on stderr that output was lost (a full disk) and sets exit status 1', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { stream } = failingStream('ENOSPC');
    const print = linePrinter(stream);
    print('one');
    print('two');
    await nextTick();
    print('three');
    await nextTick();
    expect(process.exitCode).toBe(1);
    expect(stderr.mock.calls).toEqual([['lesson output lost: ENOSPC: write failed\n']]);
  });

  it('is one printer per stream (one error listener), however often it is asked for', () => {
    const { stream } = failingStream('EPIPE');
    expect(linePrinter(stream)).toBe(linePrinter(stream));
    expect((stream as unknown as Writable).listenerCount('error')).toBe(1);
  });
});

describe('npm run tutorial (scripts/tutorial.mjs) when its output fails', { timeout: 120_000 }, () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const shell = (script: string) =>
    spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', timeout: 110_000 });

  it('a reader that leaves early (| head) ends nothing: every lesson runs, exit 0, no error', () => {
    // The reader closes its end at once; each lesson then finds the pipe closed.
    const r = shell(
      `"${process.execPath}" scripts/tutorial.mjs | (exec 0<&-; sleep 0.5); echo "\${PIPESTATUS[0]}"`,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('0');
  });

  it.runIf(existsSync('/dev/full'))(
    'a full disk is said, never claimed as a lesson that failed, exit 1',
    () => {
      const r = shell(`"${process.execPath}" scripts/tutorial.mjs > /dev/full`);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('lesson output lost: ENOSPC');
      expect(r.stderr).toContain(
        "npm run tutorial: output lost (ENOSPC: no space left on device, write); the lessons' outcomes were not all printed",
      );
      expect(r.stderr).not.toContain('did not reproduce');
    },
  );
});
