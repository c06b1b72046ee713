import { describe, expect, it } from 'vitest';
import { calicoctlSays, createFakeRunner } from './fake-runner.js';

const command = { bin: 'calicoctl', args: ['version'], env: {} };
const limits = { timeoutMs: 1, maxOutputBytes: 1 };

describe('createFakeRunner', () => {
  it('answers in script order, then from the fallback, and records commands', async () => {
    const runner = createFakeRunner([calicoctlSays.version('v3.30.0')], () => calicoctlSays.exited(3, 'x'));
    expect(await runner.run(command, limits)).toMatchObject({ status: 'exited', exitCode: 0 });
    expect(await runner.run(command, limits)).toMatchObject({ exitCode: 3, stdout: 'x' });
    expect(runner.commands).toHaveLength(2);
    expect(runner.limits[0]).toEqual(limits);
  });

  it('throws on an unscripted call so a test fails loudly', async () => {
    await expect(createFakeRunner().run(command, limits)).rejects.toThrow('no scripted reply');
  });

  it('reproduces calicoctl messages, including the Partial-line quirk', () => {
    expect(calicoctlSays.partial('apply', 2, 3, 'Tier', 'e')).toMatchObject({
      stdout: "Partial success: applied the first 2 out of 3 'Tier' resources:\n",
      stderr: 'Hit error(s): [e]\n',
    });
    expect(calicoctlSays.partial('create', 1, 2, 'Tier', 'e')).toMatchObject({
      stdout: '',
      stderr: 'Hit error: [e]\n',
    });
    expect(calicoctlSays.partial('replace', 2, 2, 'Tier', 'e1', 'e2')).toMatchObject({
      stdout: "Partial success: replaced the first 2 out of 2 'Tier' resources:\n",
      stderr: 'Hit error: e2\n',
    });
    expect(calicoctlSays.failedAll('apply', 2, undefined, 'a', 'b')).toMatchObject({
      stderr: 'Failed to apply any resources: [a b]\n',
    });
  });
});
