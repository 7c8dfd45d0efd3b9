#!/usr/bin/env node
// The papers' HTML as a phone shows it and as a browser prints it (issue 12).
//
//   node tests/html/layout.mjs [--pdf DIR] FILE.html...
//
// Phone (a 390 px wide window): the page does not scroll sideways and no element is
// wider than the window; every table of three columns or more is a stack of cards
// (a chart scrolls sideways inside its own focusable region, .chart-wrap, by design);
// whose Status cells (when it has a Status column) are visible inside the window;
// no caption is clipped. Print (with --pdf): Chromium's "Save as PDF" of each page,
// A4, written to DIR/<name>.pdf for tests/pages/check_pages.py and pdftotext.
// Prints one line per problem, "file: what", and exits 1 when there are any.
// Uses Debian's Chromium (CHROMIUM) through playwright-core, as check.mjs does.

import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const PHONE = 390;

const argv = process.argv.slice(2);
let pdfDir = null;
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--pdf') pdfDir = argv[++i];
  else if (argv[i].startsWith('-')) { console.error(`layout.mjs: unknown option ${argv[i]}`); process.exit(2); }
  else files.push(argv[i]);
}
if (!files.length || (argv.includes('--pdf') && !pdfDir)) {
  console.error('usage: node tests/html/layout.mjs [--pdf DIR] FILE.html...');
  process.exit(2);
}

const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
let problems = 0;
const problem = (f, what) => { problems++; console.log(`${f}: ${what}`); };
try {
  const context = await browser.newContext({ viewport: { width: PHONE, height: 800 }, serviceWorkers: 'block' });
  for (const f of files) {
    const page = await context.newPage();
    const url = pathToFileURL(path.resolve(f)).href;
    await page.route('**/*', (route) => {
      const u = route.request().url();
      return u === url || u.startsWith('data:') ? route.continue() : route.abort('blockedbyclient');
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const r = await page.evaluate((W) => {
      const out = { scroll: document.scrollingElement.scrollWidth, wide: [], hidden: [], clipped: [], tables: 0, cards: 0 };
      for (const el of document.body.querySelectorAll('*')) {
        const b = el.getBoundingClientRect();
        if (b.width > 0 && b.right > W + 1 && !el.closest('.visually-hidden, thead, .chart-wrap')) {
          out.wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} to ${Math.round(b.right)} px`);
        }
      }
      for (const t of document.querySelectorAll('table')) {
        out.tables++;
        if (t.classList.contains('cards')) out.cards++;
        const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim());
        const col = heads.indexOf('Status');
        // (a chart's data table in a closed <details> is not on screen until opened)
        if (col >= 0 && !t.closest('details:not([open])')) {
          for (const td of t.querySelectorAll('tbody td[data-label="Status"]')) {
            const b = td.getBoundingClientRect();
            if (b.width === 0 || b.left < 0 || b.right > W + 1) { out.hidden.push(td.textContent.trim().slice(0, 30)); break; }
          }
        }
        const cap = t.querySelector('caption');
        if (cap && cap.scrollWidth > cap.clientWidth + 1) out.clipped.push(cap.textContent.trim().slice(0, 40));
      }
      return out;
    }, PHONE);
    if (r.scroll > PHONE) problem(f, `at ${PHONE} px the page scrolls sideways (${r.scroll} px wide)`);
    for (const w of r.wide.slice(0, 5)) problem(f, `at ${PHONE} px wider than the window: ${w}`);
    for (const h of r.hidden) problem(f, `at ${PHONE} px a Status cell is off-screen: ${h}`);
    for (const c of r.clipped) problem(f, `at ${PHONE} px a caption is clipped: ${c}`);
    console.log(`# ${f}: ${r.tables} tables, ${r.cards} as cards; ${r.scroll} px wide at ${PHONE} px`);
    if (pdfDir) {
      mkdirSync(pdfDir, { recursive: true });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(pdfDir, path.basename(f).replace(/\.html$/, '.pdf')),
        preferCSSPageSize: true, printBackground: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
process.exitCode = problems ? 1 : 0;
