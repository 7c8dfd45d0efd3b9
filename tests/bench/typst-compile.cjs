// typst-compile.cjs IN.typ OUT.pdf FONTDIR - compile a Typst file to PDF with the
// typst.ts node compiler in tests/bench/node_modules (make bench-peers installs it).
// Used by tests/bench/bench.py to time Typst against tabled; exits 1 on any error.
'use strict';
const fs = require('fs');
const path = require('path');
const [, , input, output, fonts] = process.argv;
if (!input || !output) {
  console.error('usage: node typst-compile.cjs IN.typ OUT.pdf [FONTDIR]');
  process.exit(2);
}
const { NodeCompiler } = require(path.join(__dirname, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'));
const compiler = NodeCompiler.create({
  workspace: path.dirname(path.resolve(input)),
  fontArgs: fonts ? [{ fontPaths: [fonts] }] : [],
});
const result = compiler.compile({ mainFilePath: path.resolve(input) });
if (result.hasError() || !result.result) {
  result.printErrors();
  console.error('typst: compiling ' + input + ' failed');
  process.exit(1);
}
fs.writeFileSync(output, compiler.pdf(result.result));
