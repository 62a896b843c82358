/**
 * Shared set-up for the browser tests: the built site served by tools/serve.mjs on 127.0.0.1 and
 * Debian's Chromium driven by playwright-core. Each test file calls setUp() at its top.
 */
import {after, before} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {startServer} from '../../tools/serve.mjs';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const site = process.env.BASIRA_SITE || join(root, 'build/wasm/site');
export const shots = join(root, 'build/screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--no-first-run',
  '--disable-sync'];

/** The demo article of the page (web/app.js), read from the source so the tests follow it. */
export const DEMO_TEXT = (() => {
  const app = readFileSync(join(root, 'web/app.js'), 'utf8');
  return app.match(/const DEMO_TEXT = `([^`]*)`/)[1];
})();

/**
 * Starts the server and the browser for the tests of one file. The returned object is filled in
 * before the first test runs: {url, browser, server}.
 */
export function setUp() {
  const env = {url: null, browser: null, server: null};
  before(async () => {
    assert.ok(existsSync(join(site, 'basira.wasm')), `build the wasm preset first (${site})`);
    ({server: env.server, url: env.url} = await startServer({root: site, port: 0}));
    env.browser = await chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS});
    mkdirSync(shots, {recursive: true});
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/** Opens the page in a new context and waits for the analyzer; collects page errors. */
export async function openPage(env, {viewport = {width: 1280, height: 900}, url = env.url,
  contextOptions = {}} = {}) {
  const context = await env.browser.newContext({viewport, ...contextOptions});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', {timeout: 20000});
  return {page, context, errors};
}

/** Pastes text, clicks Analyze and waits for the result to show. */
export async function analyzeText(page, text) {
  await page.getByTestId('input').fill(text);
  await page.getByTestId('analyze').click();
  await page.waitForSelector('body[data-rendered="true"]:not([data-busy])');
}
