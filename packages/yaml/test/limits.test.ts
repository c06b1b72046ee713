import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LENGTH, fromYaml, textTooLarge } from '../src/index.js';

describe('textTooLarge', () => {
  it('gives the issue fromYaml gives for an oversized text, in characters or bytes', () => {
    const text = 'a'.repeat(1025);
    const r = fromYaml(text, { maxLength: 1024 });
    expect(!r.ok && r.issues).toEqual([textTooLarge(text.length, 1024)]);
    expect(textTooLarge(20 * 1024 * 1024, DEFAULT_MAX_LENGTH, 'bytes')).toEqual({
      code: 'too_large',
      path: [],
      message: 'the text is 20971520 bytes, over the 16777216 limit; split it into smaller files',
      line: 1,
      column: 1,
      document: 0,
    });
  });

  it('is undefined within the limit (the limit itself included)', () => {
    expect(textTooLarge(DEFAULT_MAX_LENGTH)).toBeUndefined();
    expect(textTooLarge(0)).toBeUndefined();
  });
});
