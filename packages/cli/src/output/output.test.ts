import { describe, expect, it } from 'vitest';
import type { CliStream } from '../io.js';
import { palette, useColor, verdictText } from './colors.js';
import { progress } from './progress.js';

const stream = (isTTY: boolean): CliStream & { text: () => string } => {
  const chunks: string[] = [];
  return { isTTY, write: (t) => void chunks.push(t), text: () => chunks.join('') };
};

describe('useColor', () => {
  it('colors a terminal only', () => {
    expect(useColor(stream(true), {}, undefined)).toBe(true);
    expect(useColor(stream(false), {}, undefined)).toBe(false);
  });
  it('NO_COLOR, TERM=dumb and --no-color turn it off; FORCE_COLOR turns it on', () => {
    expect(useColor(stream(true), { NO_COLOR: '1' }, undefined)).toBe(false);
    expect(useColor(stream(true), { TERM: 'dumb' }, undefined)).toBe(false);
    expect(useColor(stream(true), {}, false)).toBe(false);
    expect(useColor(stream(false), { FORCE_COLOR: '1' }, undefined)).toBe(true);
    expect(useColor(stream(false), { FORCE_COLOR: '0' }, undefined)).toBe(false);
    expect(useColor(stream(false), { FORCE_COLOR: '1' }, false)).toBe(false);
  });
  it('verdicts: Allow green, Deny red, Mixed yellow; plain when off', () => {
    expect(verdictText(palette(true), 'Allow')).toBe('\u001b[32mAllow\u001b[39m');
    expect(verdictText(palette(true), 'Deny')).toBe('\u001b[31mDeny\u001b[39m');
    expect(verdictText(palette(true), 'Mixed')).toBe('\u001b[33mMixed\u001b[39m');
    expect(verdictText(palette(false), 'Deny')).toBe('Deny');
  });
});

describe('progress', () => {
  it('writes a self-overwriting line on a terminal for long runs, and clears it', () => {
    const s = stream(true);
    const p = progress(s, 'evaluating flows', 1000);
    for (let i = 1; i <= 1000; i++) p.tick(i);
    p.done();
    expect(s.text()).toContain('\r\u001b[2Kevaluating flows 10/1000');
    expect(s.text()).toContain('evaluating flows 1000/1000');
    expect(s.text().endsWith('\r\u001b[2K')).toBe(true);
    // about one update per percent, not one per item
    expect(s.text().split('\r').length).toBeLessThan(110);
  });
  it('stays silent when piped or short', () => {
    const piped = stream(false);
    const p = progress(piped, 'x', 1000);
    p.tick(1000);
    p.done();
    const short = stream(true);
    const q = progress(short, 'x', 10);
    q.tick(10);
    q.done();
    expect(piped.text() + short.text()).toBe('');
  });
});
