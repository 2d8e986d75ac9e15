// Lighthouse (npm, pinned in package.json) over a few pages with one Debian
// Chromium: `node scripts/lighthouse.mjs URL...` prints, as JSON, each page's
// category scores (0-100) and the audits that cost it points. Mobile profile
// (Lighthouse's default: Moto G class device, simulated slow 4G).
// tests/site/test_lighthouse.py runs it against the live test server.
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const urls = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: CHROME_FLAGS,
});
const pages = {};
try {
  for (const url of urls) {
    // A trace that did not record (NO_NAVSTART and the like) is retried once.
    let lhr;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
        // No error reports to Lighthouse's maintainers, no screenshots.
        enableErrorReporting: false,
        disableFullPageScreenshot: true,
      });
      lhr = result.lhr;
      if (!lhr.runtimeError) break;
    }
    if (process.env.LIGHTHOUSE_DUMP) {
      // The whole report, for a closer look: LIGHTHOUSE_DUMP=/tmp/lh.
      const name = encodeURIComponent(new URL(url).pathname + new URL(url).search);
      writeFileSync(`${process.env.LIGHTHOUSE_DUMP}/${name}.json`, JSON.stringify(lhr));
    }
    const scores = {};
    const losses = {};
    for (const name of CATEGORIES) {
      const category = lhr.categories[name];
      scores[name] = Math.round((category.score ?? 0) * 100);
      losses[name] = category.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => `${audit.id}: ${audit.displayValue || audit.score}`);
    }
    pages[url] = { scores, losses, runtimeError: lhr.runtimeError?.message ?? null };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(pages, null, 1) + "\n");
