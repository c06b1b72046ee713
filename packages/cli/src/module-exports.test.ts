import { describe, expect, it } from 'vitest';
import { sourceExports } from './module-exports.js';

const esModule = (exports: Record<string, unknown>) =>
  Object.defineProperty(exports, '__esModule', { value: true });

describe('sourceExports', () => {
  it("unwraps a compiled ES module's CommonJS interop namespace: default is the export default", () => {
    const list = [{ kind: 'Tier' }];
    const tier = { kind: 'Tier' };
    const exported = esModule({ default: list, tier });
    expect(sourceExports({ default: exported, tier })).toEqual({ default: list, tier });
  });

  it('leaves an ES module, and plain CommonJS without the marker, as they are', () => {
    const list = [{ kind: 'Tier' }];
    expect(sourceExports({ default: list, tier: 1 })).toEqual({ default: list, tier: 1 });
    expect(sourceExports({ default: { tier: 1 } })).toEqual({ default: { tier: 1 } });
    expect(sourceExports({})).toEqual({});
  });
});
