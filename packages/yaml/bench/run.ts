// Runs every `*.bench.ts` in this folder in name order. Each exports `run(): void | Promise<void>`
// that prints its own figures. Usage: npm run bench -w @calico-dsl/yaml [-- <name filter>]
import { readdirSync } from 'node:fs';

const filter = process.argv[2] ?? '';
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
for (const file of files) {
  const mod = (await import(new URL(file, import.meta.url).href)) as { run?: () => void | Promise<void> };
  if (typeof mod.run !== 'function') throw new Error(`${file} does not export run()`);
  console.log(`\n# ${file}`);
  await mod.run();
}
