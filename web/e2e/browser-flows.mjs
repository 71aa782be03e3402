// End-to-end flows in Debian's Chromium (playwright-core; no downloaded browser), against a real
// server. WebAppBrowserIT (server module) starts the server and runs this; it can also run alone:
//   AOS_BASE_URL=http://127.0.0.1:8080 node e2e/browser-flows.mjs     (on a fresh data directory)
// Env: AOS_BASE_URL (required), AOS_CHROMIUM (default /usr/bin/chromium), AOS_ARTIFACTS (failure
// screenshots and the log; default ./test-results), AOS_SCREENSHOTS (if set, the main screens are
// saved there too, e.g. ../docs/screenshots).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.env.AOS_BASE_URL;
if (!base) throw new Error('AOS_BASE_URL is required');
const artifacts = process.env.AOS_ARTIFACTS ?? 'test-results';
const screenshots = process.env.AOS_SCREENSHOTS;
mkdirSync(artifacts, { recursive: true });
if (screenshots) mkdirSync(screenshots, { recursive: true });

const ADMIN = { username: 'ada', password: 'a long enough passphrase' };
const SECRET = 'tok-' + 'S3cr3tValue-never-shown-' + Date.now();
const results = [];
const pageErrors = [];

const profile = mkdtempSync(join(tmpdir(), 'aos-chromium-'));
// A fresh profile directory each run (Playwright passes it as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.AOS_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // The machine's network is closed: without these Chromium tries Google's hosts at every start.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  viewport: { width: 1440, height: 900 }, baseURL: base, colorScheme: 'light',
});
context.setDefaultTimeout(20_000);
const page = context.pages()[0] ?? await context.newPage();
page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });

async function shot(name) {
  if (!screenshots) return;
  await page.waitForTimeout(400); // let dialogs and toasts finish their entry animations
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

async function flow(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    const file = join(artifacts, `failed-${results.length}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.log(`not ok - ${name}\n  ${String(error?.stack ?? error).split('\n').join('\n  ')}\n  at ${page.url()}; screenshot ${file}`);
    throw error;
  }
}

const expectVisible = (locator) => locator.first().waitFor({ state: 'visible' });
async function expectText(locator, text) {
  await expectVisible(locator.filter({ hasText: text }));
}
async function api(path, init = {}) {
  // Through the page's own session: the access token lives in the app's memory, so log in afresh.
  const token = await page.evaluate(async ({ u, p }) => {
    const r = await fetch('/api/v1/auth/token', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: u, password: p }) });
    return (await r.json()).access_token;
  }, { u: ADMIN.username, p: ADMIN.password });
  return page.evaluate(async ({ path, init, token }) => {
    const r = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` } });
    return { status: r.status, text: await r.text() };
  }, { path, init, token });
}

let workflowId;
let webhookUrl;
let executionId;

try {
  await flow('1. a fresh install asks for the admin account; log-in shows clear errors', async () => {
    await page.goto('/');
    await page.waitForURL('**/setup');
    await expectVisible(page.getByRole('heading', { name: 'Create the admin account' }));
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Create admin and log in' }).click();
    await expectText(page.locator('[data-part="error-text"]'), '10'); // the server's rule, on the password field
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat the password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create admin and log in' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Workflows' }));
    await expectVisible(page.getByText('No workflows yet'));
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectText(page.getByRole('alert'), 'do not match');
    await shot('login');
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Workflows' }));
    // A reload keeps the session (the refresh token renews it silently).
    await page.reload();
    await expectVisible(page.getByRole('heading', { name: 'Workflows' }));
  });

  await flow('2. build webhook → filter → transform in the editor, save, activate', async () => {
    await page.getByRole('link', { name: 'New workflow' }).click();
    await page.waitForURL('**/workflows/new');
    await page.getByLabel('Workflow name').fill('Big orders');
    await page.getByTestId('catalog-trigger.webhook').click();
    await expectVisible(page.getByTestId('graph-node-Webhook'));
    await page.getByTestId('catalog-flow.filter').click();
    await expectVisible(page.getByTestId('graph-node-Filter'));
    // The filter's condition: the expression form of the anyOf.
    const panel = page.getByTestId('node-panel');
    await panel.locator('select').first().selectOption({ index: 1 });
    await panel.locator('#cfg-filter_condition_expression').fill('{{ $trigger.body.amount > 100 }}');
    await page.getByTestId('catalog-transform.set').click();
    await expectVisible(page.getByTestId('graph-node-Set fields'));
    await panel.getByRole('button', { name: '+ Add' }).first().click();
    const keyInput = panel.locator('input[id$="-key"]').first();
    await keyInput.fill('summary');
    await keyInput.blur();
    await panel.getByRole('button', { name: 'summary: expression off' }).click();
    await panel.locator('#cfg-set_fields_summary').fill('{{ "Order " & $trigger.body.id & " is big" }}');
    await expectText(panel.getByTestId('expression-preview'), '"Order  is big"'); // against the sample input (no id)
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    workflowId = page.url().split('/').pop();
    await expectVisible(page.getByText('v1', { exact: true }));
    await page.getByText('Inactive', { exact: true }).click();
    await expectVisible(page.getByText('Active', { exact: true }));
    await page.getByRole('tab', { name: 'Webhook' }).click();
    webhookUrl = await page.getByTestId('webhook-url').textContent();
    if (!webhookUrl?.includes('/webhook/')) throw new Error(`no webhook URL: ${webhookUrl}`);
    await page.getByRole('tab', { name: 'Graph' }).click();
    await page.getByTestId('graph-node-Set fields').click();
    await shot('editor');
  });

  await flow('3. a webhook called with curl appears live in the executions list', async () => {
    await page.goto(`/executions?workflow=${workflowId}`);
    await expectText(page.getByTestId('live-indicator'), 'live');
    const before = await page.getByTestId('execution-row').count();
    execFileSync('curl', ['-sS', '-f', '-X', 'POST', webhookUrl, '-H', 'Content-Type: application/json',
      '-d', JSON.stringify({ id: 7, amount: 250 })]);
    await page.locator('[data-testid=execution-row][data-status=succeeded]').first().waitFor();
    const after = await page.getByTestId('execution-row').count();
    if (after !== before + 1) throw new Error(`expected one new row, had ${before}, now ${after}`);
    await shot('executions');

    // Unfiltered, the list follows the stream of every workflow the user may see.
    await page.goto('/executions');
    await expectText(page.getByTestId('live-indicator'), 'live');
    const all = await page.getByTestId('execution-row').count();
    execFileSync('curl', ['-sS', '-f', '-X', 'POST', webhookUrl, '-H', 'Content-Type: application/json',
      '-d', JSON.stringify({ id: 7, amount: 250 })]);
    const deadline = Date.now() + 5000; // well under any polling interval: this must come from the stream
    while ((await page.getByTestId('execution-row').count()) !== all + 1) {
      if (Date.now() > deadline) throw new Error(`the unfiltered list did not get the new run live (${all} rows)`);
      await page.waitForTimeout(100);
    }
  });

  await flow('4. the execution shows every step with its output', async () => {
    await page.getByTestId('execution-row').first().getByRole('link').first().click();
    await page.waitForURL(/\/executions\/[0-9a-f-]{36}$/);
    executionId = page.url().split('/').pop();
    await page.getByTestId('step-row').nth(2).waitFor();
    if ((await page.getByTestId('step-row').count()) !== 3) throw new Error('expected 3 steps');
    for (const [name, expected] of [['Webhook', '"amount"'], ['Filter', '250'], ['Set fields', 'Order 7 is big']]) {
      await page.getByTestId('step-row').filter({ hasText: name }).getByRole('button', { name }).click();
      await expectText(page.getByTestId('step-detail'), expected);
    }
    await expectVisible(page.locator('[data-testid="graph-node-Set fields"][data-status=succeeded]'));
    await shot('execution');
  });

  await flow('5. a broken node config shows the server\'s error on its field', async () => {
    await page.goto(`/workflows/${workflowId}`);
    await page.getByTestId('graph-node-Set fields').click();
    await page.getByTestId('node-panel').locator('#cfg-set_fields_summary').fill('{{ $trigger.body.( }}');
    const fieldError = page.getByTestId('node-panel').locator('[data-testid^="field-error-"]');
    await expectVisible(fieldError);
    await expectVisible(page.getByTestId('problem-count'));
    await expectVisible(page.locator('[data-testid="graph-node-Set fields"]').getByText(/problem/));
    await shot('field-error');
  });

  await flow('6. a credential\'s secret is never shown again', async () => {
    await page.goto('/credentials');
    await page.getByRole('button', { name: 'New credential' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Shop API');
    await dialog.locator('select').first().selectOption('custom_header');
    const form = dialog.getByTestId('credential-form');
    await form.locator('#credential_header_name').fill('X-Shop-Token');
    const secretInput = form.locator('#credential_header_value');
    if ((await secretInput.getAttribute('type')) !== 'password') throw new Error('the secret field is not a password field');
    await secretInput.fill(SECRET);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectText(page.getByTestId('credential-row'), 'Shop API');
    const visible = async () => (await page.content()).includes(SECRET);
    if (await visible()) throw new Error('the secret is on the page after saving');
    await page.getByTestId('credential-row').filter({ hasText: 'Shop API' }).getByRole('button', { name: 'Edit' }).click();
    await expectVisible(page.getByText('The stored secret stays as it is'));
    if (await visible()) throw new Error('the secret is in the edit form');
    await shot('credentials');
    await page.keyboard.press('Escape');
    await page.reload();
    await expectText(page.getByTestId('credential-row'), 'Shop API');
    if (await visible()) throw new Error('the secret is on the page after a reload');
    const listed = await api('/api/v1/credentials');
    if (listed.status !== 200 || listed.text.includes(SECRET)) throw new Error(`the API answered ${listed.status} with the secret`);
  });

  await flow('7. an API key is shown once, then only by its prefix', async () => {
    await page.goto('/settings/api-keys');
    await page.getByLabel('Name').fill('deploy script');
    await page.getByText('execute: run workflows').click();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByTestId('api-key-secret').textContent())?.trim() ?? '';
    if (!secret.startsWith('aos_')) throw new Error(`no key shown: ${secret}`);
    await expectText(page.getByTestId('api-key-row'), 'deploy script');
    await shot('api-keys');
    const me = await page.evaluate(async (key) => (await fetch('/api/v1/auth/me', { headers: { Authorization: `Bearer ${key}` } })).status, secret);
    if (me !== 200) throw new Error(`the new key does not authenticate: ${me}`);
    await page.reload();
    await expectText(page.getByTestId('api-key-row'), 'deploy script');
    if ((await page.content()).includes(secret)) throw new Error('the key is shown again after a reload');
  });

  await flow('the dashboard shows the run, and dark mode works', async () => {
    await page.goto('/');
    await expectVisible(page.getByTestId('workflow-row').filter({ hasText: 'Big orders' }));
    await expectText(page.getByTestId('summary-runs-today'), '2'); // the two curl calls of flow 3
    const row = page.getByTestId('workflow-row').filter({ hasText: 'Big orders' });
    await expectVisible(row.getByRole('img', { name: 'Recent runs of Big orders: 2 succeeded' }));
    await expectText(row, '100%');
    await expectVisible(row.getByText('succeeded'));
    await shot('dashboard');
    await page.getByRole('button', { name: /Switch to dark mode/ }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
    await shot('dashboard-dark');
    await page.goto(`/executions/${executionId}`);
    await expectVisible(page.getByTestId('step-row'));
    await shot('execution-dark');
    await page.getByRole('button', { name: /Switch to light mode/ }).click();
  });
} catch {
  // reported above; fall through to the summary
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok).length;
const relevant = pageErrors.filter((e) => !/status of (401|404|409|422|400)|Failed to load resource/.test(e));
if (relevant.length > 0) console.log(`browser errors:\n  ${relevant.join('\n  ')}`);
console.log(`browser flows: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
