// What the browser tests (e2e.mjs, explore.mjs, workbench_e2e.mjs) share: playwright-core from
// web/node_modules, Debian's chromium, a watchdog that bounds the run, and a harness whose
// step/screenshot/api/fail print the lines the pytest drivers read ("ok <step>",
// "screenshot <file>", "FAIL <step>: <why>").
//
//   const h = harness({ base, out, prefix: "explore-" });
//   const page = h.watch(await context.newPage());   // errors in the page fail the step
//   await h.step("open", async () => { ... await h.screenshot("open", page); });
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(new URL("../../web/package.json", import.meta.url));
export const { chromium } = require("playwright-core");

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                              "--disable-background-networking", "--disable-component-update", "--disable-sync",
                              "--disable-dev-shm-usage"];

/** The command line's arguments, or the usage line and exit 2 when a required one is missing. */
export function commandLine(script, names, required = names.length) {
  const values = process.argv.slice(2);
  if (values.length < required) {
    console.error(`usage: node tests/web/${script} ${names.join(" ")}`);
    process.exit(2);
  }
  return values;
}

/** Bound the whole run: after totalMs, print a FAIL line and exit 3. Returns the timer to clear. */
export function watchdog(totalMs) {
  return setTimeout(() => {
    console.error(`FAIL timeout: the run took more than ${totalMs} ms`);
    process.exit(3);
  }, totalMs);
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Steps, numbered screenshots (`<prefix>NN-<name>.png` in out) and API reads for one test.
 * `h.page` is the page screenshot and api use unless given another; `h.current` is the step
 * under way; `h.errors` are the errors of every page passed to `h.watch`.
 */
export function harness({ base, out, prefix = "" }) {
  let shot = 0;
  const h = {
    current: "start",
    errors: [],
    page: null,
    /** Collect the page's uncaught errors and console errors (4xx/5xx the test provokes are not). */
    watch(page) {
      page.on("pageerror", (error) => h.errors.push(String(error)));
      page.on("console", (msg) => {
        if (msg.type() === "error" && !/Failed to load resource/.test(msg.text())) h.errors.push(msg.text());
      });
      if (!h.page) h.page = page;
      return page;
    },
    async step(name, body) {
      h.current = name;
      await body();
      if (h.errors.length) throw new Error(`errors in the page: ${h.errors.join(" | ")}`);
      console.log(`ok ${name}`);
    },
    async screenshot(name, on = h.page) {
      shot += 1;
      const file = join(out, `${prefix}${String(shot).padStart(2, "0")}-${name}.png`);
      await on.screenshot({ path: file });
      console.log(`screenshot ${file}`);
    },
    async api(path, on = h.page) {
      const response = await on.request.get(new URL(path, base).href);
      check(response.ok(), `GET ${path} answered ${response.status()}`);
      return response.json();
    },
    /** Print the failed step and keep a screenshot of it (`failure-<prefix><step>.png`). */
    async fail(error, on = h.page) {
      console.log(`FAIL ${h.current}: ${error.message.split("\n")[0]}${on ? ` (at ${on.url()})` : ""}`);
      const name = `failure-${prefix}${h.current.replace(/[^a-z0-9]+/gi, "-")}.png`;
      await on?.screenshot({ path: join(out, name) }).catch(() => { /* the browser may be gone */ });
    },
  };
  return h;
}
