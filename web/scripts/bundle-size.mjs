// Measures what the first visit downloads: the entry script named in dist/index.html and every
// chunk it imports statically (transitively), gzipped. Lazy chunks (the editor, …) are not
// counted: the first screen never asks for them. Fails when over the budget (docs/web.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 500;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g)]
  .map((m) => m[1]);

const seen = new Set();
const visit = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only: `import … from "./x.js"` and bare `import "./x.js"`; import() is lazy.
  for (const m of code.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    visit(join(file, '..', m[1]));
  }
};
entries.forEach(visit);

let total = 0;
for (const file of [...seen].sort()) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} KB  gzipped JS on the first load (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB * 1024) {
  console.error('over budget');
  process.exit(1);
}
