// End-to-end test of the analyst page in a real browser: Debian's chromium, driven by
// playwright-core (installed by `npm ci` in web/), against a running API.
//
//   node tests/web/e2e.mjs http://127.0.0.1:PORT artifacts/screenshots [http://127.0.0.1:KEYED_PORT]
//
// The optional third URL is the same API started with INTELGRAPH_API_KEYS=e2e-key (reads open,
// exports keyed): the page must ask for the key in words and then download.
// Each step prints "ok <step>"; a failure prints "FAIL <step>: <why>", saves
// failure-<step>.png and exits 1. The whole run is bounded (E2E_TIMEOUT_MS, default 150 s).
// Screenshots are taken at 1280×800, one per step, into the given folder.
import { mkdtemp, mkdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { CHROMIUM, CHROMIUM_ARGS, check, chromium, commandLine, harness, watchdog } from "./harness.mjs";

const [base, outArg, keyedBase] = commandLine("e2e.mjs", ["BASE_URL", "SCREENSHOT_DIR", "[KEYED_BASE_URL]"], 2);
const out = resolve(outArg);
const TOTAL_MS = Number(process.env.E2E_TIMEOUT_MS || 150_000);
const STEP_MS = 15_000;
const timer = watchdog(TOTAL_MS);

await mkdir(out, { recursive: true });
const profile = await mkdtemp(join(tmpdir(), "intelgraph-e2e-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  acceptDownloads: true,
  timeout: 30_000,
  args: CHROMIUM_ARGS,
});
context.setDefaultTimeout(STEP_MS);
const h = harness({ base, out });
const { step, screenshot, api } = h;
const page = h.watch(context.pages()[0] || await context.newPage());
const idsOf = (answer) => [...new Set(answer.paths.flatMap((p) => p.nodes.map((n) => n.id)))].sort();
const edgeIdsOf = (answer) => [...new Set(answer.paths.flatMap((p) => p.edges.map((e) => e.id)))].sort();
const onCanvas = () => page.evaluate(() => ({
  nodes: window.cy.nodes().map((n) => n.id()).sort(),
  edges: window.cy.edges().map((e) => e.id()).sort(),
  statuses: window.cy.edges().map((e) => e.data("status")),
}));
async function canvasEquals(answer) {
  const want = JSON.stringify(edgeIdsOf(answer));
  await page.waitForFunction((w) => JSON.stringify(window.cy.edges().map((e) => e.id()).sort()) === w, want);
}
async function clickEdge(id) {
  const point = await page.evaluate((edgeId) => {
    const edge = window.cy.getElementById(edgeId);
    const box = document.getElementById("cy").getBoundingClientRect();
    const mid = edge.renderedMidpoint();
    return { x: box.left + mid.x, y: box.top + mid.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}
async function typeAndPick(input, text, id) {
  await page.click(input);
  await page.fill(input, "");
  await page.locator(input).pressSequentially(text, { delay: 60 });
  const option = page.locator(`${input.replace("-input", "-list")} li[data-id="${id}"]`);
  await option.waitFor({ state: "visible" });
  return option;
}

try {
  // What the page should show, asked of the API first.
  const shortest = await api("/paths?from=cia&to=iskp&mode=shortest"); // the page's default, as the API's
  // Which of several equally short paths "shortest" returns is Neo4j's choice; "all shortest" has
  // them all, among them one through a claim.
  const shortestAll = await api("/paths?from=cia&to=iskp&mode=all_shortest");
  const noClaims = await api("/paths?from=cia&to=iskp&mode=all_shortest&exclude_claims=true");
  const kNoClaims = await api("/paths?from=cia&to=iskp&mode=k_shortest&k=3&exclude_claims=true");
  check(JSON.stringify(idsOf(shortestAll)) !== JSON.stringify(idsOf(noClaims)),
    "the data no longer has a CIA → Isis-K path that changes when claims are hidden");

  await step("open", async () => {
    await page.goto(base, { waitUntil: "domcontentloaded" });
    await page.waitForFunction(() => window.cy && document.querySelectorAll("#types input").length > 0);
    await page.locator("#message").getByText("Find how two entities are connected").waitFor();
    await screenshot("start");
  });

  await step("type CIA and pick it", async () => {
    const option = await typeAndPick("#from-input", "CIA", "cia");
    await screenshot("autocomplete-from");
    await option.click();
    check(await page.inputValue("#from-input") === "Central Intelligence Agency", "From does not show the picked name");
  });

  await step("type Isis-K (an alias) and pick it", async () => {
    const option = await typeAndPick("#to-input", "Isis-K", "iskp");
    check((await option.textContent()).includes("alias “Isis-K”"), "the suggestion does not say which alias matched");
    await screenshot("autocomplete-to");
    await option.click();
  });

  await step("the paths are drawn", async () => {
    await page.waitForFunction(() => window.cy.nodes().length > 0 && !window.cy.getElementById("iskp").empty());
    await canvasEquals(shortest);
    const canvas = await onCanvas();
    check(canvas.nodes.length === idsOf(shortest).length,
      `${canvas.nodes.length} nodes on the canvas, the API has ${idsOf(shortest).length}`);
    check(canvas.nodes.includes("cia") && canvas.nodes.includes("iskp"), "cia or iskp is missing");
    check(new URL(page.url()).searchParams.get("from") === "cia", "the URL does not hold from=cia");
    await page.waitForTimeout(300);
    await screenshot("paths");
  });

  await step("click an edge and read its quote", async () => {
    const edge = shortest.paths[0].edges[0];
    await clickEdge(edge.id);
    const panel = page.locator("#panel-evidence");
    await panel.waitFor({ state: "visible" });
    const quote = edge.evidence[0].quote;
    await panel.locator("blockquote", { hasText: quote.slice(0, 40) }).waitFor();
    check((await panel.textContent()).includes(quote), "the quote is not in the evidence panel");
    await panel.getByText("Financial Times").first().waitFor(); // the document's publisher, from /documents
    check(await page.evaluate((id) => window.cy.getElementById(id).selected(), edge.id), "the edge is not selected");
    const grade = (await panel.locator(".grade").textContent()).trim();
    check(grade === edge.grade, `the panel shows grade ${grade}, the API ${edge.grade}`);
    await screenshot("evidence");
  });

  await step("all shortest paths, claims dashed", async () => {
    await page.click('label:has(input[value="all_shortest"])');
    await canvasEquals(shortestAll);
    const canvas = await onCanvas();
    check(canvas.statuses.includes("claimed"), "no claimed edge is drawn");
    const dashed = await page.evaluate(() => window.cy.edges(".claimed").first().style("line-style"));
    check(dashed === "dashed", `claimed edges are drawn ${dashed}, not dashed`);
  });

  await step("a claim shows who asserts it", async () => {
    const claim = shortestAll.paths.flatMap((p) => p.edges).find((e) => e.status === "claimed" && e.asserted_by);
    await clickEdge(claim.id);
    const panel = page.locator("#panel-evidence");
    await panel.locator("blockquote", { hasText: claim.evidence[0].quote.slice(0, 30) }).waitFor();
    const asserted = await api(`/entities/${claim.asserted_by}`);
    await panel.locator(".who", { hasText: `Claimed by ${asserted.name}` }).first().waitFor();
    await screenshot("claim-evidence");
  });

  await step("hide claims and the path changes", async () => {
    await page.selectOption("#claims-input", "hidden");
    await canvasEquals(noClaims);
    const canvas = await onCanvas();
    check(JSON.stringify(canvas.nodes) === JSON.stringify(idsOf(noClaims)), "the nodes are not those of the API");
    check(JSON.stringify(canvas.nodes) !== JSON.stringify(idsOf(shortestAll)), "hiding claims changed nothing");
    check(canvas.statuses.every((s) => s === "reported"), "a claim is still drawn");
    check(new URL(page.url()).searchParams.get("claims") === "hidden", "the URL does not record hidden claims");
    await page.waitForTimeout(300);
    await screenshot("claims-hidden");
  });

  await step("switch to k-shortest and see several paths", async () => {
    await page.click('label:has(input[value="k_shortest"])');
    await canvasEquals(kNoClaims);
    const paths = await page.evaluate(() => window.intelgraph.result.paths.length);
    check(paths >= 2, `k-shortest shows ${paths} path(s)`);
    check(await page.locator("#panel-paths section.path").count() === paths, "the paths panel does not list them");
    await page.locator("#summary", { hasText: `${paths} paths` }).waitFor();
    await page.waitForTimeout(300);
    await screenshot("k-shortest");
  });

  await step("keyboard: j opens the next edge's evidence", async () => {
    await page.locator("body").click({ position: { x: 5, y: 790 } }).catch(() => {});
    await page.keyboard.press("Escape");
    await page.keyboard.press("j");
    const first = kNoClaims.paths[0].edges[0];
    await page.locator("#panel-evidence blockquote", { hasText: first.evidence[0].quote.slice(0, 30) }).waitFor();
  });

  await step("the centrality view ranks entities and sizes the nodes", async () => {
    await page.click("#tab-centrality");
    await page.locator("table.rank tbody tr").first().waitFor();
    const rows = await page.locator("table.rank tbody tr").count();
    check(rows >= 5, `only ${rows} rows in the ranking`);
    const scores = await page.locator("table.rank td.score").allTextContents();
    const numbers = scores.map(Number);
    check(numbers.every((n, i) => i === 0 || n <= numbers[i - 1]), "the ranking is not in order");
    await page.waitForFunction(() => new Set(window.cy.nodes().map((n) => n.data("size"))).size > 1);
    await page.selectOption("#measure-input", "betweenness");
    await page.locator("table.rank[aria-label='Ranking by Betweenness']").waitFor();
    await page.waitForTimeout(400);
    await screenshot("centrality");
  });

  await step("download the subgraph as GEXF", async () => {
    await page.selectOption("#export-format", "gexf");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    const file = join(out, download.suggestedFilename() || "paths.gexf");
    await download.saveAs(file);
    const text = await readFile(file, "utf8");
    check(text.startsWith("<?xml"), "the file does not start with <?xml");
    check(text.includes("<gexf"), "the file holds no <gexf> element");
    const nodes = (await onCanvas()).nodes;
    for (const id of nodes) check(text.includes(`id="${id}"`), `the GEXF lacks node ${id}`);
    console.log(`download ${file}`);
  });

  await step("the URL restores the view", async () => {
    const url = page.url();
    const before = await onCanvas();
    const fresh = await context.newPage();
    h.watch(fresh);
    await fresh.goto(url, { waitUntil: "domcontentloaded" });
    await fresh.waitForFunction((n) => window.cy && window.cy.nodes().length === n, before.nodes.length);
    await fresh.locator("table.rank tbody tr").first().waitFor();
    const after = await fresh.evaluate(() => ({
      nodes: window.cy.nodes().map((n) => n.id()).sort(),
      edges: window.cy.edges().map((e) => e.id()).sort(),
      mode: document.querySelector('input[name="mode"]:checked').value,
      claims: document.getElementById("claims-input").value,
      tab: document.querySelector('[role="tab"][aria-selected="true"]').dataset.tab,
      measure: document.getElementById("measure-input").value,
      from: document.getElementById("from-input").value,
    }));
    check(JSON.stringify(after.edges) === JSON.stringify(before.edges), "another graph after reload");
    check(after.mode === "k_shortest" && after.claims === "hidden" && after.tab === "centrality" && after.measure === "betweenness",
      `the controls are not restored: ${JSON.stringify(after)}`);
    check(after.from === "Central Intelligence Agency", `From shows ${after.from}`);
    await fresh.waitForTimeout(300);
    await screenshot("reloaded", fresh);
    await fresh.close();
  });

  await step("an unknown name is said in words", async () => {
    await page.click("#tab-paths");
    await page.click("#to-input");
    await page.fill("#to-input", "");
    await page.locator("#to-input").pressSequentially("Nobody Atall", { delay: 30 });
    await page.locator("#to-list li.empty").waitFor();
    await page.press("#to-input", "Enter");
    await page.locator("#message", { hasText: "No entity is called “Nobody Atall”" }).waitFor();
    check(await page.getAttribute("#to-input", "aria-invalid") === "true", "To is not marked invalid");
    check(await page.evaluate(() => window.cy.nodes().length) === 0, "an old graph is still shown");
    await screenshot("unknown-name");
  });

  await step("no path is said in words", async () => {
    const none = await api("/paths?from=cia&to=northern-service&mode=k_shortest&k=3&exclude_claims=true");
    check(none.paths.length === 0, "cia and northern-service are now connected; pick another pair");
    const option = await typeAndPick("#to-input", "Northern Service", "northern-service");
    await option.click();
    await page.locator("#message", { hasText: "No path between Central Intelligence Agency and Northern Service" }).waitFor();
    await screenshot("no-path");
  });

  await step("Neo4j down is said in words", async () => {
    await page.route("**/paths?*", (route) => route.fulfill({
      status: 503, contentType: "application/json", headers: { "Retry-After": "5" },
      body: JSON.stringify({ detail: "Neo4j is unavailable; retry shortly" }),
    }));
    const option = await typeAndPick("#to-input", "Isis-K", "iskp");
    await option.click();
    await page.locator("#message", { hasText: "The graph database is not answering" }).waitFor();
    await page.locator("#message button", { hasText: "Try again" }).waitFor();
    await screenshot("neo4j-down");
    await page.unroute("**/paths?*");
    await page.click("#message button:has-text('Try again')");
    await page.waitForFunction(() => window.cy.nodes().length > 0);
  });

  await step("claims and denials are drawn and explained", async () => {
    await page.goto(new URL("/?from=ukraine&to=crocus-attack&mode=k_shortest&k=3", base).href);
    await page.waitForFunction(() => window.cy && window.cy.edges(".denied").length > 0);
    const denial = await page.evaluate(() => window.cy.edges(".denied").first().id());
    await clickEdge(denial);
    await page.locator("#panel-evidence .edge-title .who", { hasText: "Denied by" }).waitFor();
    await page.locator("#panel-evidence", { hasText: "This denial rejects" }).waitFor();
    await page.waitForTimeout(300);
    await screenshot("denial");
  });

  if (keyedBase) {
    await step("a keyed server asks for the key, then exports", async () => {
      await page.goto(new URL("/?from=cia&to=iskp&mode=shortest", keyedBase).href);
      await page.waitForFunction(() => window.cy && window.cy.nodes().length > 0);
      await page.click("#download");
      await page.locator("#message", { hasText: "This intelgraph asks for an API key" }).waitFor();
      check(!page.url().includes("e2e-key"), "the key is in the URL");
      await page.fill("#api-key", "wrong-key");
      await page.press("#api-key", "Enter");
      await page.locator("#message", { hasText: "The API key was refused" }).waitFor();
      await screenshot("api-key");
      await page.fill("#api-key", "e2e-key");
      const [download] = await Promise.all([page.waitForEvent("download"), page.press("#api-key", "Enter")]);
      const file = join(out, `keyed-${download.suggestedFilename()}`);
      await download.saveAs(file);
      check((await readFile(file, "utf8")).includes("<gexf"), "the keyed download is not GEXF");
      check(!page.url().includes("e2e-key"), "the key leaked into the URL");
    });
  }

  console.log(`passed: ${h.current}`);
  clearTimeout(timer);
  await context.close();
  await rm(profile, { recursive: true, force: true });
  process.exit(0);
} catch (error) {
  await h.fail(error);
  await context.close().catch(() => {}); // under the watchdog still: a crashed browser may never answer
  await rm(profile, { recursive: true, force: true });
  process.exit(1);
}
