// The real Neo4j Browser of the local server (src/neo4j/local.ts, what `npm run neo4j -- start` runs; here one of the
// test's own on free ports, beside the user's) in headless Chromium: it loads from /browser/,
// connects over Bolt to the same server with the test credentials through its connect form, runs a Cypher query typed
// into its editor and shows the rows the driver gets for the same query.
// The Browser asks for web fonts and telemetry hosts that cannot be reached here: those requests are aborted, so that
// the page does not wait on them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/neo4j/driver.ts';
import { type ScratchNeo4j, startScratchNeo4j } from '../../src/neo4j/local.ts';
import { launchChromium } from './chromium.ts';

/** Chinese strings and a computed column: what the Browser shows must be what the server answers. */
const QUERY = "UNWIND ['东阿县', '冠县', '聊城市'] AS county RETURN county, size(county) AS chars";

let server: ScratchNeo4j;
let browser: Browser;

beforeAll(async () => {
  server = await startScratchNeo4j();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openBrowser(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const origin = new URL(server.local.browserUrl).origin;
  await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(server.local.browserUrl);
  return page;
}

/** The Browser's result frame of a command (each command it runs gets a frame headed by the command). */
const frameOf = (page: Page, command: string) =>
  page.locator('[data-testid="frame"]', { has: page.locator('[data-testid="frameCommand"]', { hasText: command }) });

/** The rows of the table in the result frame of `query`, each cell as the Browser prints it. */
async function tableRows(page: Page, query: string): Promise<string[][]> {
  const rows = frameOf(page, query).locator('[role="row"]');
  await rows.nth(1).waitFor({ timeout: 30_000 });
  const all = await Promise.all((await rows.all()).map((row) => row.locator('[role="cell"]').allInnerTexts()));
  // The header row has no cells, and the row number is not one.
  return all.filter((cells) => cells.length).map((cells) => cells.map((c) => c.trim()));
}

describe('Neo4j Browser on the local server', () => {
  it('connects over Bolt with the test credentials and shows the rows of a typed query', async () => {
    const page = await openBrowser();
    const connectButton = page.locator('[data-testid="connect"]');
    await connectButton.waitFor({ timeout: 60_000 });
    await page.selectOption('[data-testid="bolt-scheme-select"]', 'bolt://');
    await page.fill('[data-testid="boltaddress"]', `${server.local.host}:${server.local.port}`);
    await page.fill('[data-testid="username"]', server.local.user);
    await page.fill('[data-testid="password"]', server.local.password);
    await connectButton.click();
    // Once connected the Browser opens its start guide (a refused login leaves the form with an error instead); the
    // form itself goes a moment before the connection is usable.
    await frameOf(page, ':play start').waitFor({ timeout: 60_000 });

    await page.locator('#monaco-main-editor').click();
    // insertText, not type(): the editor would close each typed quote and bracket a second time.
    await page.keyboard.insertText(QUERY);
    await page.keyboard.press('Control+Enter');
    const shown = await tableRows(page, QUERY);

    const { driver } = await connect(server.settings);
    try {
      const { records } = await driver.executeQuery(QUERY);
      const expected = records.map((r) => [JSON.stringify(r.get('county')), String(r.get('chars'))]);
      expect(expected.length).toBe(3);
      expect(shown).toEqual(expected);
    } finally {
      await driver.close();
      await page.close();
    }
  });
});
