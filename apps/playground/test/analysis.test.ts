import * as analysisPackage from '@calico-dsl/analysis';
import { describe, expect, it } from 'vitest';
import { type AnalysisPort, isAnalysisPort } from '../src/analysis/port.js';
import { PlaygroundState } from '../src/app-state.js';
import { changeText, findingViews } from '../src/model/analysis-view.js';
import { lessonPresets } from '../src/model/presets.js';

// The real package, as the build links it in when it is installed (it is on main now).
const port: AnalysisPort | undefined = isAnalysisPort(analysisPackage) ? analysisPackage : undefined;

describe('@calico-dsl/analysis in the playground', () => {
  it('fits the port the page feature-checks (types and run time)', () => {
    const typed: AnalysisPort = analysisPackage; // compile-time: the package's API fits the port
    expect(typed).toBe(port);
  });

  it('lists lint findings on lines and the diff of an edited lesson', () => {
    const text = lessonPresets()[2]?.manifests ?? '';
    const state = new PlaygroundState(text);
    const before = state.manifests.world;
    state.setText(text.replace('- 198.51.100.7/32', '- 198.51.100.0/24'));
    const after = state.manifests.world;
    if (port === undefined || before === undefined || after === undefined) throw new Error('no worlds');
    const findings = findingViews(port.analyze(after).lint(), state.manifests.located);
    for (const f of findings) expect(f.text.length).toBeGreaterThan(0);
    const changes = port.diff(before, after).changes.map(changeText);
    expect(changes.some((c) => c.startsWith('Deny → Allow, e.g. tcp 198.51.100.'))).toBe(true);
  }, 60_000);
});
