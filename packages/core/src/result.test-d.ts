import { expectTypeOf, test } from 'vitest';
import { ok, type Result } from './result.js';

test('Result narrows on ok', () => {
  const r: Result<number> = ok(1);
  if (r.ok) expectTypeOf(r.value).toEqualTypeOf<number>();
  else expectTypeOf(r.issues).toBeArray();
  // @ts-expect-error value is not there before narrowing
  r.value;
});
