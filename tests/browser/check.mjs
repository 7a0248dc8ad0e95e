// Drives Debian's Chromium for Termin's page tests. Usage:
//   node check.mjs axe URL...        -> {"violations": [{url, id, impact, help, nodes}]}
//   node check.mjs confirm URL       -> with JavaScript off and the keyboard alone, press
//                                       the confirm button; {"text": "<page text after>"}
// Prints one JSON object on stdout.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

async function axe(urls) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = [];
  for (const url of urls) {
    await page.goto(url);
    // Our CSP forbids inline scripts; the test evaluates axe through the DevTools protocol instead.
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }));
    for (const v of result.violations) {
      violations.push({ url, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) });
    }
  }
  return { violations };
}

async function confirmWithKeyboard(url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
    if (focused && /bestätigen|confirm/i.test(focused)) {
      await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
      await page.waitForLoadState("load");
      return { text: await page.innerText("body") };
    }
  }
  return { text: "", error: "no confirm button reachable by Tab" };
}

const [mode, ...urls] = process.argv.slice(2);
try {
  const out = mode === "axe" ? await axe(urls) : await confirmWithKeyboard(urls[0]);
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
