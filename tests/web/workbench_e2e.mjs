// End-to-end test of the analysts' workbench (issue 17) in a real browser: Debian's chromium,
// driven by playwright-core, against a running API whose DRAFTS_DIR and CORPUS_DIR are scratch
// folders.
//
//   node tests/web/workbench_e2e.mjs http://127.0.0.1:PORT artifacts/screenshots ARTICLE.txt
//
// An analyst drafts a short article, reviews candidates by keyboard, edits one, rejects one (and
// undoes and redoes it), adds an entity and a relation by selecting text, loads, then finds the
// new edge on a path and opens its quote in the document view. A second browser context edits
// the same draft and sees the conflict. Each step prints "ok <step>"; a failure prints
// "FAIL <step>: <why>", saves failure-wb-*.png and exits 1. Screenshots: wb-NN-*.png.
import { mkdir, readFile } from "node:fs/promises";
import { resolve } from "node:path";

import { CHROMIUM, check, chromium, commandLine, harness, watchdog } from "./harness.mjs";

const [base, outArg, articlePath] = commandLine("workbench_e2e.mjs", ["BASE_URL", "SCREENSHOT_DIR", "ARTICLE"]);
const out = resolve(outArg);
const TOTAL_MS = Number(process.env.E2E_TIMEOUT_MS || 150_000);
const timer = watchdog(TOTAL_MS);

await mkdir(out, { recursive: true });
const article = await readFile(articlePath, "utf8");
const browser = await chromium.launch({
  executablePath: CHROMIUM, headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const h = harness({ base, out, prefix: "wb-" });
const { step, screenshot } = h;
async function open() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  context.setDefaultTimeout(15_000);
  return h.watch(await context.newPage());
}
const page = await open();

const progress = (on = page) => on.locator("#wb-progress").textContent();
const reviewed = async (on = page) => Number((await progress(on)).split(" of ")[0]);
async function waitReviewed(n, on = page) {
  await on.waitForFunction((want) => document.getElementById("wb-progress").textContent.startsWith(`${want} of `), n);
}
async function pick(key, on = page) {
  await on.locator(`#wb-candidates [data-key="${key}"]`).click();
  await on.waitForSelector(`#wb-candidates [data-key="${key}"].selected`);
}
/** Select a passage of the article as a reader would, so the page computes the span itself. */
async function selectText(text) {
  await page.evaluate((wanted) => {
    const pane = document.getElementById("wb-article");
    const at = pane.textContent.indexOf(wanted);
    if (at < 0) throw new Error(`${wanted} is not in the article`);
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (!started && at < seen + length) {
        range.setStart(node, at - seen);
        started = true;
      }
      if (started && at + wanted.length <= seen + length) {
        range.setEnd(node, at + wanted.length - seen);
        break;
      }
      seen += length;
    }
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

let draftId = "";
try {
  await step("open the workbench and draft a pasted article", async () => {
    await page.goto(new URL("/workbench", base).href, { waitUntil: "domcontentloaded" });
    await page.locator("#wb-new-form").waitFor();
    await page.click("#n-draft");  // nothing filled in: the page says what is missing
    await page.locator("#wb-message").getByText("Required, since nothing is guessed").waitFor();
    await page.fill("#n-title", "Russia's FSB accuses Ukraine over concert hall attack");
    await page.fill("#n-publisher", "Example Wire");
    await page.fill("#n-published", "2024-03-26");
    await page.fill("#n-url", "https://example.org/fsb-ukraine");
    await page.fill("#n-text", article);
    await screenshot("new-document");
    await page.click("#n-draft");
    await page.waitForURL(/draft=/);
    await page.locator("#wb-candidates .cand").first().waitFor();
    draftId = new URL(page.url()).searchParams.get("draft");
    check((await progress()).startsWith("0 of "), `progress says ${await progress()}`);
    check(await page.locator(".seg.ent").count() > 3, "the mentions are not highlighted");
    check(await page.locator(".seg.rel, .seg.sel").count() > 0, "no quote is highlighted");
    await screenshot("review");
  });

  await step("review candidates by keyboard", async () => {
    await page.locator("body").click({ position: { x: 5, y: 60 } });
    for (let n = 1; n <= 3; n += 1) {
      await page.keyboard.press("a");
      await waitReviewed(n);
    }
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await screenshot("three-accepted");
  });

  await step("edit a relation: claimed, by the FSB", async () => {
    await pick("relations:fsb-accused-ukraine");
    check(await page.locator(".seg.sel").count() > 0, "the selected relation's quote is not emphasised");
    const before = await reviewed();
    await page.keyboard.press("e");
    await page.selectOption("#f-status", "claimed");
    await page.selectOption("#f-asserted", "fsb");
    await screenshot("edit-dialog");
    await page.click("#wb-save");
    await waitReviewed(before + 1);
    await pick("relations:fsb-accused-ukraine");
    await page.locator("#wb-card").getByText("claimed by Federal Security Service").waitFor();
  });

  await step("reject a relation, undo, reject again", async () => {
    const before = await reviewed();
    await pick("relations:fsb-part-of-russia");
    await page.keyboard.press("r");
    await waitReviewed(before + 1);
    check(await page.locator('#wb-candidates [data-key="relations:fsb-part-of-russia"]').count() === 0, "the rejected relation is listed");
    await page.keyboard.press("u");
    await waitReviewed(before);
    await page.locator('#wb-candidates [data-key="relations:fsb-part-of-russia"]').waitFor();
    await pick("relations:fsb-part-of-russia");
    await page.keyboard.press("r");
    await waitReviewed(before + 1);
  });

  await step("add an entity and a relation by selecting text", async () => {
    await selectText("the attack on Crocus City Hall");
    await page.keyboard.press("i");
    await page.fill("#f-name", "Crocus City Hall attack");
    await page.selectOption("#f-kind", "Event");
    await page.click("#wb-save");
    await page.locator('#wb-candidates [data-key="entities:crocus-city-hall-attack"]').waitFor();
    await selectText("Islamic State claimed responsibility for the attack");
    await page.keyboard.press("n");
    check((await page.locator("#f-quote").textContent()).includes("Islamic State claimed responsibility for the attack"),
      "the dialog does not show the selected quote");
    await page.selectOption("#f-subject", "islamic-state");
    await page.selectOption("#f-type", "CLAIMED_RESPONSIBILITY");
    await page.selectOption("#f-object", "crocus-city-hall-attack");
    await page.selectOption("#f-status", "claimed");
    await page.selectOption("#f-asserted", "islamic-state");
    await screenshot("add-relation");
    await page.click("#wb-save");
    await page.locator('#wb-candidates [data-key="relations:islamic-state-claimed_responsibility-crocus-city-hall-attack"]').waitFor();
    await pick("relations:islamic-state-claimed_responsibility-crocus-city-hall-attack");
    const quote = await page.locator(".seg.sel").allTextContents();
    check(quote.join("") === "Islamic State claimed responsibility for the attack", `the new quote is “${quote.join("")}”`);
    await screenshot("relation-added");
  });

  await step("a second reviewer of the same draft sees the conflict", async () => {
    const other = await open();
    await other.goto(new URL(`/workbench?draft=${draftId}`, base).href, { waitUntil: "domcontentloaded" });
    await other.locator("#wb-candidates .cand").first().waitFor();
    const before = await reviewed();
    await page.locator("#wb-candidates .cand:not(.done)").first().click();
    await page.keyboard.press("a"); // the first reviewer saves first
    await waitReviewed(before + 1);
    await other.locator("#wb-candidates .cand:not(.done)").last().click();
    await other.keyboard.press("a");
    await other.locator("#wb-message").getByText("Someone else saved this draft first").waitFor();
    await screenshot("conflict", other);
    await other.click("#wb-reload");
    await waitReviewed(before + 1, other);
    await other.context().close();
  });

  await step("accept the rest by keyboard and load", async () => {
    await page.locator("body").click({ position: { x: 5, y: 60 } });
    check(await page.locator("#wb-load").isDisabled(), "Load is enabled while candidates are left");
    for (let guard = 0; guard < 80 && !(await progress()).includes("ready to load"); guard += 1) {
      const n = await reviewed();
      await page.keyboard.press("a");
      await waitReviewed(n + 1);
    }
    check((await progress()).includes("ready to load"), `progress says ${await progress()}`);
    await screenshot("ready-to-load");
    await page.keyboard.press("Shift+L");
    await page.waitForURL(/document=/);
    await page.locator("#wb-facts .fact").first().waitFor();
    await page.locator("#wb-message").getByText("relations of this document are in the graph").waitFor();
    await screenshot("loaded-document");
  });

  await step("find the new edge on a path and open its quote in the document view", async () => {
    // the one added by hand (the extractor may have proposed the same claim about its own event)
    const fact = page.locator("#wb-facts .fact", { hasText: "CLAIMED_RESPONSIBILITY" })
      .filter({ hasText: "Crocus City Hall attack" }).first();
    await fact.click();
    await page.locator(".seg.focus").first().waitFor();
    await fact.locator("a").click();
    await page.waitForURL(/edge=/);
    await page.waitForFunction(() => window.cy && window.cy.edges().length > 0);
    const link = page.locator(`a.open-quote[href*="document=${draftId}"]`);
    await link.waitFor();
    await screenshot("edge-on-a-path");
    await link.click();
    await page.waitForURL(/relation=/);
    await page.locator(".seg.focus").first().waitFor();
    const focused = (await page.locator(".seg.focus").allTextContents()).join("");
    check(focused === "Islamic State claimed responsibility for the attack", `the document opens at “${focused}”`);
    check(await page.locator(".seg.other").count() > 0, "the document's other facts are not marked");
    await screenshot("document-at-the-quote");
  });
  console.log("passed: the workbench end to end");
} catch (error) {
  await h.fail(error);
  process.exitCode = 1;
} finally {
  await browser.close(); // under the watchdog still: a crashed browser may never answer
  clearTimeout(timer);
}
