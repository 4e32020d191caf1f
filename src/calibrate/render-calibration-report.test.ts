import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderCalibrationReport } from './render-calibration-report.js';
import { testCalibrationResult } from './test-calibration-result.js';

const CHROMIUM = '/usr/bin/chromium';
const XSS = '<img src=x onerror=alert(1)>/evil';

describe('renderCalibrationReport', () => {
  const html = renderCalibrationReport(testCalibrationResult(), XSS);

  it('is self-contained: no script, no external resource', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('escapes the repository name', () => {
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;/evil');
  });

  it("marks the share the suggestion routes deep, at the level the policy's rules send deep", () => {
    const result = testCalibrationResult();
    const share = (result.suggestion.routing.deepShare * 100).toFixed(1);
    expect(result.suggestion.routing.deepShare).not.toBe(result.suggestion.shares.high);
    expect(html).toContain(`<title>suggested levels: ${share}% deep</title>`);
  });

  it('draws one curve per scorer and the policy snippet', () => {
    expect(html.match(/<polyline data-scorer="/g)).toHaveLength(4);
    expect(html).toContain('levels: { medium:');
  });
});

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`calibration report browser test skipped: ${CHROMIUM} is not installed`);

describe.skipIf(!hasChromium)(`calibration report in headless Chromium (needs ${CHROMIUM})`, () => {
  it('opens from a file with four visible curves, the table and no errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-router-report-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const file = join(dir, 'calibration.html');
      writeFileSync(file, renderCalibrationReport(testCalibrationResult(), XSS));
      const page = await browser.newPage({ viewport: { width: 960, height: 1200 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`));
      await page.goto(pathToFileURL(file).href);
      const boxes = await page
        .locator('svg polyline')
        .evaluateAll((lines) => lines.map((line) => line.getBoundingClientRect().width));
      expect(boxes).toHaveLength(4);
      for (const width of boxes) expect(width).toBeGreaterThan(300);
      expect(await page.locator('table tbody tr').count()).toBe(4);
      expect(await page.locator('h1').innerText()).toContain(XSS);
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: 'test-artifacts/calibration-report.png', fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
