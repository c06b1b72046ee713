#!/usr/bin/env node
// End-to-end tests of the built playground (dist/) in Debian's Chromium, driven by playwright-core.
// Run after `npm run build -w apps/playground`: node apps/playground/e2e/run.mjs [--report file.json]
// Env: CHROMIUM (browser binary; default: chromium on PATH), PLAYGROUND_BROWSER_TESTS=required (fail,
// rather than skip, when there is no Chromium: .ci/run sets it), PLAYGROUND_SCREENSHOTS=<dir> (write
// one PNG per lesson there, e.g. docs/playground).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '../dist');
const reportAt = process.argv.indexOf('--report');
const reportFile = reportAt > 0 ? process.argv[reportAt + 1] : undefined;
const required = process.env.PLAYGROUND_BROWSER_TESTS === 'required';
const report = (r) => {
  if (reportFile) writeFileSync(reportFile, JSON.stringify(r));
};

function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {}
  }
  return undefined;
}

const chrome = findChromium();
if (chrome === undefined || !existsSync(chrome)) {
  const line =
    '!!! PLAYGROUND BROWSER TESTS DID NOT RUN: no Chromium found. Install it with ' +
    '`apt-get update && apt-get install -y chromium` (or set CHROMIUM=/path/to/chromium); .ci/run does this itself.';
  console.log(`\n${'!'.repeat(100)}\n${line}\n${'!'.repeat(100)}\n`);
  report({ passed: 0, failed: required ? 1 : 0, skipped: 1, ran: false });
  process.exit(required ? 1 : 0);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.log(
    `playground browser tests: ${dist}/index.html is missing; run npm run build -w apps/playground first`,
  );
  report({ passed: 0, failed: 1, skipped: 0, ran: false });
  process.exit(1);
}

const { chromium } = await import('playwright-core');

// The tutorial's curls and what the tutorial says they do in each lesson (lesson 4 ends with the
// blacklist in place, before its clean-up step).
const CURLS = {
  'you → LB:80': { 1: 'Allow', 2: 'Allow', 3: 'Allow', 4: 'Deny' },
  'other system → LB:80': { 1: 'Allow', 2: 'Allow', 3: 'Deny', 4: 'Allow' },
  'you → worker 1 NodePort 31024': { 1: 'Allow', 2: 'Deny', 3: 'Deny', 4: 'Deny' },
};
const DECIDERS = {
  2: { 'you → worker 1 NodePort 31024': 'deny-nodeports' },
  3: { 'other system → LB:80': 'deny-lb-port-80' },
  4: { 'you → LB:80': 'blacklist' },
};

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  const p = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  let f = join(dist, p);
  if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
  if (!f.startsWith(dist) || !existsSync(f)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(f)] ?? 'application/octet-stream' });
  res.end(readFileSync(f));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
// Served under a sub-path too: the build uses relative URLs.
const base = `http://127.0.0.1:${server.address().port}/`;

// playwright gives every launch a fresh, empty profile of its own (it refuses --user-data-dir).
const browser = await chromium.launch({
  executablePath: chrome,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let passed = 0;
const failures = [];
const check = (name, good, detail = '') => {
  if (good) passed++;
  else failures.push(`${name}${detail ? `: ${detail}` : ''}`);
  console.log(`  ${good ? '✓' : '✗'} ${name}${!good && detail ? ` — ${detail}` : ''}`);
};
const TIMEOUT = 20_000; // generous: the machine is shared

// 0. The bundle is browser code only: no Node built-in was imported, stubbed or left external.
{
  const scripts = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const nodeOnly = scripts.filter((f) =>
    /__vite-browser-external|(?:from\s*|require\(\s*|import\(\s*)["']node:/.test(
      readFileSync(join(dist, 'assets', f), 'utf8'),
    ),
  );
  check(
    'the bundle imports no Node built-in',
    scripts.length > 0 && nodeOnly.length === 0,
    nodeOnly.join(', '),
  );
}

async function openPage(url, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...options });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, errors };
}
const verdictIs = (page, want) =>
  page
    .waitForFunction(
      (w) => document.querySelector('[data-testid="verdict"]')?.textContent?.trim() === w,
      want,
      { timeout: TIMEOUT },
    )
    .then(
      () => true,
      () => false,
    );
const text = async (page, testid) =>
  ((await page.locator(`[data-testid="${testid}"]`).first().textContent()) ?? '').trim();
const b64url = (s) =>
  Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

try {
  // 1. Lesson presets and the tutorial's quick picks.
  const shots = process.env.PLAYGROUND_SCREENSHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  const { page, errors } = await openPage(`${base}index.html`);
  check('opens with a verdict for the tutorial world', await verdictIs(page, 'Deny'));
  for (const lesson of [1, 2, 3, 4]) {
    await page.selectOption('#preset', String(lesson));
    for (const [label, verdicts] of Object.entries(CURLS)) {
      await page.getByRole('button', { name: label, exact: true }).click();
      const want = verdicts[lesson];
      const ok = await verdictIs(page, want);
      check(`lesson ${lesson}: ${label} → ${want}`, ok, ok ? '' : `got ${await text(page, 'verdict')}`);
      const decider = DECIDERS[lesson]?.[label];
      if (decider) {
        const by = await text(page, 'decided-by');
        check(`lesson ${lesson}: ${label} decided by ${decider}`, by.includes(decider), by);
        const highlighted = await page.locator('.cm-deciding-rule').count();
        check(`lesson ${lesson}: deciding rule highlighted in the editor`, highlighted > 0);
        const marked = await page.locator('[data-testid="path-diagram"] svg [data-decides="true"]').count();
        check(`lesson ${lesson}: deciding step marked in the diagram`, marked > 0);
      }
    }
    if (shots) {
      await page
        .getByRole('button', {
          name: lesson === 2 ? 'you → worker 1 NodePort 31024' : 'you → LB:80',
          exact: true,
        })
        .click();
      await page.setViewportSize({ width: 1200, height: 720 });
      await page.screenshot({ path: join(shots, `lesson-${lesson}.png`) });
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  }
  // The LB flow enters through all three workers: grouped lanes, NAT to a pod.
  await page.selectOption('#preset', '1');
  await page.getByRole('button', { name: 'you → LB:80', exact: true }).click();
  await verdictIs(page, 'Allow');
  const headings = await page.locator('[data-testid="path-diagram"] .lane-heading').allTextContents();
  check(
    'LB flow: identical lanes grouped and counted',
    headings.some((h) => /\d+ identical paths/.test(h)),
    headings.join(' | '),
  );
  const natText = await page.locator('[data-testid="path-diagram"] .stage-dnat').first().textContent();
  check(
    'LB flow: DNAT box shows the rewritten address',
    /→ 172\.30\.\d+\.\d+:8080/.test(natText ?? ''),
    natText ?? '',
  );
  check('matrix heatmap rendered', (await page.locator('#matrix td.cell').count()) > 0);
  check('lint panel present', (await page.locator('[data-testid="lint"]').count()) === 1);
  check('no page errors (presets)', errors.length === 0, errors.slice(0, 2).join(' | '));

  // 2. Re-evaluation after an edit on the tutorial world (lesson 4, the page's default), one
  // keystroke at a time: performance marks, printed, not asserted.
  await page.selectOption('#preset', '4');
  await page.getByRole('button', { name: 'you → LB:80', exact: true }).click();
  await verdictIs(page, 'Deny');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# edited ');
  const evaluations = [];
  const editToResult = [];
  for (let i = 0; i < 11; i++) {
    const before = await page.evaluate(
      () => performance.getEntriesByName('playground:edit-to-result').length,
    );
    await page.keyboard.type(String(i % 10));
    await page.waitForFunction(
      (n) => performance.getEntriesByName('playground:edit-to-result').length > n,
      before,
      { timeout: TIMEOUT },
    );
    const [evaluation, edit] = await page.evaluate(() => [
      performance.getEntriesByName('playground:reevaluate').at(-1).duration,
      performance.getEntriesByName('playground:edit-to-result').at(-1).duration,
    ]);
    evaluations.push(evaluation);
    editToResult.push(edit);
  }
  check(
    'edits keep the manifests valid and the verdict',
    (await text(page, 'issues')) === 'No problems.' && (await text(page, 'verdict')) === 'Deny',
  );
  const stats = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
  };
  console.log(
    `  tutorial world, one keystroke: edit → result rendered ${stats(editToResult)}; the re-evaluation itself ${stats(evaluations)} (goal ≤ 50 ms; not asserted)`,
  );
  check('every edit re-evaluates', editToResult.length === 11);

  // 3. Bad YAML: problems listed with line numbers, no crash; fixing it brings the verdict back.
  const good = await page.evaluate(() =>
    document.querySelector('.cm-content')?.cmView?.view?.state.doc.toString(),
  );
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(
    '\n---\nkind: GlobalNetworkPolicy\napiVersion: projectcalico.org/v3\nmetadata:\n  name: bad\nspec:\n  selector: has(x\n',
  );
  const listed = await page
    .waitForFunction(
      () => /line \d+/.test(document.querySelector('[data-testid="issues"]')?.textContent ?? ''),
      null,
      { timeout: TIMEOUT },
    )
    .then(
      () => true,
      () => false,
    );
  check('invalid manifests: problems listed with line numbers', listed, await text(page, 'issues'));
  check(
    'invalid manifests: inline diagnostic in the editor',
    (await page.locator('.cm-lintRange-error, .cm-lint-marker-error').count()) > 0,
  );
  void good;
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+z');
  check('an edit turns the preset menu to custom', (await page.locator('#preset').inputValue()) === '');
  await page.locator('#preset').selectOption('4');
  check('after reloading the preset the verdict is back', await verdictIs(page, 'Deny'));
  check('…and the problems are gone', (await text(page, 'issues')) === 'No problems.');
  check('no page errors (edits)', errors.length === 0, errors.slice(0, 2).join(' | '));
  await page.close();

  // 3b. Lint and diff: real findings when the build has @calico-dsl/analysis, else a note saying so.
  const analysisPage = await openPage(`${base}index.html`);
  await verdictIs(analysisPage.page, 'Deny');
  await analysisPage.page.selectOption('#preset', '3');
  const lintText = await text(analysisPage.page, 'lint');
  if (/no @calico-dsl\/analysis/.test(lintText)) {
    check(
      'lint/diff: the page says the analysis package is missing',
      /appear when it is installed/.test(lintText),
      lintText,
    );
  } else {
    // Widen the whitelist to a /24: flows from the rest of that /24 to the LB change Deny → Allow.
    const loaded = await analysisPage.page.evaluate(() => {
      const b64 = decodeURIComponent(location.hash).split('manifests=')[1].split('&')[0];
      return new TextDecoder().decode(
        Uint8Array.from(atob(b64.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
      );
    });
    await analysisPage.page.locator('.cm-content').click();
    await analysisPage.page.keyboard.press('Control+a');
    await analysisPage.page.keyboard.insertText(loaded.replace('- 198.51.100.7/32', '- 198.51.100.0/24'));
    const changed = await analysisPage.page
      .waitForFunction(
        () => /Deny → Allow/.test(document.querySelector('[data-testid="diff"]')?.textContent ?? ''),
        null,
        { timeout: TIMEOUT },
      )
      .then(
        () => true,
        () => false,
      );
    check(
      'diff: widening the whitelist shows Deny → Allow with a witness',
      changed,
      await text(analysisPage.page, 'diff'),
    );
    check(
      'lint: findings (or none) are listed',
      /No findings\.|warning|error|info/.test(await text(analysisPage.page, 'lint')),
    );
  }
  check(
    'no page errors (analysis)',
    analysisPage.errors.length === 0,
    analysisPage.errors.slice(0, 2).join(' | '),
  );
  await analysisPage.page.close();

  // 3c. A large world's matrix is an image, one pixel per cell, read through the pointer. Pod p-i
  // has app a(i % 20); policy g-k lets app a(k+1) reach app a(k) on TCP 8080; clients reach none.
  {
    const pods = 100;
    let yaml = '';
    for (let i = 0; i < pods; i++)
      yaml += `---\napiVersion: v1\nkind: Pod\nmetadata: {name: p-${i}, namespace: ns-${i % 4}, labels: {app: a${i % 20}}}\nspec: {nodeName: n${i % 3}}\nstatus: {podIP: 10.1.0.${i + 1}}\n`;
    for (let k = 0; k < 20; k++)
      yaml += `---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: g-${k}}\nspec:\n  selector: app == "a${k}"\n  ingress:\n  - {action: Allow, protocol: TCP, source: {selector: app == "a${(k + 1) % 20}"}, destination: {ports: [8080]}}\n`;
    const allowed = (i, j) => i === j || i % 20 === ((j % 20) + 1) % 20;
    const large = await openPage(`${base}index.html#manifests=${b64url(yaml)}`);
    await large.page.locator('#matrix-port').fill('8080');
    await large.page.getByRole('button', { name: 'Show', exact: true }).click();
    const canvas = large.page.locator('[data-testid="matrix-heatmap"]');
    const drawn = await canvas.waitFor({ timeout: TIMEOUT }).then(
      () => true,
      () => false,
    );
    check(
      'large matrix: drawn as an image, not a table of cells',
      drawn && (await large.page.locator('#matrix td').count()) === 0,
    );
    const size = await canvas.evaluate((c) => [c.width, c.height]);
    const clientRows = size[1] - pods;
    check(
      'large matrix: one pixel per cell (pods × pods and client rows)',
      size[0] === pods && clientRows >= 0,
      String(size),
    );
    check(
      'large matrix: the caption counts each verdict',
      (await large.page.locator('.heatmap-caption').textContent()).includes(`${pods + 5 * pods} Allow`),
      await large.page.locator('.heatmap-caption').textContent(),
    );
    const box = await canvas.boundingBox();
    for (const [i, j] of [
      [21, 0],
      [0, 21],
      [7, 7],
      [pods - 1, 18],
    ]) {
      const want = allowed(i, j) ? 'Allow' : 'Deny';
      // (`hover` scrolls the image into view: the point is relative to it.)
      await canvas.hover({
        position: { x: ((j + 0.5) * box.width) / pods, y: ((i + 0.5) * box.height) / size[1] },
      });
      const said = await text(large.page, 'matrix-readout');
      check(
        `large matrix: pointing at p-${i} → p-${j} reads ${want}`,
        said === `ns-${i % 4}/p-${i} → ns-${j % 4}/p-${j}: ${want}`,
        said,
      );
      const [r, g] = await canvas.evaluate(
        (c, [x, y]) => [...c.getContext('2d').getImageData(x, y, 1, 1).data],
        [j, i],
      );
      check(
        `large matrix: the p-${i} → p-${j} pixel has the ${want} colour`,
        want === 'Allow' ? g > r : r > g,
        `${r},${g}`,
      );
    }
    // The image is read from the keyboard too: focus it, then arrows, End and Page Down.
    await canvas.focus();
    const keyed = [];
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowDown', 'End', 'PageDown']) {
      await large.page.keyboard.press(key);
      keyed.push(await text(large.page, 'matrix-readout'));
    }
    check(
      'large matrix: the arrow keys read one cell at a time',
      JSON.stringify(keyed) ===
        JSON.stringify([
          'ns-0/p-0 → ns-0/p-0: Allow',
          'ns-0/p-0 → ns-1/p-1: Deny',
          'ns-1/p-1 → ns-1/p-1: Allow',
          'ns-1/p-1 → ns-3/p-99: Deny',
          'ns-3/p-11 → ns-3/p-99: Deny',
        ]) && (await large.page.locator('.heatmap-marker').isVisible()),
      JSON.stringify(keyed),
    );
    // A new flow does not change the manifests: the image built by Show stays.
    await large.page.locator('[data-testid="flow"]').fill('tcp 10.1.0.22 -> 10.1.0.1:8080');
    await large.page.locator('[data-testid="flow"]').press('Enter');
    await verdictIs(large.page, 'Allow');
    check('large matrix: evaluating a flow keeps the image Show built', (await canvas.count()) === 1);
    // A flow the evaluator refuses (no port for TCP) gets no verdict badge, only its message.
    await large.page.locator('[data-testid="flow"]').fill('tcp 10.1.0.22 -> 10.1.0.1');
    await large.page.locator('[data-testid="flow"]').press('Enter');
    check(
      'a flow the evaluator refuses shows no verdict',
      await verdictIs(large.page, '—'),
      await text(large.page, 'verdict'),
    );
    check('no page errors (large matrix)', large.errors.length === 0, large.errors.slice(0, 2).join(' | '));
    await large.page.close();
  }

  // 4. A link reproduces the view: manifests and flow from the hash, then a typed flow + Enter.
  const world = readFileSync(join(here, 'fixtures/two-pods.yaml'), 'utf8');
  const link = `${base}index.html#manifests=${b64url(world)}&flow=${encodeURIComponent('tcp 10.1.0.10 -> 10.1.0.20:8080')}`;
  const linked = await openPage(link);
  check('link: verdict from the hash', await verdictIs(linked.page, 'Allow'));
  check('link: decided-by names the policy', (await text(linked.page, 'decided-by')).includes('allow-web'));
  await linked.page.locator('[data-testid="flow"]').fill('tcp 10.1.0.10 -> 10.1.0.20:22');
  await linked.page.locator('[data-testid="flow"]').press('Enter');
  check('link: typed flow + Enter re-evaluates', await verdictIs(linked.page, 'Deny'));
  check(
    'link: the hash follows the flow',
    decodeURIComponent(new URL(linked.page.url()).hash).includes('10.1.0.20:22'),
  );
  await linked.page.locator('[data-testid="flow"]').fill('tcp 10.1.0.10 ->');
  await linked.page.locator('[data-testid="flow"]').press('Enter');
  const flowError = await linked.page.locator('#flow-error').textContent();
  check(
    'link: a bad flow says how to write one',
    /protocol source -> destination/.test(flowError ?? ''),
    flowError ?? '',
  );
  check('no page errors (link)', linked.errors.length === 0, linked.errors.slice(0, 2).join(' | '));
  await linked.page.close();

  // 5. Dark colour scheme renders (screenshot of lesson 3 when asked).
  const dark = await openPage(`${base}index.html`, { colorScheme: 'dark' });
  const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check('dark colour scheme applies', bg === 'rgb(13, 17, 23)', bg);
  if (shots) {
    await dark.page.selectOption('#preset', '3');
    await dark.page.getByRole('button', { name: 'other system → LB:80', exact: true }).click();
    await verdictIs(dark.page, 'Deny');
    await dark.page.setViewportSize({ width: 1200, height: 720 });
    await dark.page.screenshot({ path: join(shots, 'lesson-3-dark.png') });
  }
  await dark.page.close();

  // 6. From file:// (no server): one classic script, relative URLs.
  const fromDisk = await openPage(
    `${pathToFileURL(join(dist, 'index.html')).href}#manifests=${b64url(world)}&flow=${encodeURIComponent('tcp 10.1.0.10 -> 10.1.0.20:8080')}`,
  );
  check('file://: the page works without a server', await verdictIs(fromDisk.page, 'Allow'));
  check('no page errors (file://)', fromDisk.errors.length === 0, fromDisk.errors.slice(0, 2).join(' | '));
  await fromDisk.page.close();

  // 7. Keyboard: Tab reaches the flow box from the preset picker; Enter evaluates.
  const keys = await openPage(`${base}index.html`);
  await verdictIs(keys.page, 'Deny');
  await keys.page.locator('#preset').focus();
  let tabs = 0;
  while (tabs < 15 && !(await keys.page.evaluate(() => document.activeElement?.id === 'flow'))) {
    await keys.page.keyboard.press('Tab');
    tabs++;
  }
  check(
    'keyboard: Tab from the preset menu reaches the flow box (the editor does not trap it)',
    tabs < 15,
    `${tabs} presses`,
  );
  await keys.page.keyboard.press('Control+a');
  await keys.page.keyboard.type('tcp 203.0.113.50 -> 169.46.10.20:80');
  await keys.page.keyboard.press('Enter');
  check('keyboard: typing a flow and Enter evaluates', await verdictIs(keys.page, 'Allow'));
  const unlabelled = await keys.page.evaluate(
    () =>
      [...document.querySelectorAll('input, select')].filter(
        (e) => !(e.labels?.length || e.getAttribute('aria-label')),
      ).length,
  );
  check('every input and select has a label', unlabelled === 0, `${unlabelled} without`);
  await keys.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.slice(0, -1) });
  await keys.page.getByRole('button', { name: 'Copy link' }).click();
  const copied = await keys.page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
  check(
    'Copy link copies a link that holds manifests and flow',
    copied === keys.page.url() && /#manifests=.+&flow=/.test(copied),
    copied.slice(0, 80),
  );
  await keys.page.close();
} catch (error) {
  check('browser tests ran to the end', false, String(error?.message ?? error).split('\n')[0]);
} finally {
  await browser.close();
  server.close();
}

console.log(`playground browser tests: ${passed} passed, ${failures.length} failed`);
report({ passed, failed: failures.length, skipped: 0, ran: true });
process.exit(failures.length === 0 ? 0 : 1);
