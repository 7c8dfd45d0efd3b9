#!/usr/bin/env node
// Check HTML files for validity and accessibility.
//
//   node tests/html/check.mjs [--werror] FILE.html...
//
// Each file gets two checks:
//   vnu   the Nu HTML Checker (vnu.jar from the vnu-jar npm package), run once
//         over all files in a single JVM;
//   axe   axe-core (WCAG 2.0/2.1/2.2 A and AA rules) in one headless Debian
//         Chromium driven by playwright-core; the same check also fails if the
//         page asks for anything that is not file: or data: (the papers must be
//         self-contained) or throws an uncaught script error.
// Problems are printed GCC-style, then one closing line "N passed, N failed".
// vnu warnings are printed but only fail the check with --werror.
// Exit status: 0 if every check passed, 1 otherwise (or when given no files).
//
// Environment: CHROMIUM (default /usr/bin/chromium), JAVA (default java),
// HTML_CHECK_JOBS (pages checked at once in the one browser, default 2),
// HTML_CHECK_WIDTH (the window's width in CSS pixels for axe, default 1280; 390 checks
// a phone's layout).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const JAVA = process.env.JAVA || 'java';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PAGE_TIMEOUT_MS = 60_000;
const MAX_NODES_PER_RULE = 10;
// Pages checked at once in the one browser (the machine has 2 cores).
const JOBS = Math.max(1, parseInt(process.env.HTML_CHECK_JOBS || '2', 10) || 1);
const WIDTH = Math.max(200, parseInt(process.env.HTML_CHECK_WIDTH || '1280', 10) || 1280);

function usage(msg) {
  if (msg) console.error(`check.mjs: ${msg}`);
  console.error('usage: node tests/html/check.mjs [--werror] FILE.html...');
  process.exit(1);
}

const argv = process.argv.slice(2);
let werror = false;
const files = [];
for (const a of argv) {
  if (a === '--werror') werror = true;
  else if (a === '--help' || a === '-h') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else files.push(a);
}
if (files.length === 0) {
  console.error('check.mjs: no HTML files given: nothing to check');
  process.exit(1);
}

// Per file: problem lines and pass/fail for each check.
const results = new Map();
const seen = new Set();
for (const f of files) {
  // The same file named twice (perhaps by different paths) is checked once.
  const abs = path.resolve(f);
  if (seen.has(abs)) continue;
  seen.add(abs);
  results.set(f, { vnu: [], axe: [], vnuFail: false, axeFail: false });
}
const absToArg = new Map();
const present = [];
for (const f of results.keys()) {
  const r = results.get(f);
  let ok = false;
  try { ok = statSync(f).isFile(); } catch { ok = false; }
  if (!ok) {
    r.vnu.push(`${f}: error: no such file`);
    r.vnuFail = r.axeFail = true;
    continue;
  }
  absToArg.set(path.resolve(f), f);
  present.push(f);
}

// ---- vnu ---------------------------------------------------------------

function runVnu(list) {
  return new Promise((resolve) => {
    if (list.length === 0) return resolve({ messages: [] });
    let jar;
    try {
      jar = require('vnu-jar').toString();
    } catch (e) {
      return resolve({ fatal: `vnu-jar not installed (run tests/html/install.sh): ${e.message}` });
    }
    const args = ['-Xss8m', '-XX:TieredStopAtLevel=1', '-jar', jar, '--format', 'json', '--stdout', '--exit-zero-always',
      '--skip-info-messages', ...list.map((f) => path.resolve(f))];
    let out = '';
    let err = '';
    let child;
    try {
      child = spawn(JAVA, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      return resolve({ fatal: `cannot run ${JAVA}: ${e.message}` });
    }
    child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
    child.on('error', (e) => resolve({ fatal: `cannot run ${JAVA}: ${e.message}` }));
    child.on('close', (code) => {
      try {
        const j = JSON.parse(out);
        resolve({ messages: j.messages || [] });
      } catch {
        resolve({ fatal: `vnu exited ${code} without JSON output: ${(err || out).trim().slice(0, 2000)}` });
      }
    });
  });
}

function oneLine(s) {
  // eslint-disable-next-line no-control-regex
  return String(s).replace(/\x1b\[[0-9;]*m/g, '').replace(/\s+/g, ' ').trim();
}

function fileForUrl(url) {
  if (!url) return null;
  try {
    const p = fileURLToPath(new URL(url));
    return absToArg.get(p) ?? absToArg.get(path.resolve(p)) ?? null;
  } catch {
    return null;
  }
}

function recordVnu(res) {
  if (res.fatal) {
    for (const f of present) {
      results.get(f).vnu.push(`${f}: error: vnu: ${oneLine(res.fatal)}`);
      results.get(f).vnuFail = true;
    }
    return;
  }
  for (const m of res.messages) {
    const isWarning = m.type === 'info'; // with --skip-info-messages only warnings remain
    const f = fileForUrl(m.url);
    if (!f) {
      // A message about no file of ours (should not happen): fail everything.
      for (const g of present) {
        results.get(g).vnu.push(`${g}: error: vnu: ${oneLine(m.message)} (${m.url ?? 'no url'})`);
        results.get(g).vnuFail = true;
      }
      continue;
    }
    const line = m.firstLine ?? m.lastLine;
    const col = m.firstColumn ?? m.lastColumn;
    const where = line ? `${f}:${line}:${col ?? 1}:` : `${f}:`;
    const kind = isWarning ? 'warning' : 'error';
    results.get(f).vnu.push({ line: line ?? 0, col: col ?? 0, text: `${where} ${kind}: vnu: ${oneLine(m.message)}` });
    if (!isWarning || werror) results.get(f).vnuFail = true;
  }
}

// ---- axe in Chromium -------------------------------------------------------

function failAxe(f, msg) {
  const r = results.get(f);
  r.axe.push(`${f}: error: ${msg}`);
  r.axeFail = true;
}

function targetText(target) {
  // target: array of selectors; an entry is an array itself for shadow DOM.
  return (target || []).map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ');
}

async function axeOne(context, axeSource, f) {
  const page = await context.newPage();
  const url = pathToFileURL(path.resolve(f)).href;
  // Papers must be self-contained: refuse, and report, any request that is
  // not for the file itself or a data: URL.
  const external = new Set();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(oneLine(e.message)));
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u === url || u.startsWith('data:')) return route.continue();
    external.add(u);
    return route.abort('blockedbyclient');
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.evaluate(axeSource);
    const res = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({
        id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target),
      }));
    }, AXE_TAGS);
    for (const v of res) {
      const shown = v.nodes.slice(0, MAX_NODES_PER_RULE);
      for (const t of shown) failAxe(f, `axe: ${v.id}: ${oneLine(v.help)} (${targetText(t)})`);
      if (v.nodes.length > shown.length) {
        failAxe(f, `axe: ${v.id}: ... and ${v.nodes.length - shown.length} more elements`);
      }
      if (v.nodes.length === 0) failAxe(f, `axe: ${v.id}: ${oneLine(v.help)}`);
    }
  } catch (e) {
    failAxe(f, `axe: ${oneLine(e.message).slice(0, 500)}`);
  }
  for (const u of external) failAxe(f, `browser: not self-contained: request for ${u.slice(0, 200)}`);
  for (const m of pageErrors) failAxe(f, `browser: uncaught script error: ${m.slice(0, 500)}`);
  await page.close().catch(() => {});
}

async function runAxe(list) {
  if (list.length === 0) return;
  let chromium;
  let axeSource;
  try {
    ({ chromium } = require('playwright-core'));
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch (e) {
    for (const f of list) failAxe(f, `axe: npm packages not installed (run tests/html/install.sh): ${oneLine(e.message)}`);
    return;
  }
  if (!existsSync(CHROMIUM)) {
    for (const f of list) failAxe(f, `axe: no browser at ${CHROMIUM} (run tests/html/install.sh)`);
    return;
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    for (const f of list) failAxe(f, `axe: cannot start ${CHROMIUM}: ${oneLine(e.message).slice(0, 500)}`);
    return;
  }
  try {
    const context = await browser.newContext({
      bypassCSP: true, // so a strict Content-Security-Policy in a paper cannot block axe
      viewport: { width: WIDTH, height: 800 },
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const queue = [...list];
    const worker = async () => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
        try {
          await axeOne(context, axeSource, f);
        } catch (e) {
          failAxe(f, `axe: ${oneLine(e.message).slice(0, 500)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(JOBS, list.length) }, worker));
  } finally {
    await browser.close().catch(() => {});
  }
}

// ---- run both at once (JVM and browser use different cores) -------------

const [vnuRes] = await Promise.all([runVnu(present), runAxe(present)]);
recordVnu(vnuRes);

let passed = 0;
let failed = 0;
for (const [, r] of results) {
  // vnu reports in no fixed order: sort by line and column, like the compiler.
  const vnu = r.vnu.map((m, i) => (typeof m === 'string' ? { line: 0, col: 0, text: m, i } : { ...m, i }));
  vnu.sort((a, b) => a.line - b.line || a.col - b.col || a.i - b.i);
  for (const m of vnu) console.log(m.text);
  for (const l of r.axe) console.log(l);
  passed += (r.vnuFail ? 0 : 1) + (r.axeFail ? 0 : 1);
  failed += (r.vnuFail ? 1 : 0) + (r.axeFail ? 1 : 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
