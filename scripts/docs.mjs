#!/usr/bin/env node
// `npm run docs`: API reference from TSDoc. api-extractor reads each public package's built
// declarations (dist/index.d.ts) and writes a doc model; api-documenter renders all models as
// Markdown into docs/api/. Run after `npm run build` (the npm script does that).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve('.');
const work = join(root, 'node_modules', '.cache', 'api-docs');
const models = join(work, 'models');
rmSync(work, { recursive: true, force: true });
mkdirSync(models, { recursive: true });

const packages = readdirSync('packages')
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dist', 'index.d.ts')))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);

let failures = 0;
for (const dir of packages) {
  // The config lives under the package so api-extractor reads the package's own package.json.
  const configDir = join(dir, 'node_modules', '.cache');
  mkdirSync(configDir, { recursive: true });
  const config = join(configDir, 'api-extractor.json');
  writeFileSync(
    config,
    JSON.stringify({
      projectFolder: dir,
      mainEntryPointFilePath: '<projectFolder>/dist/index.d.ts',
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            skipLibCheck: true,
            types: [],
          },
        },
      },
      apiReport: { enabled: false },
      docModel: { enabled: true, apiJsonFilePath: join(models, `${dir.split('/').pop()}.api.json`) },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: { default: { logLevel: 'none' } },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
      },
    }),
  );
  const run = spawnSync('npx', ['--no-install', 'api-extractor', 'run', '--local', '--config', config], {
    encoding: 'utf8',
  });
  const ok = run.status === 0;
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} api-extractor ${dir.replace(`${root}/`, '')}`);
  if (!ok) console.log((run.stdout + run.stderr).trim().split('\n').slice(-15).join('\n'));
}
const out = join(root, 'docs', 'api');
rmSync(out, { recursive: true, force: true });
const doc = spawnSync(
  'npx',
  ['--no-install', 'api-documenter', 'markdown', '--input-folder', models, '--output-folder', out],
  {
    encoding: 'utf8',
  },
);
if (doc.status !== 0) {
  console.log(doc.stdout + doc.stderr);
  failures++;
}
console.log(`docs: API reference for ${packages.length} packages in docs/api/ (${failures} failures)`);
process.exit(failures ? 1 : 0);
