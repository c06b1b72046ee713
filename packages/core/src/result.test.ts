import { describe, expect, it } from 'vitest';
import { CalicoValidationError, fail, formatIssues, formatPath, type Issue, ok, unwrap } from './result.js';

describe('Result helpers', () => {
  it('formats issue paths the way users write field references', () => {
    expect(formatPath(['spec', 'ingress', 0, 'destination', 'ports', 1])).toBe(
      'spec.ingress[0].destination.ports[1]',
    );
    expect(formatPath([])).toBe('(root)');
  });

  it('unwrap returns the value or throws one error class carrying the issues', () => {
    expect(unwrap(ok(3))).toBe(3);
    const issue: Issue = {
      code: 'required',
      path: ['metadata', 'name'],
      message: 'metadata.name is required',
      line: 3,
      column: 1,
    };
    expect(() => unwrap(fail(issue))).toThrow(CalicoValidationError);
    expect(formatIssues([issue])).toBe('metadata.name (line 3, column 1): metadata.name is required');
  });
});
