// The analysts' workbench (issue 17): from a pasted article to loaded facts, and from any edge
// back to its place in the article. Every action is a call of the /drafts API; the page keeps
// nothing the server does not have, so a review can be left and resumed, and the draft's version
// travels with every save (a second reviewer who saved first makes the save answer 409).
//
//   /workbench                      the drafts, and a form for a new document
//   /workbench?draft=ID             the review: the article with its mentions, the candidates
//   /workbench?document=ID&relation=REL   a loaded document, opened at a quote
import "./workbench.css";
import { apiKey, setApiKey } from "./api.js";
import { fill, h } from "./dom.js";

const $ = (id) => document.getElementById(id);
const main = $("wb-main");
const dialog = $("wb-dialog");
const STATUSES = ["reported", "claimed", "denied"];
const SINGULAR = { document: "document", entities: "entity", relations: "relation" }; // the API's section names

let draft = null;       // the draft as the server last answered
let selected = "";      // "entities:ID" | "relations:ID" | "document:"
let problems = new Map(); // candidate key -> messages of the last refused action
let ontology = null;
let busy = false;

// ---- calling the API ---------------------------------------------------------------------------
class WbError extends Error {
  constructor(status, body) {
    super(body.detail || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function call(method, path, body) {
  const headers = { Accept: "application/json" };
  const key = apiKey();
  if (key) headers["X-API-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new WbError(0, { detail: "The intelgraph API cannot be reached: check that it is running, then reload." });
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new WbError(response.status, data);
  return data;
}

function say(text, { ok = false, extra = null } = {}) {
  const box = $("wb-message");
  if (!text) {
    box.hidden = true;
    return;
  }
  box.className = ok ? "wb-message ok" : "wb-message";
  fill(box, text, extra ? [" ", extra] : null);
  box.hidden = false;
}

/** An error in words, against the candidates it concerns where it names them. */
function sayError(error) {
  problems = new Map();
  if (error.status === 409) {
    say("Someone else saved this draft first. " + error.message,
      { extra: h("button#wb-reload", { onclick: () => reload() }, "Reload the draft") });
    return;
  }
  if (error.status === 401 || error.status === 403) {
    const input = h("input#wb-key", { type: "password", placeholder: "API key", "aria-label": "API key" });
    say(error.status === 401 ? "Saving needs an API key." : "The API key was refused.", {
      extra: h("span", input, " ", h("button", { onclick: () => { setApiKey(input.value); say(""); } }, "Use this key")),
    });
    return;
  }
  const list = error.body?.problems || [];
  for (const p of list) {
    const match = /^(entity|relation) ([^.\s]+)/.exec(p.where || "");
    if (match) {
      const key = `${match[1] === "entity" ? "entities" : "relations"}:${match[2]}`;
      problems.set(key, [...(problems.get(key) || []), p.message]);
    }
  }
  const lines = list.length ? list.map((p) => `${p.where ? p.where + ": " : ""}${p.message}`) : [error.message];
  say(lines.join("\n"));
  if (draft) render();
}

// ---- the review --------------------------------------------------------------------------------
const keyOf = (section, item) => `${section}:${item.id || ""}`;
const names = () => new Map((draft?.entities || []).map((e) => [e.id, e.name]));

function order() {
  const out = [];
  if (draft.document.review) out.push(["document", draft.document]);
  for (const e of draft.entities) out.push(["entities", e]);
  const relations = [...draft.relations].sort((a, b) => a.type.localeCompare(b.type) || (a.start ?? 0) - (b.start ?? 0));
  for (const r of relations) out.push(["relations", r]);
  return out;
}

function current() {
  const [section, id] = selected.split(":");
  if (section === "document") return ["document", draft.document];
  const item = (draft[section] || []).find((i) => i.id === id);
  return item ? [section, item] : null;
}

async function reload() {
  const id = new URLSearchParams(location.search).get("draft");
  draft = await call("GET", `drafts/${encodeURIComponent(id)}`);
  say("");
  render();
}

async function save(decisions, { advance = false } = {}) {
  if (busy) return;
  busy = true;
  try {
    const before = selected;
    draft = await call("POST", `drafts/${encodeURIComponent(draft.id)}/decisions`, { version: draft.version, decisions });
    problems = new Map();
    say("");
    if (advance) selectNextOpen(before);
    else if (!current()) selectNextOpen(before);
    render();
  } catch (error) {
    sayError(error);
  } finally {
    busy = false;
  }
}

async function undo() {
  if (busy) return;
  busy = true;
  try {
    draft = await call("POST", `drafts/${encodeURIComponent(draft.id)}/undo`, { version: draft.version });
    say("The last decision was taken back.", { ok: true });
    if (!current()) selectNextOpen("");
    render();
  } catch (error) {
    sayError(error);
  } finally {
    busy = false;
  }
}

function selectNextOpen(from) {
  const all = order();
  const at = all.findIndex(([s, i]) => keyOf(s, i) === from);
  const rest = [...all.slice(at + 1), ...all.slice(0, at + 1)];
  const next = rest.find(([, i]) => i.open) || all[Math.max(0, Math.min(at, all.length - 1))];
  selected = next ? keyOf(...next) : "";
}

function move(step) {
  const all = order();
  const at = all.findIndex(([s, i]) => keyOf(s, i) === selected);
  const next = all[Math.max(0, Math.min(all.length - 1, at + step))];
  if (next) {
    selected = keyOf(...next);
    render();
  }
}

function decide(action) {
  const cur = current();
  if (!cur) return;
  const [section, item] = cur;
  if (action === "accept" && !item.open) { // decided already: on to the next open one
    selectNextOpen(selected);
    render();
    return;
  }
  if (action === "reject" && section === "document") {
    say("The document cannot be rejected: edit its fields instead (e).");
    return;
  }
  save([{ action, section: SINGULAR[section], id: item.id || "" }],
    { advance: true });
}

function edit(changes) {
  const [section, item] = current();
  return save([{ action: "edit", section: SINGULAR[section], id: item.id || "", changes }], { advance: true });
}

/** The article with every mention and quote marked; the selected candidate's emphasised. */
function article(text, marks, onPick) {
  const chars = Array.from(text); // spans count code points, as Python does
  const cuts = new Set([0, chars.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((n) => n >= 0 && n <= chars.length).sort((a, b) => a - b);
  const pane = h("article#wb-article.wb-pane.wb-article", { "aria-label": "The article" });
  for (let i = 0; i < points.length - 1; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    const classes = ["seg", ...new Set(over.map((m) => m.cls))];
    const pick = over.find((m) => m.key && m.cls !== "ent") || over.find((m) => m.key);
    pane.append(h("span", {
      class: classes.join(" "), dataset: { start: String(a), ...(pick ? { key: pick.key } : {}) },
      onclick: pick && onPick ? () => { if (!String(window.getSelection() || "")) onPick(pick.key); } : null,
    }, chars.slice(a, b).join("")));
  }
  return pane;
}

/** The selection in the article as code-point offsets, trimmed of spaces; null when there is none. */
function selectionSpan() {
  const sel = window.getSelection();
  const pane = $("wb-article");
  if (!sel || !sel.rangeCount || sel.isCollapsed || !pane) return null;
  const range = sel.getRangeAt(0);
  if (!pane.contains(range.startContainer) || !pane.contains(range.endContainer)) return null;
  const total = Array.from(draft.text).length;
  const point = (node, offset) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest(".seg");
      return Number(seg.dataset.start) + Array.from(node.textContent.slice(0, offset)).length;
    }
    const child = node.childNodes[offset];
    return child?.dataset?.start !== undefined ? Number(child.dataset.start) : total;
  };
  let start = point(range.startContainer, range.startOffset);
  let end = point(range.endContainer, range.endOffset);
  const chars = Array.from(draft.text);
  while (start < end && /\s/.test(chars[start])) start += 1;
  while (end > start && /\s/.test(chars[end - 1])) end -= 1;
  return end > start ? { start, end, text: chars.slice(start, end).join("") } : null;
}

function render() {
  const n = names();
  $("wb-title").textContent = draft.document.title || draft.id;
  document.title = `intelgraph · review · ${draft.document.title || draft.id}`;
  $("wb-progress").textContent = `${draft.reviewed} of ${draft.candidates} reviewed` +
    (draft.left ? ` · ${draft.left} left` : " · ready to load") + ` · version ${draft.version}`;
  fill($("wb-actions"),
    h("button#wb-undo", { onclick: undo, disabled: !draft.decisions.length || !!draft.loaded, title: "Undo the last decision (u)" },
      "Undo ", h("kbd", "u")),
    h("button#wb-add-relation", { onclick: addRelation, disabled: !!draft.loaded, title: "Add a relation: select its quote first (n)" },
      "Add relation ", h("kbd", "n")),
    h("button#wb-add-entity", { onclick: addEntity, disabled: !!draft.loaded, title: "Add an entity: select its name first (i)" },
      "Add entity ", h("kbd", "i")),
    h("button#wb-load.primary", { onclick: load, disabled: draft.left > 0 || !!draft.loaded,
      title: draft.left ? "Every candidate must be decided first" : "Write the facts file and load it (L)" }, "Load ", h("kbd", "L")),
    h("button", { onclick: help, title: "Keyboard shortcuts (?)" }, "?"));

  const cur = current();
  const selKeys = new Set();
  if (cur) selKeys.add(keyOf(...cur));
  const marks = [
    ...draft.mentions.map((m) => ({ start: m.start, end: m.end, cls: selKeys.has(`entities:${m.entity}`) ? "sel" : "ent", key: `entities:${m.entity}` })),
    ...draft.relations.filter((r) => r.start !== null).map((r) => ({ start: r.start, end: r.end,
      cls: selKeys.has(`relations:${r.id}`) ? "sel" : "rel", key: `relations:${r.id}` })),
  ];
  // the selected relation's quote on top of everything else
  marks.sort((a, b) => (a.cls === "sel") - (b.cls === "sel"));
  const pane = article(draft.text, marks, (key) => { selected = key; render(); });

  const groups = new Map();
  for (const [section, item] of order()) {
    const label = section === "document" ? "Document" : section === "entities" ? "Entities" : item.type;
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label).push([section, item]);
  }
  const list = h("div#wb-candidates", { role: "listbox", "aria-label": "Candidates" },
    [...groups].map(([label, items]) => [
      h("h2", `${label} (${items.filter(([, i]) => !i.open).length}/${items.length})`),
      items.map(([section, item]) => {
        const key = keyOf(section, item);
        const review = item.review || {};
        const text = section === "relations" ? `${n.get(item.subject) || item.subject} → ${n.get(item.object) || item.object}` +
          (item.status !== "reported" ? ` (${item.status})` : "")
          : section === "entities" ? `${item.name} · ${item.kind}` : item.title;
        return h(`button.cand${item.open ? "" : ".done"}${key === selected ? ".selected" : ""}`, {
          role: "option", "aria-selected": String(key === selected), dataset: { key },
          onclick: () => { selected = key; render(); },
        }, review.confidence !== undefined && review.confidence !== null ? h("span.conf", review.confidence.toFixed(2)) : null,
        text, review.reason && item.open ? h("span.why", review.reason) : null,
        problems.has(key) ? h("span.problem", problems.get(key).join("; ")) : null);
      }),
    ]));
  const side = h("section.wb-pane.wb-side", { "aria-label": "Candidates" }, card(cur), list);
  fill(main, pane, side);
  const chosen = side.querySelector(".cand.selected");
  chosen?.scrollIntoView({ block: "nearest" });
  pane.querySelector(".seg.sel")?.scrollIntoView({ block: "nearest" });
}

function card(cur) {
  if (draft.loaded) {
    return h("div.card#wb-card", h("strong", "Loaded"), ` on ${draft.loaded.at}: `,
      h("a", { href: `workbench?document=${encodeURIComponent(draft.loaded.report?.document || draft.id)}` }, "open the document"));
  }
  if (!cur) return h("div.card#wb-card", "Pick a candidate.");
  const [section, item] = cur;
  const n = names();
  const review = item.review || {};
  const rows = [];
  if (section === "relations") {
    rows.push(["subject", n.get(item.subject) || item.subject], ["type", item.type], ["object", n.get(item.object) || item.object],
      ["status", item.status + (item.asserted_by ? ` by ${n.get(item.asserted_by) || item.asserted_by}` : "")]);
    if (item.date) rows.push(["date", item.date]);
    rows.push(["quote", `“${item.quote}”`]);
  } else if (section === "entities") {
    rows.push(["name", item.name], ["kind", item.kind], ["id", item.id]);
    if (item.aliases?.length) rows.push(["aliases", item.aliases.join(", ")]);
  } else {
    rows.push(["title", item.title], ["publisher", item.publisher], ["published", item.published], ["url", item.url || "—"]);
  }
  if (review.reason) rows.push(["why", review.reason]);
  if (review.confidence !== undefined && review.confidence !== null) rows.push(["confidence", String(review.confidence)]);
  if (review.match?.length) rows.push(["graph match", review.match.join(", ")]);
  const buttons = [
    h("button#wb-accept.primary", { onclick: () => decide("accept"), disabled: !item.open }, "Accept ", h("kbd", "a")),
    section !== "document" ? h("button#wb-reject", { onclick: () => decide("reject") }, "Reject ", h("kbd", "r")) : null,
    h("button#wb-edit", { onclick: openEdit }, "Edit ", h("kbd", "e")),
    section === "relations" ? h("button#wb-reverse", { onclick: reverse }, "Reverse ", h("kbd", "d")) : null,
    section === "entities" ? h("button#wb-link", { onclick: linkEntity }, "Link to graph ", h("kbd", "g")) : null,
    section === "entities" ? h("button#wb-merge", { onclick: mergeEntity }, "Merge into… ", h("kbd", "m")) : null,
  ];
  return h("div.card#wb-card", h("strong", item.open ? "Candidate" : "Decided"),
    h("dl", rows.map(([k, v]) => [h("dt", k), h("dd", v)])),
    problems.has(keyOf(section, item)) ? h("div.problem", problems.get(keyOf(section, item)).join("; ")) : null,
    h("div.buttons", buttons));
}

function reverse() {
  const [, item] = current();
  edit({ subject: item.object, object: item.subject });
}

// ---- dialogs -----------------------------------------------------------------------------------
function ask(title, fields, onSubmit, { submit = "Save" } = {}) {
  const form = h("form.form#wb-form", { method: "dialog" }, h("strong.full", title), fields,
    h("div.full.buttons", h("button#wb-save.primary", { type: "submit" }, submit), " ",
      h("button", { type: "button", onclick: () => dialog.close() }, "Cancel ", h("kbd", "Esc"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    dialog.close();
    onSubmit(values);
  });
  fill(dialog, form);
  dialog.showModal();
  form.querySelector("input, select")?.focus();
}

const field = (label, control) => [h("label", { for: control.id }, label), control];
function select(id, name, options, value) {
  return h(`select#${id}`, { name }, options.map(([v, text]) => h("option", { value: v, selected: v === (value ?? "") }, text)));
}
const entityOptions = (blank) => [...(blank ? [["", "—"]] : []), ...draft.entities.map((e) => [e.id, `${e.name} (${e.id})`])];

async function ensureOntology() {
  ontology = ontology || await call("GET", "ontology");
  return ontology;
}

async function openEdit() {
  const cur = current();
  if (!cur) return;
  const [section, item] = cur;
  const onto = await ensureOntology();
  if (section === "relations") {
    ask(`Edit relation ${item.id}`, [
      field("Type", select("f-type", "type", onto.relations.map((r) => [r.name, r.name]), item.type)),
      field("Subject", select("f-subject", "subject", entityOptions(false), item.subject)),
      field("Object", select("f-object", "object", entityOptions(false), item.object)),
      field("Status", select("f-status", "status", STATUSES.map((s) => [s, s]), item.status)),
      field("Asserted by", select("f-asserted", "asserted_by", entityOptions(true), item.asserted_by)),
      field("Date", h("input#f-date", { name: "date", value: item.date || "", placeholder: "YYYY-MM-DD, YYYY-MM or YYYY" })),
    ], (values) => editIfChanged(item, values));
  } else if (section === "entities") {
    ask(`Edit entity ${item.id}`, [
      field("Name", h("input#f-name", { name: "name", value: item.name })),
      field("Kind", select("f-kind", "kind", onto.kinds.map((k) => [k.name, k.name]), item.kind)),
      field("Aliases", h("input#f-aliases", { name: "aliases", value: (item.aliases || []).join(", "), placeholder: "comma-separated" })),
    ], (values) => editIfChanged(item, { ...values, aliases: values.aliases.split(",").map((s) => s.trim()).filter(Boolean) }));
  } else {
    ask("Edit the document", [
      field("Title", h("input#f-title", { name: "title", value: item.title || "" })),
      field("Publisher", h("input#f-publisher", { name: "publisher", value: item.publisher || "" })),
      field("Published", h("input#f-published", { name: "published", type: "date", value: item.published || "" })),
      field("URL", h("input#f-url", { name: "url", value: item.url || "" })),
    ], (values) => editIfChanged(item, values));
  }
}

/** Save what the form changed; an emptied optional field is removed (null). Nothing changed: accept. */
function editIfChanged(item, values) {
  const out = {};
  for (const [k, v] of Object.entries(values)) {
    const before = item[k] ?? (Array.isArray(v) ? [] : "");
    if (JSON.stringify(before) !== JSON.stringify(v)) out[k] = v === "" || (Array.isArray(v) && !v.length) ? null : v;
  }
  if (!Object.keys(out).length) decide("accept"); // nothing changed: the item is as it should be
  else edit(out);
}

function mergeEntity() {
  const [, item] = current();
  const others = draft.entities.filter((e) => e.id !== item.id).map((e) => [e.id, `${e.name} (${e.id})`]);
  ask(`Merge “${item.name}” into another entity of the draft`, [
    field("Into", select("f-into", "into", others, others[0]?.[0])),
    h("p.help.full", "The two become one entity with the names of both; its relations follow."),
  ], (values) => edit({ id: values.into }), { submit: "Merge" });
}

function linkEntity() {
  const [, item] = current();
  const input = h("input#f-search", { placeholder: "Name or alias", value: item.name, autocomplete: "off" });
  const results = h("ul.results.full#f-results");
  let chosen = null;
  const search = async () => {
    const q = input.value.trim();
    if (!q) return;
    const found = await call("GET", `entities?q=${encodeURIComponent(q)}&limit=8`).catch(() => ({ results: [] }));
    fill(results, found.results.length ? found.results.map((e) => h("li", {
      dataset: { id: e.id }, onclick: (ev) => {
        chosen = e.id;
        results.querySelectorAll("li").forEach((li) => li.classList.toggle("active", li === ev.currentTarget));
      },
    }, `${e.name} · ${e.kind}`, e.aliases?.length ? ` (${e.aliases.slice(0, 3).join(", ")})` : "", ` · ${e.id}`))
      : h("li", "Nothing in the graph has that name or alias."));
  };
  input.addEventListener("input", () => { clearTimeout(input.timer); input.timer = setTimeout(search, 200); });
  ask(`Link “${item.name}” to an entity of the graph`, [field("Search", input), results],
    () => { if (chosen) edit({ id: chosen }); }, { submit: "Link" });
  search();
}

async function addRelation() {
  const span = selectionSpan();
  if (!span) {
    say("Select the relation's quote in the article first, then press n (or Add relation).");
    return;
  }
  const onto = await ensureOntology();
  ask("Add a relation", [
    h("blockquote.full#f-quote", `“${span.text}”`),
    field("Subject", select("f-subject", "subject", entityOptions(false), "")),
    field("Type", select("f-type", "type", onto.relations.map((r) => [r.name, r.name]), "")),
    field("Object", select("f-object", "object", entityOptions(false), "")),
    field("Status", select("f-status", "status", STATUSES.map((s) => [s, s]), "reported")),
    field("Asserted by", select("f-asserted", "asserted_by", entityOptions(true), "")),
  ], (values) => {
    const changes = { ...values, start: span.start, end: span.end };
    if (!changes.asserted_by) delete changes.asserted_by;
    save([{ action: "add", section: "relation", changes }]);
  }, { submit: "Add" });
}

async function addEntity() {
  const span = selectionSpan();
  if (!span) {
    say("Select the entity's name in the article first, then press i (or Add entity).");
    return;
  }
  const onto = await ensureOntology();
  ask("Add an entity", [
    field("Name", h("input#f-name", { name: "name", value: span.text })),
    field("Kind", select("f-kind", "kind", onto.kinds.map((k) => [k.name, k.name]), "")),
  ], (values) => save([{ action: "add", section: "entity", changes: { ...values, start: span.start, end: span.end } }]),
  { submit: "Add" });
}

async function load() {
  if (draft.left) {
    say(`${draft.left} candidates are not decided yet: the facts are loaded when none is left.`);
    return;
  }
  try {
    const outcome = await call("POST", `drafts/${encodeURIComponent(draft.id)}/load`, { version: draft.version });
    location.href = `workbench?document=${encodeURIComponent(outcome.document)}&loaded=${outcome.relations}`;
  } catch (error) {
    sayError(error);
  }
}

function help() {
  ask("Keyboard", [h("div.full", h("dl", [
    ["j / ↓, k / ↑", "next, previous candidate"], ["a", "accept"], ["r", "reject"], ["e", "edit"],
    ["d", "reverse a relation's direction"], ["g", "link an entity to one of the graph"], ["m", "merge an entity into another"],
    ["n", "add a relation from the selected text"], ["i", "add an entity from the selected text"],
    ["u", "undo the last decision"], ["L", "load (when nothing is left)"], ["Esc", "close a dialog"],
  ].map(([k, v]) => [h("dt", h("kbd", k)), h("dd", v)])))], () => {}, { submit: "OK" });
}

// ---- the document view -------------------------------------------------------------------------
async function documentView(id, relation, loaded) {
  const doc = await call("GET", `documents/${encodeURIComponent(id)}`);
  document.title = `intelgraph · ${doc.title}`;
  $("wb-title").textContent = doc.title;
  $("wb-progress").textContent = `${doc.publisher} · ${doc.published}` + ` · ${doc.evidence.length} facts`;
  if (loaded !== null) say(`Loaded: ${loaded} relations of this document are in the graph. Open any of them on a path below.`, { ok: true });
  let focus = relation || "";
  const draw = () => {
    const marks = doc.evidence.map((e) => ({ start: e.start, end: e.end, cls: e.relation === focus ? "focus" : "other",
      key: e.relation }));
    marks.sort((a, b) => (a.cls === "focus") - (b.cls === "focus"));
    const pane = article(doc.text || "", marks, (key) => { focus = key; draw(); });
    const facts = h("div#wb-facts", doc.evidence.map((e) => h(`button.fact.cand${e.relation === focus ? ".focused" : ""}`, {
      dataset: { relation: e.relation }, onclick: () => { focus = e.relation; draw(); },
    }, `${e.subject_name} → ${e.object_name}`, h("span.why", `${e.type} · ${e.status}`),
    h("a.why", { href: `./?from=${encodeURIComponent(e.subject)}&to=${encodeURIComponent(e.object)}&types=${e.type}&edge=${encodeURIComponent(e.edge)}&tab=evidence`,
      onclick: (ev) => ev.stopPropagation() }, "see it on a path"))));
    fill(main, pane, h("section.wb-pane.wb-side", h("div.card",
      h("strong", doc.title), h("div", `${doc.publisher} · ${doc.published}`),
      doc.url ? h("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer" }, doc.url) : null),
    h("h2", "Facts of this document"), facts));
    pane.querySelector(".seg.focus")?.scrollIntoView({ block: "center" });
  };
  draw();
}

// ---- the start: drafts and a new document ------------------------------------------------------
async function home() {
  $("wb-title").textContent = "Workbench: from an article to reviewed facts";
  const list = await call("GET", "drafts").catch((error) => { sayError(error); return { drafts: [] }; });
  const today = new Date().toISOString().slice(0, 10);
  const form = h("form#wb-new-form.form", { novalidate: true },
    h("h2.full", "New document"),
    field("Title", h("input#n-title", { name: "title", required: true })),
    field("Publisher", h("input#n-publisher", { name: "publisher", required: true })),
    field("Published", h("input#n-published", { name: "published", type: "date", required: true, max: today })),
    field("URL", h("input#n-url", { name: "url", type: "url" })),
    h("label.full", { for: "n-text" }, "Text (paste the article)"),
    h("textarea.full#n-text", { name: "text", required: true }),
    h("input#n-file.full", { type: "file", accept: ".txt,text/plain", "aria-label": "Or upload a text file",
      onchange: async (ev) => { const f = ev.target.files[0]; if (f) $("n-text").value = await f.text(); } }),
    h("div.full", h("button#n-draft.primary", { type: "submit" }, "Draft it"),
      h("span.help", " The server drafts it with the project's extractor; you review every candidate next.")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    const missing = ["title", "publisher", "published", "text"].filter((k) => !String(values[k] || "").trim());
    if (missing.length) {
      say(`Required, since nothing is guessed: ${missing.join(", ")}.`);
      return;
    }
    if (!values.url) delete values.url;
    say("Drafting…", { ok: true });
    try {
      const created = await call("POST", "drafts", values);
      location.href = `workbench?draft=${encodeURIComponent(created.id)}`;
    } catch (error) {
      sayError(error);
    }
  });
  fill(main, h("section.wb-pane.wb-new", form), h("section.wb-pane.wb-list",
    h("h2", "Drafts"), list.drafts.length ? h("table", h("tr", h("th", "Draft"), h("th", "Reviewed"), h("th", "")),
      list.drafts.map((d) => h("tr", h("td", h("a", { href: `workbench?draft=${encodeURIComponent(d.id)}` }, d.title || d.id)),
        h("td", `${d.reviewed} of ${d.candidates}`), h("td", d.loaded ? "loaded" : "")))) : h("p.help", "No draft yet.")));
}

// ---- keys --------------------------------------------------------------------------------------
document.addEventListener("keydown", (event) => {
  if (dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
  const facts = $("wb-facts");
  if (facts && (event.key === "j" || event.key === "k")) {
    const buttons = [...facts.querySelectorAll("button")];
    const at = buttons.findIndex((b) => b.classList.contains("focused"));
    buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === "j" ? 1 : -1)))]?.click();
    return;
  }
  if (!draft || draft.loaded) return;
  const cur = current();
  const actions = {
    j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
    a: () => decide("accept"), r: () => decide("reject"), e: openEdit, u: undo, n: addRelation, i: addEntity,
    L: load, "?": help,
    d: () => cur?.[0] === "relations" && reverse(),
    g: () => cur?.[0] === "entities" && linkEntity(),
    m: () => cur?.[0] === "entities" && mergeEntity(),
  };
  const action = actions[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});

// ---- start -------------------------------------------------------------------------------------
const params = new URLSearchParams(location.search);
(async () => {
  try {
    if (params.get("draft")) {
      await reload();
      selectNextOpen("");
      render();
    } else if (params.get("document")) {
      await documentView(params.get("document"), params.get("relation"), params.get("loaded"));
    } else {
      await home();
    }
  } catch (error) {
    sayError(error);
  }
})();
