/**
 * The HTML report opened in a real headless browser (Debian's chromium through
 * playwright-core): the index links to the program's page, and on that page a line that ran
 * is shown covered and a line that never ran is shown uncovered.
 *
 * Without /usr/bin/chromium the test FAILS with instructions (set KCOVJS_SKIP_BROWSER=1 to
 * skip it explicitly, with the reason printed); it never passes without having looked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../helpers.js';
import { APP, FILTER, LINES, workspace } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const skip = !fs.existsSync(CHROMIUM) && process.env.KCOVJS_SKIP_BROWSER === '1'
  ? `no browser at ${CHROMIUM} and KCOVJS_SKIP_BROWSER=1: the HTML report is NOT checked in a browser`
  : false;

test('the HTML report shows a covered and an uncovered line as such in chromium', { skip }, async () => {
  assert.ok(fs.existsSync(CHROMIUM), `no browser at ${CHROMIUM}: install it with 'apt-get update && apt-get install -y chromium' (as .ci/run does), or set KCOVJS_SKIP_BROWSER=1 to skip this test explicitly`);
  const ws = workspace();
  const covDir = path.join(ws.dir, 'cov');
  const run = runCli(['run', '--filter', FILTER, '--coverage-dir', covDir, '--manifest', ws.manifest, '--', process.execPath, APP], { env: ws.env });
  assert.equal(run.status, 0, run.stderr);
  const out = path.join(ws.dir, 'html');
  const rep = runCli(['report', '--coverage-dir', covDir, '--format', 'html', '--out', out], { env: ws.env });
  assert.equal(rep.status, 0, rep.stderr);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    const appName = path.basename(APP);
    // The index is nested by directory: follow links until the program's own page.
    for (const dir of path.dirname(APP).split('/')) {
      const link = page.locator(`a[href*="${dir}"]`).first();
      if ((await link.count()) > 0 && !(await page.locator(`a[href$="${appName}.html"]`).count())) await link.click();
    }
    await page.locator(`a[href$="${appName}.html"]`).first().click();
    assert.match(page.url(), new RegExp(`${appName.replace('.', '\\.')}\\.html$`));
    // istanbul's page: one gutter cell per line, classed cline-yes / cline-no.
    const gutter = page.locator('td.line-coverage > span.cline-any');
    const classOf = async (line: number): Promise<string> => (await gutter.nth(line - 1).getAttribute('class')) ?? '';
    assert.match(await classOf(LINES.parseAll + 2), /cline-yes/, 'a line of parseAll, which ran, is shown covered');
    assert.match(await classOf(LINES.neverCalledBody), /cline-no/, 'the body of neverCalled is shown uncovered');
    const uncovered = page.locator('span.fstat-no, span.cstat-no').first();
    assert.ok(await uncovered.isVisible(), 'uncovered code is highlighted');
    await page.screenshot({ path: path.join(ws.dir, 'page.png') });
  } finally {
    await browser.close();
  }
});
