#!/usr/bin/env node
// Full-page screenshot of an HTML file, for people reviewing tabled's output.
//
//   node tests/html/screenshot.mjs [--print] FILE.html OUT.png [width]
//
// width is the viewport width in CSS pixels (default 1280). --print renders
// with the print media type (@media print rules) instead of screen.
// Uses Debian's Chromium (CHROMIUM, default /usr/bin/chromium) through
// playwright-core; requests other than the file itself and data: URLs are
// blocked, as in check.mjs.

import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const argv = process.argv.slice(2);
const print = argv.includes('--print');
const pos = argv.filter((a) => a !== '--print');
if (pos.length < 2 || pos.length > 3 || pos.some((a) => a.startsWith('-'))) {
  console.error('usage: node tests/html/screenshot.mjs [--print] FILE.html OUT.png [width]');
  process.exit(2);
}
const [file, out, w] = pos;
const width = w === undefined ? 1280 : Number(w);
if (!Number.isInteger(width) || width < 100 || width > 10000) {
  console.error(`screenshot.mjs: bad width ${w}`);
  process.exit(2);
}

const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 1 });
  const url = pathToFileURL(path.resolve(file)).href;
  await page.route('**/*', (route) => {
    const u = route.request().url();
    return u === url || u.startsWith('data:') ? route.continue() : route.abort('blockedbyclient');
  });
  if (print) await page.emulateMedia({ media: 'print' });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.screenshot({ path: out, fullPage: true });
} catch (e) {
  console.error(`screenshot.mjs: ${file}: ${String(e.message).split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
