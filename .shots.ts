import { startE2E, signIn } from './test/e2e/harness.js';
const e2e = await startE2E();
for (const width of [1440, 375]) {
  const context = await e2e.browser.newContext({ baseURL: e2e.url, viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'coordinator', e2e.account('coordinator').password);
  for (const [name, path] of [['queue', '/queue'], ['dashboard', '/dashboard'], ['search', '/queue?q=cm2&state=all'], ['ended', '/queue?state=ended']] as const) {
    await page.goto(path);
    await page.locator('main h1').waitFor();
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/queues-shots/${name}-${width}.png`, fullPage: name === 'dashboard' });
  }
  await context.close();
}
await e2e.close();
