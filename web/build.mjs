// Builds the analyst page into api/static/: app.js (our code and Cytoscape.js, bundled and
// minified by esbuild), app.css, and index.html copied from src/. Nothing is fetched at run
// time: the API serves these files as they are.
//
//   node build.mjs           build once (what `make setup` and the Dockerfile run)
//   node build.mjs --watch   rebuild on every change, for work on the page
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
const out = join(here, "..", "api", "static");
const watch = process.argv.includes("--watch");

const copyHtml = {
  name: "copy-index-html",
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length === 0) {
        await copyFile(join(src, "index.html"), join(out, "index.html"));
        await copyFile(join(src, "workbench.html"), join(out, "workbench.html")); // the workbench (issue 17)
        await copyApiDocs();
      }
    });
  },
};

// The API's documentation pages (/docs and /redoc, api/routes/apidocs.py) from the project's
// own copies of Swagger UI and ReDoc, so that they work on a machine with no internet.
const API_DOCS = [
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist/swagger-ui.css", "swagger-ui.css"],
  ["swagger-ui-dist/favicon-32x32.png", "favicon-32x32.png"],
  ["redoc/bundles/redoc.standalone.js", "redoc.standalone.js"],
];
async function copyApiDocs() {
  await mkdir(join(out, "apidocs"), { recursive: true });
  for (const [from, to] of API_DOCS) await copyFile(join(here, "node_modules", from), join(out, "apidocs", to));
}

const options = {
  entryPoints: { app: join(src, "main.js"), workbench: join(src, "workbench.js") },
  outdir: out,
  bundle: true,
  format: "esm",
  target: ["chrome110", "firefox110", "safari16"],
  minify: !watch,
  sourcemap: watch ? "linked" : false, // the sources are in web/src; keep the package small
  legalComments: "linked",
  logLevel: "info",
  plugins: [copyHtml],
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
