// intelgraph's analyst page: the paths between two entities, drawn, with the evidence of
// every edge one click away. All state is in the URL (state.js), so a link reopens the view.
import "./app.css";
import { ApiError, getFile, getJSON, sendJSON, setApiKey } from "./api.js";
import { EntityCombo } from "./autocomplete.js";
import { dateRange, fill, formatDate, h, humanType, shapeIcon } from "./dom.js";
import { GraphView, STATUS_COLOR } from "./graph.js";
import { DEFAULTS, formatState, parseState } from "./state.js";
import { evidenceParams, evidenceWords, EvidenceFilters } from "./filters.js";
import { Explorer, formatExpansion, parseExpansion } from "./explore.js";
import { Investigations } from "./investigations.js";
import { SavedQueriesMenu } from "./queries.js";

// The export formats of GET /export, with what each is for.
const EXPORTS = [
  ["gexf", "GEXF", "GEXF 1.3 for Gephi, with a timeline"],
  ["graphml", "GraphML", "GraphML for yEd, networkx, igraph"],
  ["cytoscape", "Cytoscape", "Cytoscape.js JSON, also for Cytoscape desktop"],
  ["json", "JSON", "intelgraph's own JSON: nodes, edges with evidence, documents with their text"],
  ["csv", "CSV (zip)", "nodes.csv and edges.csv for neo4j-admin database import"],
  ["stix", "STIX 2.1", "a STIX 2.1 bundle for OpenCTI, MISP and other threat-intelligence platforms"],
];
const MEASURE_NAMES = { pagerank: "PageRank", degree: "Degree", betweenness: "Betweenness",
                        eigenvector: "Eigenvector", closeness: "Closeness" };
const RANK_ROWS = 25;
const STATUS_WORDS = {
  reported: "Reported: the document states it as fact.",
  claimed: "Claimed: someone in the document asserts it; the document does not vouch for it.",
  denied: "Denied: someone in the document rejects a claim.",
};

const $ = (id) => document.getElementById(id);
const el = {
  form: $("search"), fromInput: $("from-input"), toInput: $("to-input"), swap: $("swap"),
  modes: [...document.querySelectorAll('input[name="mode"]')], k: $("k-input"), hops: $("hops-input"),
  hopsOut: $("hops-output"), directed: $("directed-input"),
  types: $("types"), typesCount: $("types-count"), typesSearch: $("types-search"),
  typesAll: $("types-all"), typesNone: $("types-none"),
  exportFormat: $("export-format"), download: $("download"), exportNote: $("export-note"),
  progress: $("progress"), summary: $("summary"), message: $("message"), legend: $("legend"),
  tabs: [...document.querySelectorAll('[role="tab"]')],
  panels: { paths: $("panel-paths"), evidence: $("panel-evidence"), centrality: $("panel-centrality") },
  measure: $("measure-input"), rankKind: $("rank-kind-input"), size: $("size-input"),
  centralityBody: $("centrality-body"), help: $("help"), helpButton: $("help-button"),
};

let state = parseState(location.search);
let ontology = { kinds: [], relations: [] };
let result = null; // the last answer of GET /paths
let drawn = { nodes: new Map(), edges: new Map() };
let stickyPath = null;
let searchSerial = 0;
const entities = new Map(); // id -> {id, name, kind, aliases?, degree?}
const documents = new Map(); // id -> {id, title, publisher, published, url} | null while loading
const details = new Map(); // entity id -> promise of GET /entities/{id}, then its answer
const related = new Set(); // entity ids whose edges were asked for, for denials off screen
let ranking = null; // {key, data}

const graph = new GraphView($("cy"), {
  onEdge: (id) => selectEdge(id),
  onNode: (id) => selectNode(id),
  onBackground: () => clearSelection(),
});
window.cy = graph.cy; // for the end-to-end tests and for analysts at the console
window.intelgraph = { get state() { return state; }, get result() { return result; } };

const from = new EntityCombo({
  input: el.fromInput, list: $("from-list"), kindOf: (k) => graph.kind(k),
  onPick: () => (to.value() ? search({ push: true }) : el.toInput.focus()),
  onSubmit: () => search({ push: true }), onError: showError,
});
const to = new EntityCombo({
  input: el.toInput, list: $("to-list"), kindOf: (k) => graph.kind(k),
  onPick: () => (from.value() ? search({ push: true }) : el.fromInput.focus()),
  onSubmit: () => search({ push: true }), onError: showError,
});

// ---- URL ---------------------------------------------------------------------------------

function commit({ push = false } = {}) {
  const url = `${location.pathname}${formatState(state)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

window.addEventListener("popstate", () => {
  state = parseState(location.search);
  applyControls();
  from.set(null, state.from);
  to.set(null, state.to);
  if (state.from && state.to) search({ fromHistory: true });
  else if (state.expand.length || state.node) startExplore();
  else showWelcome();
});

// ---- messages ----------------------------------------------------------------------------

function showMessage(kind, title, text, actions = []) {
  fill(el.message, h("button.close", { type: "button", "aria-label": "Dismiss", title: "Dismiss (Esc)", onclick: hideMessage }, "×"),
    h("h3", title), text ? h("p", text) : null,
    actions.length ? h("div.actions", actions) : null);
  el.message.className = `message ${kind}`;
  el.message.hidden = false;
}

function hideMessage() {
  el.message.hidden = true;
}

/** The error's words, with a form for the key when the server wants one; `retry` runs after. */
function showError(error, retry = null) {
  if (error instanceof ApiError && error.needsKey) {
    const input = h("input#api-key", { type: "password", autocomplete: "off", placeholder: "API key",
                                       "aria-label": "API key", required: true });
    const remember = h("input", { type: "checkbox" });
    const form = h("form.key-form", { onsubmit: (event) => {
      event.preventDefault();
      if (!input.value.trim()) return;
      setApiKey(input.value.trim(), remember.checked);
      hideMessage();
      (retry || (() => (state.from && state.to ? search() : init())))();
    } }, input, h("button.primary", { type: "submit" }, "Use this key"),
    h("label.check", remember, h("span", "Remember it on this browser")));
    showMessage("warning", error.title, error.text, [form]);
    setTimeout(() => input.focus(), 0);
    return;
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
    showMessage("error", "Something went wrong on this page", String(error?.message || error));
    return;
  }
  const actions = [];
  if (error.candidates) {
    const combo = error.parameter === "to" ? to : from;
    for (const c of error.candidates) {
      const kind = graph.kind(c.kind);
      actions.push(h("button.secondary.candidate", { type: "button", onclick: () => {
        combo.set(c);
        search({ push: true });
      } }, h("span", shapeIcon(kind.shape, kind.color, 10), " ", c.name), h("small", `${c.kind} · ${c.id}`)));
    }
  }
  if (error.status === 503 || error.status === 0 || error.status >= 500) {
    actions.push(h("button.primary", { type: "button", onclick: () => (state.from && state.to ? search() : init()) },
      "Try again"));
  }
  if (error.parameter === "from" || error.parameter === "to") {
    (error.parameter === "from" ? el.fromInput : el.toInput).setAttribute("aria-invalid", "true");
  }
  showMessage(error.status === 409 ? "warning" : "error", error.title, error.text, actions);
}

function showWelcome() {
  clearGraph();
  showMessage("info", "Find how two entities are connected",
    "Type a name or an alias in From and To and pick a suggestion. The paths between them are drawn " +
    "here; click any edge to read the quotes it rests on, who asserts it and who disputes it.", [
      h("button.secondary", { type: "button", onclick: () => {
        from.set(null, "CIA");
        to.set(null, "Isis-K");
        search({ push: true });
      } }, "Example: CIA → Isis-K"),
      h("button.secondary#explore-example", { type: "button", onclick: () => exploreFrom("cia") },
        "Explore from one entity: CIA"),
    ]);
  renderPathsPanel();
  renderEvidence();
}

function busy(on) {
  el.progress.hidden = !on;
  document.body.setAttribute("aria-busy", on ? "true" : "false");
}

// ---- controls ----------------------------------------------------------------------------

function applyControls() {
  for (const radio of el.modes) radio.checked = radio.value === state.mode;
  el.k.value = state.k;
  el.k.disabled = state.mode !== "k_shortest";
  el.k.closest(".row").classList.toggle("disabled", state.mode !== "k_shortest");
  el.hops.value = state.hops;
  el.hopsOut.value = state.hops;
  el.directed.checked = state.directed;
  el.measure.value = state.measure;
  el.rankKind.value = state.kind;
  el.size.checked = state.size;
  evidenceFilters.apply(state);
  renderTypes();
  selectTab(state.tab, { focus: false });
}

let rerunTimer = null;
function rerun() {
  commit();
  clearTimeout(rerunTimer);
  rerunTimer = setTimeout(() => {
    if (explorer.active) refreshExplore();
    else if (state.from && state.to) search();
  }, 200);
}

for (const radio of el.modes) {
  radio.addEventListener("change", () => {
    state.mode = radio.value;
    applyControls();
    rerun();
  });
}
el.k.addEventListener("change", () => {
  const k = Number.parseInt(el.k.value, 10);
  state.k = Number.isFinite(k) ? Math.min(20, Math.max(1, k)) : DEFAULTS.k;
  el.k.value = state.k;
  rerun();
});
el.hops.addEventListener("input", () => { el.hopsOut.value = el.hops.value; });
el.hops.addEventListener("change", () => {
  state.hops = Number(el.hops.value);
  rerun();
});
el.directed.addEventListener("change", () => {
  state.directed = el.directed.checked;
  rerun();
});
el.form.addEventListener("submit", (event) => {
  event.preventDefault();
  search({ push: true });
});
el.swap.addEventListener("click", swap);

function swap() {
  const a = from.entity ? { ...from.entity } : null;
  const aText = el.fromInput.value;
  const b = to.entity ? { ...to.entity } : null;
  const bText = el.toInput.value;
  from.set(b, bText);
  to.set(a, aText);
  if (from.value() && to.value()) search({ push: true });
}

// ---- relation types ----------------------------------------------------------------------

function allTypes() {
  return ontology.relations.map((r) => r.name);
}

function checkedTypes() {
  const all = allTypes();
  if (state.types.length) return new Set(state.types.filter((t) => all.includes(t)));
  return new Set(all.filter((t) => !state.xtypes.includes(t)));
}

function setCheckedTypes(checked) {
  const all = allTypes();
  const unchecked = all.filter((t) => !checked.has(t));
  if (!checked.size) {
    state.types = []; // none: an empty include-list would mean "no filter", so leave every type out
    state.xtypes = all;
  } else if (!unchecked.length) {
    state.types = [];
    state.xtypes = [];
  } else if (unchecked.length <= checked.size) {
    state.types = [];
    state.xtypes = unchecked;
  } else {
    state.types = all.filter((t) => checked.has(t));
    state.xtypes = [];
  }
}

function typeCounts() {
  const counts = new Map();
  for (const edge of drawn.edges.values()) counts.set(edge.type, (counts.get(edge.type) || 0) + 1);
  return counts;
}

function renderTypes() {
  const checked = checkedTypes();
  const counts = typeCounts();
  const filter = el.typesSearch.value.trim().toLowerCase();
  const byCategory = new Map();
  for (const rel of ontology.relations) {
    if (filter && !rel.name.toLowerCase().includes(filter) && !rel.description.toLowerCase().includes(filter)) continue;
    if (!byCategory.has(rel.category)) byCategory.set(rel.category, []);
    byCategory.get(rel.category).push(rel);
  }
  const open = new Set([...el.types.querySelectorAll("details:not([open])")].map((d) => d.dataset.category));
  fill(el.types, [...byCategory.entries()].map(([category, rels]) => {
    const on = rels.filter((r) => checked.has(r.name)).length;
    return h("details", { open: !open.has(category), dataset: { category } },
      h("summary", category, h("span.count", `${on}/${rels.length}`)),
      rels.map((rel) => h(`label.type-option${counts.has(rel.name) ? ".present" : ""}`, { title: rel.description },
        h("input", { type: "checkbox", value: rel.name, checked: checked.has(rel.name), onchange: typeToggled }),
        h("span.type-name", rel.name), counts.has(rel.name) ? h("span.n", String(counts.get(rel.name))) : null)));
  }));
  const total = allTypes().length;
  el.typesCount.textContent = checked.size === total ? `all ${total}` : `${checked.size} of ${total}`;
}

function typeToggled(event) {
  const checked = checkedTypes();
  if (event.target.checked) checked.add(event.target.value);
  else checked.delete(event.target.value);
  setCheckedTypes(checked);
  renderTypes();
  rerun();
}

el.typesSearch.addEventListener("input", renderTypes);
el.typesAll.addEventListener("click", () => {
  setCheckedTypes(new Set(allTypes()));
  renderTypes();
  rerun();
});
el.typesNone.addEventListener("click", () => {
  setCheckedTypes(new Set());
  renderTypes();
  rerun();
});

// ---- search ------------------------------------------------------------------------------

function filterParams() {
  const all = allTypes();
  const checked = checkedTypes();
  const params = evidenceParams(state);
  if (checked.size !== all.length) {
    if (state.types.length) params.types = [...checked];
    else params.exclude_types = state.xtypes;
  }
  return params;
}

async function search({ push = false, fromHistory = false } = {}) {
  const source = from.value();
  const target = to.value();
  if (!source || !target) {
    showMessage("info", "Two names are needed", `Type a name in ${source ? "To" : "From"} and pick a suggestion.`);
    (source ? el.toInput : el.fromInput).focus();
    return;
  }
  leaveExplore();
  if (!fromHistory) {
    if (source !== state.from || target !== state.to) {
      state.edge = "";
      state.node = "";
      stickyPath = null;
    }
    state.from = source;
    state.to = target;
    commit({ push });
  }
  if (checkedTypes().size === 0) {
    result = null;
    clearGraph();
    showMessage("warning", "No relation type is selected", "Tick at least one relation type on the left to follow.");
    return;
  }
  const serial = ++searchSerial;
  busy(true);
  try {
    const params = {
      from: source, to: target, mode: state.mode, max_hops: state.hops, directed: state.directed,
      ...filterParams(),
    };
    if (state.mode === "k_shortest") params.k = state.k;
    const answer = await getJSON("paths", params, { names: { from: el.fromInput.value.trim() || source,
                                                             to: el.toInput.value.trim() || target } });
    if (serial !== searchSerial) return;
    result = answer;
    for (const end of [answer.from, answer.to]) entities.set(end.id, { ...entities.get(end.id), ...end });
    from.set(answer.from);
    to.set(answer.to);
    if (state.from !== answer.from.id || state.to !== answer.to.id) {
      state.from = answer.from.id;
      state.to = answer.to.id;
      commit();
    }
    document.title = `${answer.from.name} → ${answer.to.name} · intelgraph`;
    showResult();
  } catch (error) {
    if (serial !== searchSerial) return;
    result = null;
    clearGraph();
    showError(error);
  } finally {
    if (serial === searchSerial) busy(false);
  }
}

function clearGraph() {
  graph.clear();
  drawn = { nodes: new Map(), edges: new Map() };
  fill(el.summary);
  fill(el.legend);
  el.download.disabled = true;
  el.exportNote.textContent = "Find a path first: the export holds the entities on screen and the edges among them.";
  el.exportNote.style.color = "";
  renderTypes();
  renderPathsPanel();
}

function showResult() {
  hideMessage();
  if (!result.paths.length) {
    clearGraph();
    const filtered = [...evidenceWords(state),
      checkedTypes().size < allTypes().length ? "some relation types are left out" : "",
      state.directed ? "edges are followed in their direction only" : ""].filter(Boolean);
    showMessage("warning", `No path between ${result.from.name} and ${result.to.name}`,
      `Nothing joins them in ${state.hops} hop${state.hops === 1 ? "" : "s"} or fewer` +
      (filtered.length ? `, with the filters set (${filtered.join("; ")}).` : ".") +
      " Allow more hops" + (filtered.length ? " or loosen the filters." : "."));
    return;
  }
  drawn = graph.show(result);
  for (const node of drawn.nodes.values()) entities.set(node.id, { ...entities.get(node.id), ...node });
  renderSummary();
  renderLegend();
  renderTypes();
  renderPathsPanel();
  el.download.disabled = false;
  el.exportNote.style.color = "";
  el.exportNote.textContent = `${drawn.nodes.size} entities on screen and the edges among them` +
    (state.claims === "hidden" ? ", claims left out." : state.claims === "only" ? ", only claims and denials." : ".");
  if (state.edge && drawn.edges.has(state.edge)) selectEdge(state.edge, { switchTab: state.tab === "evidence" });
  else if (state.node && drawn.nodes.has(state.node)) selectNode(state.node, { switchTab: state.tab === "evidence" });
  else {
    if (state.edge || state.node) {
      state.edge = "";
      state.node = "";
      commit();
    }
    renderEvidence();
  }
  if (state.tab === "centrality" || state.size) loadCentrality();
}

function renderSummary() {
  const hops = result.paths.map((p) => p.edges.length);
  const shortest = Math.min(...hops);
  const longest = Math.max(...hops);
  const claims = [...drawn.edges.values()].filter((e) => e.status !== "reported").length;
  const stats = [
    `${result.paths.length} path${result.paths.length === 1 ? "" : "s"}`,
    shortest === longest ? `${shortest} hop${shortest === 1 ? "" : "s"}` : `${shortest}–${longest} hops`,
    `${drawn.nodes.size} entities`,
    `${drawn.edges.size} edges`,
  ];
  if (claims) stats.push(`${claims} claimed or denied`);
  const filters = [];
  const checked = checkedTypes().size;
  if (checked < allTypes().length) filters.push(`${checked} of ${allTypes().length} types`);
  if (state.directed) filters.push("directed");
  filters.push(...evidenceWords(state));
  fill(el.summary, h("div.route", h("strong", `${result.from.name} → ${result.to.name}`),
    h("span.stats", stats.join(" · ")), filters.length ? h("span.filters", filters.join(" · ")) : null));
}

function edgeKey(status, label) {
  const dash = { reported: "", claimed: "5 3", denied: "1.5 2.5" }[status];
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("width", "26");
  svg.setAttribute("height", "8");
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
  Object.entries({ x1: 1, y1: 4, x2: 25, y2: 4, stroke: STATUS_COLOR[status], "stroke-width": status === "denied" ? 2.4 : 2,
                   "stroke-dasharray": dash }).forEach(([k, v]) => line.setAttribute(k, v));
  svg.append(line);
  return h("span.item", svg, label);
}

function renderLegend() {
  const kinds = [...new Set([...drawn.nodes.values()].map((n) => n.kind))];
  const statuses = new Set([...drawn.edges.values()].map((e) => e.status));
  fill(el.legend,
    kinds.map((name) => {
      const kind = graph.kind(name);
      return h("span.item", { title: kind.description }, shapeIcon(kind.shape, kind.color, 12), name);
    }),
    h("div.edge-key", edgeKey("reported", "reported"), edgeKey("claimed", "claimed"),
      statuses.has("denied") || state.claims !== "hidden" ? edgeKey("denied", "✕ denied") : null));
}

// ---- selection and the evidence panel -----------------------------------------------------

function orderedEdges() {
  const seen = new Set();
  const list = [];
  for (const path of result?.paths || []) {
    for (const edge of path.edges) {
      if (!seen.has(edge.id)) {
        seen.add(edge.id);
        list.push(edge.id);
      }
    }
  }
  return list;
}

/** Select a drawn edge or node (one at a time) and show its evidence. */
function selectElement(kind, id, { switchTab = true } = {}) {
  if (!(kind === "edge" ? drawn.edges : drawn.nodes).has(id)) return;
  state.edge = kind === "edge" ? id : "";
  state.node = kind === "node" ? id : "";
  if (switchTab) state.tab = "evidence";
  commit();
  graph.select(id);
  if (switchTab) selectTab("evidence", { focus: false });
  markPressed();
  renderEvidence();
}

function selectEdge(id, options) { selectElement("edge", id, options); }
function selectNode(id, options) { selectElement("node", id, options); }

function clearSelection() {
  state.edge = "";
  state.node = "";
  commit();
  graph.select(null);
  graph.highlightPath(stickyPath !== null ? result?.paths[stickyPath] : null);
  markPressed();
  renderEvidence();
}

function markPressed() {
  for (const button of document.querySelectorAll(".edge-button")) {
    button.setAttribute("aria-pressed", button.dataset.edge === state.edge ? "true" : "false");
  }
}

function entityName(id) {
  return entities.get(id)?.name;
}

/** GET /entities/{id} once per id: the entity, its aliases and all its edges (or null). */
function entityDetail(id) {
  if (!details.has(id)) {
    details.set(id, getJSON(`entities/${encodeURIComponent(id)}`).then((detail) => {
      entities.set(id, { ...entities.get(id), ...detail });
      return detail;
    }).catch(() => null));
  }
  return details.get(id);
}

/** The claims a denial rejects and the denials of a claim, on screen or not (from its subject's edges). */
function relatedEdges(edge) {
  const deniesIds = new Set(edge.denies || []);
  const fromScreen = {
    denies: [...deniesIds].map((id) => drawn.edges.get(id)).filter(Boolean),
    deniedBy: [...drawn.edges.values()].filter((e) => (e.denies || []).includes(edge.id)),
  };
  const detail = details.get(edge.source);
  if (!detail || typeof detail.then === "function") {
    if (!related.has(edge.source)) {
      related.add(edge.source);
      entityDetail(edge.source).then((d) => {
        details.set(edge.source, d || { edges: [] });
        renderEvidence();
      });
    }
    return fromScreen;
  }
  const all = detail.edges || [];
  return {
    denies: all.filter((e) => deniesIds.has(e.id)),
    deniedBy: all.filter((e) => (e.denies || []).includes(edge.id)),
  };
}

/** Fetch what the panel lacks (entity names, document metadata), then draw it again. */
async function complete(ids, docIds) {
  const missingEntities = ids.filter((id) => id && !entities.has(id));
  const missingDocs = docIds.filter((id) => !documents.has(id));
  if (!missingEntities.length && !missingDocs.length) return;
  for (const id of missingDocs) documents.set(id, null);
  const jobs = missingEntities.map((id) => {
    entities.set(id, { id, name: id, kind: "", pending: true });
    return entityDetail(id);
  });
  if (missingDocs.length) {
    jobs.push(getJSON("documents", { ids: missingDocs })
      .then((data) => data.documents.forEach((d) => documents.set(d.id, d)))
      .catch(() => missingDocs.forEach((id) => documents.delete(id))));
  }
  await Promise.all(jobs);
  renderEvidence();
}

function entityChip(id) {
  const entity = entities.get(id);
  const kind = graph.kind(entity?.kind);
  return h("span.who", { title: id }, entity?.kind ? shapeIcon(kind.shape, kind.color, 10) : null, " ",
    entity?.name || id);
}

function joinChips(ids) {
  const out = [];
  ids.forEach((id, i) => {
    if (i) out.push(", ");
    out.push(entityChip(id));
  });
  return out;
}

/** A button that opens an edge's evidence. `from`: the node a path reaches it from, for the arrow. */
function edgeButton(edge, { withEnds = false, from: before = null } = {}) {
  let label;
  if (withEnds) {
    label = [h("span", entityName(edge.source) || edge.source), h("code", edge.type),
      h("span", entityName(edge.target) || edge.target)];
  }
  else if (before && before !== edge.source) label = [h("span.dir", "←"), edge.type];
  else label = [edge.type, h("span.dir", "→")];
  const reversed = before && before !== edge.source;
  return h(`button.edge-button${withEnds ? ".with-ends" : ""}`, { type: "button", dataset: { edge: edge.id },
    "aria-pressed": edge.id === state.edge ? "true" : "false",
    title: reversed ? `Read the evidence (the edge points back: ${entityName(edge.source) || edge.source} is its subject)`
      : "Read the evidence",
    onclick: () => selectEdge(edge.id) }, label,
  edge.status !== "reported" ? h("span", { class: `badge ${edge.status}` }, edge.status) : null);
}

function renderEvidence() {
  const panel = el.panels.evidence;
  if (state.edge && drawn.edges.has(state.edge)) return renderEdge(panel, drawn.edges.get(state.edge));
  if (state.node && drawn.nodes.has(state.node)) return renderNode(panel, drawn.nodes.get(state.node));
  if (explorer.active) {
    return fill(panel, h("p.empty-note", "Click an entity to expand it, collapse it, pin it, hide it or write a note; " +
      "click an edge to read the quotes it rests on."));
  }
  fill(panel, h("p.empty-note", result?.paths.length
    ? ["Click an edge on the graph, or press ", h("kbd", "j"), " and ", h("kbd", "k"),
      ", to read the quotes it rests on, who asserts it and who disputes it. Click an entity for its details."]
    : "Find a path first; then every edge opens its evidence here."));
}

// When the reporting says it happened; an open end reads "on or before" / "on or after".
function eventTime(edge) {
  if (!edge.event_known) return h("span.none", "not said");
  if (!edge.event_start) return `on or before ${formatDate(edge.event_end)}`;
  if (!edge.event_end) return `on or after ${formatDate(edge.event_start)}`;
  return dateRange(edge.event_start, edge.event_end);
}

function renderEdge(panel, edge) {
  const rel = ontology.relations.find((r) => r.name === edge.type);
  const docIds = [...new Set(edge.evidence.map((e) => e.document))];
  complete([edge.source, edge.target, edge.asserted_by, ...edge.disputed_by], docIds);
  const facts = [
    h("dt", "Status"), h("dd", STATUS_WORDS[edge.status] || edge.status),
    h("dt", "Grade"), h("dd", h("span.grade", { title: edge.grade_reason || "" }, edge.grade || "F6"), " ",
      (edge.grade_reason || "").split(": ").slice(1).join(": ")),
    h("dt", "Happened"), h("dd", eventTime(edge)),
    h("dt", "Reported"), h("dd", dateRange(edge.first_reported, edge.last_reported) || h("span.none", "undated"),
      edge.publishers?.length ? ` by ${edge.publishers.join(", ")}` : ""),
    h("dt", "Evidence"), h("dd", `${edge.evidence.length} quote${edge.evidence.length === 1 ? "" : "s"} from ` +
      `${docIds.length} document${docIds.length === 1 ? "" : "s"}`),
  ];
  if (rel) facts.push(h("dt", "Relation"), h("dd", rel.description, rel.cameo ? ` (CAMEO ${rel.cameo})` : ""));
  const { denies: denied, deniedBy } = relatedEdges(edge);
  const who = edge.asserted_by
    ? [edge.status === "denied" ? "Denied by " : "Claimed by ", entityChip(edge.asserted_by)]
    : ["Stated by the document itself"];
  if (edge.disputed_by.length) who.push(" · disputed by ", h("span.disputed", joinChips(edge.disputed_by)));
  else if (edge.status === "claimed") who.push(h("span.none", " · disputed by no one in the sources"));
  fill(panel,
    h("div.edge-title",
      h("div.ends", entityName(edge.source) || edge.source, " → ", entityName(edge.target) || edge.target),
      h("div.line", h("span.rel", edge.type), h("span", { class: `badge ${edge.status}` }, edge.status),
        rel?.symmetric ? h("span.badge.reported", "symmetric") : null),
      h(`div.who.${edge.status}`, who)),
    h("ol.evidence-list", { "aria-label": "Quotes" }, edge.evidence.map((ev) => {
      const doc = documents.get(ev.document);
      return h(`li.evidence.${edge.status}`,
        h("blockquote", `“${ev.quote}”`),
        h("div.source",
          doc?.url ? h("a.title", { href: doc.url, target: "_blank", rel: "noopener noreferrer" }, doc.title || ev.document)
            : h("span.title", doc?.title || ev.document),
          doc?.publisher || ev.publisher ? ` · ${doc?.publisher || ev.publisher}` : "",
          doc?.published || ev.published ? ` · ${formatDate(doc?.published || ev.published)}` : "",
          ev.event ? ` · happened ${ev.event.includes("-") && !ev.event.includes(" ") && !ev.event.includes("/")
            ? formatDate(ev.event) : ev.event}` : "",
          h("div.ref", `${ev.document} · ${ev.relation} · chars ${ev.start}–${ev.end} · `,
            // the workbench's document view (web/src/workbench.js): the article, opened at this quote
            h("a.open-quote", { href: `workbench?document=${encodeURIComponent(ev.document)}&relation=${
              encodeURIComponent(ev.relation)}`, title: "Open the article at this quote" }, "open in the article"))));
    })),
    h("dl.facts", facts),
    denied.length ? h("div.related", h("h3", "This denial rejects"), denied.map(relatedEdge)) : null,
    deniedBy.length ? h("div.related", h("h3", "Denied by"), deniedBy.map(relatedEdge)) : null,
    investigations.noteBox("edge", edge.id),
  );
}

/** Another edge in the evidence panel: a button when it is on screen, else its first quote. */
function relatedEdge(edge) {
  if (drawn.edges.has(edge.id)) return h("div", edgeButton(drawn.edges.get(edge.id), { withEnds: true }));
  complete([edge.source, edge.target, edge.asserted_by], []);
  const quote = edge.evidence?.[0]?.quote;
  return h("div.related-card",
    h("div.line", h("span", entityName(edge.source) || edge.source, " ", h("span.rel", edge.type), " ",
      entityName(edge.target) || edge.target), h("span", { class: `badge ${edge.status}` }, edge.status)),
    edge.asserted_by ? h("div.by", edge.status === "denied" ? "denied by " : "asserted by ", entityChip(edge.asserted_by),
      " · not on screen") : null,
    quote ? h("blockquote", `“${quote}”`) : null);
}

function renderNode(panel, node) {
  const kind = graph.kind(node.kind);
  if (!details.has(node.id)) entityDetail(node.id).then(() => renderEvidence()); // aliases and degree
  const entity = entities.get(node.id) || node;
  const onScreen = [...drawn.edges.values()].filter((e) => e.source === node.id || e.target === node.id);
  fill(panel, h("div.node-card",
    h("div.edge-title", h("div.ends", shapeIcon(kind.shape, kind.color, 14), " ", node.name),
      h("div.line", h("span.rel", node.kind), h("span.empty-note", kind.description))),
    entity.aliases?.length ? h("p.aliases", "Also: ", entity.aliases.join(", ")) : null,
    entity.degree !== undefined ? h("p.empty-note", `${entity.degree} edges in the whole graph; ${onScreen.length} on screen.`) : null,
    explorer.active ? explorer.actions(node.id) : null,
    h("div.actions",
      h("button.secondary", { type: "button", onclick: () => { from.set(node); search({ push: true }); } }, "Paths from here"),
      h("button.secondary", { type: "button", onclick: () => { to.set(node); search({ push: true }); } }, "Paths to here"),
      explorer.active ? null : h("button.secondary#explore-here", { type: "button", onclick: () => exploreFrom(node.id) },
        "Explore from here")),
    investigations.noteBox("node", node.id),
    h("div.related", h("h3", "Edges on screen"), onScreen.map((e) => h("div", edgeButton(e, { withEnds: true }))))));
}

// ---- the paths panel ---------------------------------------------------------------------

function renderPathsPanel() {
  const panel = el.panels.paths;
  if (!result?.paths.length) {
    fill(panel, h("p.empty-note", result ? "No path to list." : "The paths found are listed here, step by step."));
    return;
  }
  fill(panel, result.paths.map((path, i) => {
    const claimed = path.edges.filter((e) => e.status !== "reported").length;
    const card = h(`section.path${stickyPath === i ? ".active" : ""}`, {
      onmouseenter: () => graph.highlightPath(path),
      onmouseleave: () => graph.highlightPath(stickyPath !== null ? result.paths[stickyPath] : null),
    },
    h("div.path-head",
      h("button.link-button", { type: "button", title: "Keep only this path in view",
        "aria-pressed": stickyPath === i ? "true" : "false", onclick: () => {
          stickyPath = stickyPath === i ? null : i;
          graph.highlightPath(stickyPath !== null ? path : null);
          renderPathsPanel();
        } }, `Path ${i + 1}`),
      h("span.stats", `${path.edges.length} hop${path.edges.length === 1 ? "" : "s"}` +
        (claimed ? ` · ${claimed} claimed or denied` : ""))),
    h("ol.steps", path.nodes.map((node, j) => {
      const kind = graph.kind(node.kind);
      const items = [h("li.step-node", shapeIcon(kind.shape, kind.color, 12), h("span", node.name), h("span.kind", node.kind))];
      const edge = path.edges[j];
      if (edge) {
        items.push(h(`li.step-edge.${edge.status}`, edgeButton(edge, { from: node.id })));
      }
      return items;
    })));
    return card;
  }));
}

// ---- tabs --------------------------------------------------------------------------------

function selectTab(name, { focus = true } = {}) {
  for (const tab of el.tabs) {
    const on = tab.dataset.tab === name;
    tab.setAttribute("aria-selected", on ? "true" : "false");
    tab.tabIndex = on ? 0 : -1;
    el.panels[tab.dataset.tab].hidden = !on;
  }
  if (focus) el.panels[name].focus();
}

function openTab(name) {
  state.tab = name;
  if (name === "centrality" && !state.size && !openTab.sizedOnce) {
    state.size = true; // the centrality view sizes the nodes, until the analyst unticks it
    el.size.checked = true;
  }
  if (name === "centrality") openTab.sizedOnce = true;
  commit();
  selectTab(name);
  if (name === "centrality") loadCentrality();
}

for (const tab of el.tabs) {
  tab.addEventListener("click", () => openTab(tab.dataset.tab));
  tab.addEventListener("keydown", (event) => {
    const i = el.tabs.indexOf(tab);
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const next = el.tabs[(i + (event.key === "ArrowRight" ? 1 : el.tabs.length - 1)) % el.tabs.length];
      next.focus();
      openTab(next.dataset.tab);
    }
  });
}

// ---- centrality --------------------------------------------------------------------------

el.measure.addEventListener("change", () => {
  state.measure = el.measure.value;
  commit();
  loadCentrality();
});
el.rankKind.addEventListener("change", () => {
  state.kind = el.rankKind.value;
  commit();
  renderRanking();
});
el.size.addEventListener("change", () => {
  state.size = el.size.checked;
  commit();
  applySizes();
});

async function loadCentrality() {
  const filters = filterParams();
  const key = JSON.stringify([state.measure, filters, state.directed]);
  if (ranking?.key === key) {
    renderRanking();
    applySizes();
    return;
  }
  fill(el.centralityBody, h("p.empty-note", `Computing ${MEASURE_NAMES[state.measure]}…`));
  try {
    const data = await getJSON("centrality", { measure: state.measure, limit: 1000, directed: state.directed, ...filters });
    ranking = { key, data, scores: new Map(data.results.map((r) => [r.id, r.score])) };
    renderRanking();
    applySizes();
  } catch (error) {
    ranking = null;
    fill(el.centralityBody, h("div.message.error", { style: "position:static;transform:none;width:auto;box-shadow:none" },
      h("h3", error.title || "The ranking failed"), h("p", error.text || String(error))));
  }
}

function applySizes() {
  graph.sizeBy(state.size && ranking ? ranking.scores : null);
}

function renderRanking() {
  if (!ranking) return;
  const { data } = ranking;
  const rows = data.results.filter((r) => !state.kind || r.kind === state.kind);
  const top = rows.slice(0, RANK_ROWS);
  const max = top.length ? Math.max(...top.map((r) => r.score)) : 0;
  const digits = max >= 10 ? 1 : 3;
  fill(el.centralityBody,
    h("p.rank-meta", `${MEASURE_NAMES[data.measure] || data.measure} over ${data.nodes} entities and ${data.edges} edges` +
      (data.sampled ? ` (sampled from ${data.sampled.sources} sources)` : "") +
      (state.claims === "hidden" ? ", claims left out" : state.claims === "only" ? ", claims and denials only" : "") +
      ". ",
      drawn.nodes.size ? [h("span.on-graph-key"), "on the graph now"] : null),
    top.length ? h("table.rank", { "aria-label": `Ranking by ${MEASURE_NAMES[data.measure]}` },
      h("thead", h("tr", h("th", "#"), h("th", "Entity"), h("th", "Score"))),
      h("tbody", top.map((r, i) => {
        const kind = graph.kind(r.kind);
        const onGraph = drawn.nodes.has(r.id);
        return h(`tr${onGraph ? ".on-graph" : ""}`, { dataset: { id: r.id } },
          h("td.n", String(i + 1)),
          h("td.name", h("button", { type: "button", title: onGraph ? "Show on the graph" : "Find paths from here to To",
            onclick: () => {
              if (onGraph) {
                selectNode(r.id, { switchTab: false });
                graph.reveal(r.id);
              } else {
                from.set({ id: r.id, name: r.name, kind: r.kind });
                if (to.value()) search({ push: true });
                else el.toInput.focus();
              }
            } }, shapeIcon(kind.shape, kind.color, 10), h("span", { title: `${r.name} · ${r.kind}` }, r.name))),
          h("td.score", h("div.bar", h("i", { style: `width:${max > 0 ? Math.max(2, (r.score / max) * 54) : 0}px` }),
            r.score.toFixed(digits))));
      }))) : h("p.empty-note", "No entity of this kind is ranked."));
}

// ---- export ------------------------------------------------------------------------------

async function download() {
  if (el.download.disabled || !drawn.nodes.size) return;
  const format = el.exportFormat.value;
  el.download.disabled = true;
  el.exportNote.style.color = "";
  el.exportNote.textContent = "Preparing the file…";
  try {
    const { blob, filename } = await getFile("export", { format, ids: [...drawn.nodes.keys()], ...filterParams() });
    const url = URL.createObjectURL(blob);
    const link = h("a", { href: url, download: filename || `intelgraph-${state.from}-${state.to}.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    el.exportNote.textContent = `Saved ${link.download} (${(blob.size / 1024).toFixed(1)} kB).`;
  } catch (error) {
    el.exportNote.style.color = "var(--denied)";
    el.exportNote.textContent = `${error.title || "The export failed"}.`;
    if (error.needsKey) showError(error, download);
    else el.exportNote.textContent += ` ${error.text || ""}`;
  } finally {
    el.download.disabled = !drawn.nodes.size;
  }
}
el.download.addEventListener("click", download);

// ---- canvas tools and keys ---------------------------------------------------------------

$("fit").addEventListener("click", () => graph.fit());
$("zoom-in").addEventListener("click", () => graph.zoom(1.25));
$("zoom-out").addEventListener("click", () => graph.zoom(0.8));
el.helpButton.addEventListener("click", () => el.help.showModal());

function stepEdge(step) {
  const list = orderedEdges();
  if (!list.length) return;
  const i = list.indexOf(state.edge);
  const next = list[(i < 0 ? (step > 0 ? 0 : list.length - 1) : (i + step + list.length) % list.length)];
  selectEdge(next);
  graph.reveal(next);
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  const typing = target instanceof HTMLInputElement && !["checkbox", "radio", "range"].includes(target.type) ||
    target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
  if (typing || el.help.open || document.querySelector("dialog[open]")) return;
  const actions = {
    "/": () => el.fromInput.select(),
    t: () => el.toInput.select(),
    s: swap,
    "1": () => setMode("shortest"),
    "2": () => setMode("all_shortest"),
    "3": () => setMode("k_shortest"),
    c: () => evidenceFilters.cycleClaims(state),
    j: () => stepEdge(1),
    k: () => stepEdge(-1),
    p: () => openTab("paths"),
    e: () => openTab("evidence"),
    r: () => openTab("centrality"),
    f: () => graph.fit(),
    "+": () => graph.zoom(1.25),
    "=": () => graph.zoom(1.25),
    "-": () => graph.zoom(0.8),
    d: download,
    "?": () => el.help.showModal(),
    q: () => savedQueries.show(),
    i: () => document.getElementById("investigations-button")?.click(),
    Escape: () => (el.message.hidden ? clearSelection() : hideMessage()),
  };
  const action = actions[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});

function setMode(mode) {
  state.mode = mode;
  applyControls();
  rerun();
}

// ---- explore, evidence filters, saved queries, investigations (issue 19) -----------------

const evidenceFilters = new EvidenceFilters(document.querySelector(".sidebar"), (patch) => {
  Object.assign(state, patch);
  evidenceFilters.apply(state);
  ranking = null; // the ranking depends on the filters
  rerun();
  if (state.tab === "centrality" || state.size) loadCentrality();
});
// The Evidence group goes right after the Paths group.
document.querySelector(".sidebar .group").after(document.getElementById("evidence-filters"));

const explorer = new Explorer({
  graph, getJSON, params: filterParams, relations: () => ontology.relations,
  onChange: () => exploreChanged(),
});
explorer.onExpand = (id, options) => expandNode(id, options);
window.intelgraph.explorer = explorer;
window.intelgraph.graph = graph; // the view, for the size test (tests/web/explore.mjs)

const investigations = new Investigations({
  api: { getJSON, sendJSON, getFile },
  scene: () => (explorer.active ? explorer.scene()
    : { nodes: [...drawn.nodes.keys()].map((id) => ({ id, ...roundPosition(graph.positions()[id]), pinned: false })),
        hidden: [] }),
  filters: () => {
    const params = filterParams();
    return { types: params.types || [], exclude_types: params.exclude_types || [],
             claims: params.claims || null, publishers: params.publishers || [], min_grade: params.min_grade || null,
             as_of: params.as_of || null, during: params.during || null };
  },
  view: () => location.search,
  onOpen: (investigation) => drawInvestigation(investigation),
  current: (id) => {
    if (id !== undefined) {
      state.inv = id;
      commit();
    }
    return state.inv;
  },
  onError: showError,
});
window.intelgraph.investigations = investigations;

const savedQueries = new SavedQueriesMenu({
  api: { getJSON, sendJSON }, kindOf: (k) => graph.kind(k), onError: showError,
  onDraw: (ids) => drawScene(ids),
});

function roundPosition(p) {
  return { x: Math.round(p?.x || 0), y: Math.round(p?.y || 0) };
}

function addTopButtons() {
  if (document.getElementById("queries-button")) return;
  const nav = document.querySelector(".top-links");
  nav.prepend(
    h("button.link-button#queries-button", { type: "button", onclick: () => savedQueries.show(),
      title: "Saved queries (q)" }, "Queries"),
    h("button.link-button#investigations-button", { type: "button", title: "Save or open an investigation (i)",
      onclick: () => investigations.show((kind, id) => (kind === "node" ? drawn.nodes.has(id) : drawn.edges.has(id))) },
    "Investigations"));
}

function leaveExplore() {
  if (!explorer.active) return;
  explorer.reset();
  state.expand = [];
  state.hide = [];
}

/** Open the explore view on one entity and expand it. */
async function exploreFrom(id) {
  state.from = "";
  state.to = "";
  state.edge = "";
  state.node = id;
  state.expand = [id];
  state.hide = [];
  from.set(null, "");
  to.set(null, "");
  result = null;
  commit({ push: true });
  await startExplore();
}

/** Draw the explore view the URL describes: its first entity, then each expansion in order. */
async function startExplore() {
  sceneTitle = "";
  hideMessage();
  busy(true);
  try {
    if (!state.expand.length) {
      state.expand = [state.node];
      commit();
    }
    const specs = state.expand.map(parseExpansion);
    const root = await explorer.open(specs[0].id);
    for (const id of state.hide) explorer.hidden.add(id);
    for (const spec of specs) await explorer.expand(spec.id, spec);
    document.title = `${root.name} · explore · intelgraph`;
    if (state.node && drawn.nodes.has(state.node)) selectNode(state.node, { switchTab: state.tab === "evidence" });
  } catch (error) {
    explorer.reset();
    clearGraph();
    showError(error);
  } finally {
    busy(false);
  }
  graph.fit();
}

async function expandNode(id, options) {
  busy(true);
  try {
    await explorer.expand(id, options);
    state.expand = [...state.expand.filter((e) => parseExpansion(e).id !== id), formatExpansion({ id, ...options })];
    commit();
    graph.fit();
  } catch (error) {
    showError(error);
  } finally {
    busy(false);
  }
}

async function refreshExplore() {
  busy(true);
  try {
    await explorer.refresh();
  } catch (error) {
    showError(error);
  } finally {
    busy(false);
  }
}

let sceneTitle = ""; // what the summary calls a scene that is not one entity's neighbourhood

/** Draw a set of entities (a saved query's answer, a kept scene) in the explore view. */
async function drawScene(ids, scene = null, title = "The entities the saved query names") {
  sceneTitle = title;
  leaveExplore();
  state.from = "";
  state.to = "";
  from.set(null, "");
  to.set(null, "");
  result = null;
  const columns = Math.ceil(Math.sqrt(ids.length));
  const layout = scene || { nodes: ids.map((id, i) => ({ id, x: (i % columns) * 190, y: Math.floor(i / columns) * 150 })),
                            hidden: [] };
  busy(true);
  try {
    await explorer.load(layout);
    state.node = "";
    state.expand = [];
    commit({ push: true });
    graph.fit();
  } catch (error) {
    showError(error);
  } finally {
    busy(false);
  }
}

/** An investigation reopened: its filters, then its scene where it was. */
async function drawInvestigation(investigation) {
  const kept = parseState(investigation.scene.view || "");
  for (const key of ["claims", "types", "xtypes", "directed", "grade", "asof", "during", "publishers"]) {
    state[key] = kept[key];
  }
  state.inv = investigation.id;
  applyControls();
  await drawScene([], investigation.scene, `Investigation: ${investigation.title}`);
  state.inv = investigation.id;
  commit();
  document.title = `${investigation.title} · intelgraph`;
}

async function openInvestigation(id) {
  try {
    await investigations.open(id);
  } catch (error) {
    showError(error);
  }
}

/** After the explore scene changed: the panels, the legend, the URL, the size guard. */
function exploreChanged() {
  drawn = { nodes: explorer.nodes, edges: explorer.edges };
  for (const node of drawn.nodes.values()) entities.set(node.id, { ...entities.get(node.id), ...node }); // names in lists
  state.hide = [...explorer.hidden];
  commit();
  renderLegend();
  renderTypes();
  el.download.disabled = !drawn.nodes.size;
  el.exportNote.style.color = "";
  el.exportNote.textContent = `${drawn.nodes.size} entities on screen and the edges among them.`;
  evidenceFilters.setSpan([...drawn.edges.values()].flatMap((e) => [e.event_start, e.event_end, e.first_date, e.last_date]));
  const off = explorer.offScreen();
  const words = [`${drawn.nodes.size} entities`, `${drawn.edges.size} edges`];
  if (off) words.push(`${off} more neighbours off screen`);
  const filters = evidenceWords(state);
  const root = drawn.nodes.get(explorer.root);
  const title = sceneTitle || (root ? `Exploring from ${root.name}` : "Explore");
  fill(el.summary, h("div.route", h("strong", title),
    h("span.stats#explore-stats", words.join(" · ")), filters.length ? h("span.filters", filters.join(" · ")) : null));
  renderPathsPanel();
  renderEvidence();
}

// ---- start -------------------------------------------------------------------------------

async function init() {
  hideMessage();
  busy(true);
  try {
    ontology = await getJSON("ontology");
    // The publishers to filter by; the page works without them (the list stays empty).
    getJSON("sources").then((sources) => evidenceFilters.setPublishers(sources.publishers || [], state))
      .catch(() => evidenceFilters.setPublishers([], state));
  } catch (error) {
    busy(false);
    showError(error);
    return;
  }
  busy(false);
  graph.setOntology(ontology);
  fill(el.exportFormat, EXPORTS.map(([value, label, title]) => h("option", { value, title }, label)));
  fill(el.rankKind, h("option", { value: "" }, "All kinds"),
    ontology.kinds.map((k) => h("option", { value: k.name }, k.name)));
  applyControls();
  from.set(null, state.from);
  to.set(null, state.to);
  addTopButtons();
  if (state.inv) await openInvestigation(state.inv);
  else if (state.from && state.to) await search();
  else if (state.expand.length || state.node) await startExplore();
  else {
    showWelcome();
    if (state.tab === "centrality") loadCentrality();
  }
}

init();
