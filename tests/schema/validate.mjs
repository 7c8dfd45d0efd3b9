// validate.mjs - validate YAML files (or papers' front blocks) against a JSON Schema,
// reading the YAML as editors do (the yaml package, YAML 1.2 core schema, as the YAML
// language server does) and validating with ajv (draft 2020-12, strict mode).
//
//   node tests/schema/validate.mjs SCHEMA.json FILE...
//
// A .md file is validated by its front block (the YAML between the first two '---'
// lines). Prints one line per file, "valid FILE" or "invalid FILE: what and where",
// and exits 1 when any file is invalid, 2 when the schema itself does not compile.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { parseDocument } from "yaml";

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: node validate.mjs SCHEMA.json FILE...");
  process.exit(2);
}

let validate;
try {
  // Strict, except that a value may be one of several types ("type": ["string",
  // "number"]): tabled reads every YAML scalar as text, so 7 and "7" are both text.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
} catch (e) {
  console.error(`${schemaPath}: the schema does not compile: ${e.message}`);
  process.exit(2);
}

// The front block of a paper, as tabled's loader finds it.
function frontBlock(text) {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  if (!/^---[ \t\r]*$/.test(lines[0])) return null;
  for (let i = 1; i < lines.length; i++)
    if (/^(---|\.\.\.)[ \r]*$/.test(lines[i])) return lines.slice(1, i).join("\n");
  return null;
}

let bad = 0;
for (const file of files) {
  let text = readFileSync(file, "utf8");
  if (file.endsWith(".md")) {
    const front = frontBlock(text);
    if (front === null) {
      console.log(`invalid ${file}: no front block`);
      bad++;
      continue;
    }
    text = front;
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    console.log(`invalid ${file}: YAML: ${doc.errors[0].message.split("\n")[0]}`);
    bad++;
    continue;
  }
  const data = doc.toJS();
  if (validate(data)) {
    console.log(`valid ${file}`);
  } else {
    bad++;
    const e = validate.errors[0];
    console.log(`invalid ${file}: ${e.instancePath || "/"} ${e.message}` +
      (e.params && e.params.additionalProperty ? ` '${e.params.additionalProperty}'` : "") +
      (validate.errors.length > 1 ? ` (and ${validate.errors.length - 1} more)` : ""));
  }
}
process.exit(bad ? 1 : 0);
