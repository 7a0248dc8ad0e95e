// Drives Debian's Chromium for Termin's page tests. Usage:
//   node check.mjs axe URL...        -> {"violations": [{url, id, impact, help, nodes}]}
//   node check.mjs book BASE LOCALE EMAIL -> with JavaScript off and the keyboard alone, in a
//                                       browser asking for LOCALE (e.g. de-DE, ar, uk-UA), book
//                                       at the first office from the start page as EMAIL;
//                                       axe-core runs on every page on the way, the form with
//                                       mistakes, the time-taken, no-hold and form-expired pages too
//   node check.mjs manage URL LOCALE -> the same on a booking's page: confirm, then move it
//   node check.mjs pages BASE FILE... -> axe-core on saved pages (error pages the tests made
//                                       in-process), each shown at an address under BASE so
//                                       that its stylesheet comes from the server
//   node check.mjs staff BASE OFFICE CODE ADMIN CLERK PASSWORD -> an office's day by keyboard:
//                                       the admin unlocks a kiosk, a citizen checks in there with
//                                       CODE, the display (JavaScript on) shows the waiting ticket,
//                                       a clerk calls it at a desk (JavaScript off), the display
//                                       shows the call without reloading, the clerk serves it;
//                                       axe-core on every staff, kiosk, display and ticket page
// The flows print {"violations": [...], "pages": [titles], "text": "<last page's text>"}.
// Prints one JSON object on stdout.
import { randomInt } from "node:crypto";
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

// axe-core on the page as it is, results added to `violations`. axe needs JavaScript,
// which the flows switch off: it runs on the same document at the same address in a
// context with JavaScript on (the stylesheet still comes from the server).
let axeContext;
async function check(page, violations, pages) {
  axeContext ??= await browser.newContext();
  const [html, url] = [await page.content(), page.url()];
  const copy = await axeContext.newPage();
  await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await copy.goto(url);
  await copy.evaluate(axeSource);
  const result = await copy.evaluate(() =>
    window.axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }));
  await copy.close();
  const title = await page.title();
  pages.push(title);
  for (const v of result.violations) {
    violations.push({ url: page.url(), title, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) });
  }
}

// What has the keyboard focus: tag, text, id, class, value, type.
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e ? { tag: e.tagName.toLowerCase(), text: (e.textContent || "").trim(), id: e.id, cls: e.className,
               value: e.value || "", type: e.type || "", inFree: !!e.closest("td.free"),
               href: e.getAttribute("href") || "", action: (e.form && e.form.getAttribute("action")) || "" } : {};
});

// Press Tab until `wanted(focused)` holds; fails after `max` presses.
async function tabTo(page, wanted, what, max = 200) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (wanted(f)) return f;
  }
  throw new Error(`not reachable by Tab: ${what} on ${page.url()} (${await page.title()})`);
}

async function pressEnter(page) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

// Book every place left at `start` (the first office, its first service) through the API.
async function fillUp(page, base, start) {
  const day = start.slice(0, 10);
  const q = `services=anmeldung&persons=1&from=${day}&to=${day}`;
  const a = await (await page.request.get(`${base}/api/v1/offices/mitte/availability?${q}`)).json();
  const slot = a.days[0].slots.find((s) => s.start === start);
  for (let i = 0; i < slot.left; i++) {
    const r = await page.request.post(`${base}/api/v1/bookings`, { data: {
      office: "mitte", services: ["anmeldung"], persons: 1, start, name: "Fill Up", email: `fill-${Date.now()}-${i}@example.org` } });
    if (r.status() !== 201) throw new Error(`filling up ${start}: ${r.status()}`);
  }
}

// A citizen's browser: JavaScript off, asking for the pages in `locale`, from an
// address of its own (the server believes X-Forwarded-For from loopback in these tests,
// as it would from the city's proxy), so that citizens do not share the caps of one address.
const citizen = (locale) => ({
  javaScriptEnabled: false, locale,
  extraHTTPHeaders: { "x-forwarded-for": `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}::1` },
});

async function book(base, locale, email) {
  const CITIZEN = citizen(locale);
  const violations = [], pages = [];
  const context = await browser.newContext(CITIZEN);
  const page = await context.newPage();
  await page.goto(base + "/");
  await check(page, violations, pages);
  await tabTo(page, (f) => f.tag === "a" && f.href.startsWith("/o/"), "an office");
  await pressEnter(page);
  await check(page, violations, pages);
  await tabTo(page, (f) => f.type === "checkbox", "a service");
  await page.keyboard.press("Space");
  await tabTo(page, (f) => f.tag === "button", "the next button");
  await pressEnter(page);
  await check(page, violations, pages);
  // Not the first free day: that may be today, whose first time can pass its booking
  // notice between showing the times and pressing one.
  await tabTo(page, (f) => f.tag === "a" && f.inFree, "a bookable day");
  await tabTo(page, (f) => f.tag === "a" && f.inFree, "another bookable day");
  await pressEnter(page);
  await check(page, violations, pages);
  // A second citizen has the same day open, and meanwhile others book every place at
  // its last time through the JSON API (far from the first, so its arrivals stay free).
  const other = await (await browser.newContext(CITIZEN)).newPage();
  await other.goto(page.url());
  const second = await other.locator("button.time").last().getAttribute("value");
  await fillUp(page, base, second);
  await tabTo(page, (f) => f.tag === "button" && f.cls.includes("time"), "a time");
  await pressEnter(page);
  await check(page, violations, pages);
  // The form sent empty comes back with its mistakes.
  await tabTo(page, (f) => f.tag === "button", "the submit button");
  await pressEnter(page);
  await check(page, violations, pages);
  await tabTo(page, (f) => f.id === "f-name", "the name field");
  await page.keyboard.type("Anna Beispiel");
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await tabTo(page, (f) => f.id === "f-consent", "the consent box");
  await page.keyboard.press("Space");
  await tabTo(page, (f) => f.tag === "button", "the submit button");
  await pressEnter(page);
  await check(page, violations, pages);
  const text = await page.innerText("body");

  // The other citizen presses the time that is gone now, then one of the nearest.
  await Promise.all([other.waitForNavigation(), other.click(`button[value="${second}"]`)]);
  await check(other, violations, pages);
  await Promise.all([other.waitForNavigation(), other.click("button.time")]);
  // Without its cookies the form cannot be sent, and the form page cannot find the hold.
  await other.context().clearCookies();
  await Promise.all([other.waitForNavigation(), other.click("form.details button")]);
  await check(other, violations, pages);
  await other.goto(base + "/o/mitte/details");
  await check(other, violations, pages);
  return { violations, pages, text };
}

async function manage(url, locale) {
  const violations = [], pages = [];
  const context = await browser.newContext(citizen(locale));
  const page = await context.newPage();
  await page.goto(url);
  await check(page, violations, pages);
  await tabTo(page, (f) => f.tag === "button" && f.action.endsWith("/confirm"), "the confirm button");
  await pressEnter(page);
  await check(page, violations, pages);
  const ics = await page.request.get(url + "/calendar.ics");
  await tabTo(page, (f) => f.tag === "a" && f.href.endsWith("/move"), "the move link");
  await pressEnter(page);
  await check(page, violations, pages);
  // Not the first or second free day (booked on the second): a later one, so the time
  // really changes.
  await tabTo(page, (f) => f.tag === "a" && f.inFree, "a bookable day");
  await tabTo(page, (f) => f.tag === "a" && f.inFree, "another bookable day");
  await tabTo(page, (f) => f.tag === "a" && f.inFree, "a third bookable day");
  await pressEnter(page);
  await check(page, violations, pages);
  await tabTo(page, (f) => f.tag === "button" && f.cls.includes("time"), "a time");
  await pressEnter(page);
  await check(page, violations, pages);
  return { violations, pages, text: await page.innerText("body"), ics: ics.headers()["content-type"] };
}

async function savedPages(base, files) {
  const violations = [], pages = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [i, file] of files.entries()) {
    const url = `${base}/saved-page-${i}`;
    const html = readFileSync(file, "utf8");
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await page.goto(url);
    await check(page, violations, pages);
  }
  return { violations, pages };
}

// Sign in on the login form by keyboard; the page it leads to.
async function signIn(page, email, password) {
  await tabTo(page, (f) => f.id === "l-email", "the email field");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await pressEnter(page);
}

async function staff(base, office, code, admin, clerk, password) {
  const violations = [], pages = [];
  const keyboard = { javaScriptEnabled: false, locale: "de-DE" };

  // The kiosk: locked until an admin, signed in on the device, unlocks it; then signed out.
  const kiosk = await (await browser.newContext(keyboard)).newPage();
  await kiosk.goto(`${base}/kiosk/${office}`);
  await check(kiosk, violations, pages);
  await kiosk.goto(`${base}/staff/login?next=/kiosk/${office}`);
  await check(kiosk, violations, pages);
  await signIn(kiosk, admin, password);
  await check(kiosk, violations, pages);
  await tabTo(kiosk, (f) => f.id === "k-label", "the kiosk's name");
  await kiosk.keyboard.type("Eingang");
  await pressEnter(kiosk);
  await kiosk.goto(`${base}/staff`);
  await tabTo(kiosk, (f) => f.tag === "button" && f.action === "/staff/logout", "the logout button");
  await pressEnter(kiosk);
  await kiosk.goto(`${base}/kiosk/${office}`);
  await check(kiosk, violations, pages);
  const kioskText = await kiosk.innerText("body");

  // A citizen types the code (a scanner types it too, and Enter) into the field that has the focus.
  if ((await focused(kiosk)).id !== "c-code") {
    await tabTo(kiosk, (f) => f.id === "c-code", "the code field");
  }
  await kiosk.keyboard.type(code);
  await pressEnter(kiosk);
  await check(kiosk, violations, pages);
  const number = (await kiosk.innerText("#ticket-number")).trim();
  const ticketText = await kiosk.innerText("body");
  // The link is absolute, under the public address the city set; the test serves elsewhere.
  const follow = base + new URL(await kiosk.getAttribute("figcaption a", "href")).pathname;

  // The ticket on its holder's phone (JavaScript on): where it stands, live.
  const phone = await (await browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(follow);
  await phone.waitForSelector("[data-connected=true]");
  await check(phone, violations, pages);
  const followWaiting = await phone.innerText("#board");

  // The waiting room's screen, with JavaScript: live over Server-Sent Events.
  const display = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await display.goto(`${base}/display/${office}`);
  await display.waitForSelector("[data-connected=true]");
  await check(display, violations, pages);
  const waitingText = await display.innerText("#board");
  await display.evaluate(() => { window.termin_stayed = true; });

  // A clerk signs in at the desk page, keeps the desk and counters offered, and calls.
  const desk = await (await browser.newContext(keyboard)).newPage();
  await desk.goto(`${base}/staff/${office}/desk`);
  await check(desk, violations, pages);
  await signIn(desk, clerk, password);
  await check(desk, violations, pages);
  await tabTo(desk, (f) => f.tag === "button" && f.action === `/staff/${office}/desk`, "the start button");
  await pressEnter(desk);
  await check(desk, violations, pages);
  await tabTo(desk, (f) => f.tag === "button" && f.cls.includes("call"), "the call button");
  await pressEnter(desk);
  const calledAt = Date.now();
  let shownAfterMs = null;
  try {
    await display.waitForFunction((n) => document.querySelector("#board .calls")?.innerText.includes(n), number,
      { timeout: 5000, polling: 20 });
    shownAfterMs = Date.now() - calledAt;
  } catch (e) { /* shownAfterMs stays null */ }
  const calledText = await display.innerText("#board");
  await phone.waitForSelector("#board .notice.ok", { timeout: 5000 });
  const followCalled = await phone.innerText("#board");
  await check(phone, violations, pages);
  const stayed = await display.evaluate(() => window.termin_stayed === true);
  await check(display, violations, pages);
  await check(desk, violations, pages);
  const deskText = await desk.innerText("main");

  // "Arrived", then "done" with the services and persons the form offers.
  await tabTo(desk, (f) => f.tag === "button" && f.action.endsWith("/start"), "the arrived button");
  await pressEnter(desk);
  await check(desk, violations, pages);
  await tabTo(desk, (f) => f.tag === "button" && f.action.endsWith("/done"), "the done button");
  await pressEnter(desk);
  await check(desk, violations, pages);
  const doneText = await desk.innerText("main");

  // The clerk's other pages.
  for (const path of ["/staff", `/staff/${office}/today`, `/staff/${office}/checkin`, "/staff/password"]) {
    await desk.goto(base + path);
    await check(desk, violations, pages);
  }
  const head = await (await browser.newContext(keyboard)).newPage();
  await head.goto(`${base}/staff/login?next=/staff/users`);
  await signIn(head, admin, password);
  await check(head, violations, pages);
  await head.goto(`${base}/staff/audit`);
  await check(head, violations, pages);
  const auditText = await head.innerText("main");
  await head.goto(`${base}/staff/${office}/statistics`);
  await check(head, violations, pages);
  await head.goto(`${base}/staff/${office}/statistics?by=week&from=2026-11-01&to=2026-12-01`);
  await check(head, violations, pages);
  await head.goto(`${base}/staff/${office}/week`);
  await check(head, violations, pages);
  return { violations, pages, number, kioskText, ticketText, waitingText, calledText, shownAfterMs, stayed,
           deskText, doneText, followWaiting, followCalled, auditText };
}

const [mode, ...urls] = process.argv.slice(2);
try {
  const modes = { axe: () => axe(urls), book: () => book(urls[0], urls[1] || "de-DE", urls[2] || "anna@example.org"), manage: () => manage(urls[0], urls[1] || "de-DE"), pages: () => savedPages(urls[0], urls.slice(1)),
                  staff: () => staff(...urls) };
  const out = await modes[mode]();
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
}
