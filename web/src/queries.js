// The saved queries (cypher/queries/, GET /queries) from a menu: their parameters as form
// fields (entities through the same look-up as From and To), the answer as a table, the Cypher
// shown, and the entities the answer names drawn in the explore view.
import { EntityCombo } from "./autocomplete.js";
import { h, fill } from "./dom.js";

export class SavedQueriesMenu {
  /** api: {getJSON, sendJSON}; kindOf(kind); onDraw(ids); onError(error, retry). */
  constructor({ api, kindOf, onDraw, onError }) {
    Object.assign(this, { api, kindOf, onDraw, onError });
    this.queries = null;
    this.dialog = null;
  }

  async show() {
    if (!this.dialog) {
      this.dialog = h("dialog#queries", { "aria-labelledby": "queries-title" });
      document.body.append(this.dialog);
    }
    if (!this.dialog.open) this.dialog.showModal();
    if (!this.queries) {
      fill(this.dialog, h("p.empty-note", "Loading the saved queries…"));
      try {
        this.queries = (await this.api.getJSON("queries")).queries;
      } catch (error) {
        fill(this.dialog, h("p.empty-note", `${error.title || "Failed"}: ${error.text || error}`),
          h("form", { method: "dialog" }, h("button.secondary", { type: "submit" }, "Close")));
        return;
      }
    }
    this.render(this.queries[0]?.name);
  }

  render(name) {
    const query = this.queries.find((q) => q.name === name) || this.queries[0];
    const select = h("select#query-select", { "aria-label": "Saved query", onchange: (e) => this.render(e.target.value) },
      this.queries.map((q) => h("option", { value: q.name, selected: q.name === query.name }, q.title || q.name)));
    const fields = [];
    this.inputs = new Map();
    for (const param of query.params) {
      const id = `query-param-${param.name}`;
      // an entity parameter (the server resolves a name, alias or id) gets the entity look-up
      const entity = param.type === "entity" || (param.type === "string" && /entity id/i.test(param.description || ""));
      const input = h(`input#${id}`, { type: param.type === "integer" || param.type === "number" ? "number" : "text",
        placeholder: param.default !== null && param.default !== undefined ? String(param.default) : (param.required ? "required" : "any"),
        spellcheck: "false", autocomplete: "off", name: param.name });
      let combo = null;
      let list = null;
      if (entity) {
        input.setAttribute("role", "combobox");
        list = h(`ul#${id}-list.suggestions`, { role: "listbox", hidden: true });
        combo = new EntityCombo({ input, list, kindOf: this.kindOf, onPick: () => {}, onSubmit: () => this.run(query),
                                  onError: this.onError });
      }
      this.inputs.set(param.name, { param, input, combo });
      fields.push(h("div.row.query-param", h("label", { for: id, title: param.description || "" }, param.name),
        h("div.combo", input, list), h("small.hint", param.description || "")));
    }
    this.result = h("div#query-result");
    fill(this.dialog,
      h("h2#queries-title", "Saved queries"),
      h("div.row", select),
      h("p.hint", query.description),
      h("form#query-form", { onsubmit: (event) => { event.preventDefault(); this.run(query); } },
        fields, h("div.actions", h("button.primary#query-run", { type: "submit" }, "Run"))),
      this.result,
      h("details.query-cypher", h("summary", "Cypher"), h("pre#query-cypher", query.cypher || "")),
      h("form", { method: "dialog" }, h("button.secondary", { type: "submit" }, "Close")));
  }

  values() {
    const out = {};
    for (const [name, { param, input, combo }] of this.inputs) {
      const raw = combo ? combo.value() : input.value.trim();
      if (!raw) continue;
      out[name] = param.type === "integer" ? Number.parseInt(raw, 10) : param.type === "number" ? Number(raw)
        : param.type === "boolean" ? raw === "true" : raw;
    }
    return out;
  }

  async run(query) {
    fill(this.result, h("p.empty-note", "Running…"));
    try {
      const table = await this.api.sendJSON("POST", `queries/${encodeURIComponent(query.name)}`, { parameters: this.values() });
      this.table = table;
      fill(this.result,
        h("p.hint#query-count", `${table.rows.length} row${table.rows.length === 1 ? "" : "s"}` +
          (table.truncated ? " (cut short)" : "")),
        table.rows.length ? h("div.query-table-wrap", h("table.query-table",
          h("thead", h("tr", table.columns.map((c) => h("th", c)))),
          h("tbody", table.rows.map((row) => h("tr", row.map((cell) => h("td", cell === null ? "" :
            typeof cell === "object" ? JSON.stringify(cell) : String(cell)))))))) : null,
        table.rows.length ? h("button.secondary#query-draw", { type: "button", onclick: () => this.draw() },
          "Draw the entities it names") : null);
    } catch (error) {
      fill(this.result, h("p.empty-note.error", `${error.title || "The query failed"}: ${error.text || error}`));
      if (error.needsKey) this.onError(error, () => this.run(query));
    }
  }

  /** The entities the answer names (cells that are an entity's exact name or id), drawn. */
  async draw() {
    const cells = new Set();
    for (const row of this.table.rows) {
      for (const cell of row) if (typeof cell === "string" && cell.length <= 120) cells.add(cell);
    }
    const found = new Set();
    await Promise.all([...cells].slice(0, 60).map(async (text) => {
      try {
        const { results } = await this.api.getJSON("entities", { q: text, limit: 3 });
        const exact = results.find((r) => r.id === text || r.name.toLowerCase() === text.toLowerCase());
        if (exact) found.add(exact.id);
      } catch { /* a cell that is not a name */ }
    }));
    if (!found.size) {
      this.result.append(h("p.empty-note", "No cell of the answer names an entity."));
      return;
    }
    this.dialog.close();
    this.onDraw([...found]);
  }
}
