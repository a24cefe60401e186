import { launchBrowser } from './tests/helpers/browser.ts';
import { serve } from './tests/helpers/server.ts';
const dist = process.argv[2]!;
const server = await serve(dist, { gzip: true });
const browser = await launchBrowser();
const context = await browser.newContext();
const page = await context.newPage();
if (process.argv[3] === 'slow') {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750 });
}
const t0 = performance.now();
page.on('request', (r) => console.log('req ', (performance.now() - t0).toFixed(0), new URL(r.url()).pathname + new URL(r.url()).search));
page.on('response', async (r) => { const b = await r.body().catch(() => Buffer.alloc(0)); console.log('resp', (performance.now() - t0).toFixed(0), r.status(), b.length, new URL(r.url()).pathname); });
await page.goto(`${server.url}/search/?q=water`, { waitUntil: 'commit' });
await page.locator('[data-results] li h3 a').first().waitFor({ timeout: 60000 });
console.log('shown', (performance.now() - t0).toFixed(0));
await page.waitForTimeout(1500);
await browser.close(); await server.close();
