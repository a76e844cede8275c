// Shrinks the JavaScript readers download: the element (and the CSS inside it) and the
// wasm-bindgen bindings. The readable sources stay in src/js/; only pkg/ is minified.
// Usage: node .ci/minify.mjs FILE...
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../tests/browser/package.json', import.meta.url));
const { minify } = require('terser');

/** Collapses the whitespace of the `const css = \`...\`` template the element carries. */
function squeezeCss(source) {
  return source.replace(/const css = `([\s\S]*?)`;/, (_, css) => {
    const tight = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
    return `const css = \`${tight}\`;`;
  });
}

for (const file of process.argv.slice(2)) {
  const source = squeezeCss(await readFile(file, 'utf8'));
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  await writeFile(file, result.code);
}
