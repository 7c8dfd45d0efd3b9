// struct_text.mjs PDF... - what pdf.js (pdfjs-dist, as Firefox reads a PDF) sees of
// tagged PDFs, as JSON on stdout: {path: {pages: [...]}}, one entry a page:
//   items: the page's text in content-stream order, each {m: MCID | null, a: true when
//          inside an artifact, s: text}
//   tree:  the MCIDs of the page in the order of page.getStructTree() (the structure
//          tree pruned to what the page holds), and roles: the structure types met.
// reading_order.py compares it with the structure order ua_check.py walks, with
// poppler's pdfinfo -struct-text and with pdftotext.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

const require = createRequire(import.meta.url);
pdfjs.GlobalWorkerOptions.workerSrc = require.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs");

const mcidOf = (id) => {
  const m = /_mc(\d+)$/.exec(id || "");
  return m ? Number(m[1]) : null;
};

async function read(path) {
  const data = new Uint8Array(readFileSync(path));
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true,
    useSystemFonts: false, verbosity: 0 }).promise;
  const out = { pages: [] };
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tc = await page.getTextContent({ includeMarkedContent: true });
    const items = [];
    const stack = [];
    for (const it of tc.items) {
      if (it.type === "beginMarkedContentProps" || it.type === "beginMarkedContent") {
        stack.push({ tag: it.tag, m: mcidOf(it.id) });
      } else if (it.type === "endMarkedContent") {
        stack.pop();
      } else if (typeof it.str === "string") {
        let m = null;
        let a = false;
        for (const s of stack) {
          if (s.tag === "Artifact") a = true;
          if (s.m !== null) m = s.m;
        }
        items.push({ m, a, s: it.str });
      }
    }
    const tree = [];
    const roles = new Set();
    const walk = (node) => {
      if (!node) return;
      if (node.type === "content") {
        const m = mcidOf(node.id);
        if (m !== null) tree.push(m);
        return;
      }
      if (node.role) roles.add(node.role);
      for (const k of node.children || []) walk(k);
    };
    walk(await page.getStructTree());
    out.pages.push({ items, tree, roles: [...roles].sort() });
    page.cleanup();
  }
  await doc.destroy();
  return out;
}

async function main() {
  const all = {};
  for (const path of process.argv.slice(2)) all[path] = await read(path);
  process.stdout.write(JSON.stringify(all));
}

main().catch((e) => {
  process.stderr.write(`struct_text.mjs: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
