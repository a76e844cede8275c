import { launch } from './harness.mjs';
import { readFile } from 'node:fs/promises';
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 920, height: 700 } });
for (const name of process.argv.slice(2)) {
  const svg = await readFile(`/work/main/tests/goldens/scene-${name}.svg`, 'utf8');
  await page.setContent(`<body style="margin:0;background:#fff">${svg}</body>`);
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
}
await browser.close();
