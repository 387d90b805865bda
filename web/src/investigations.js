// Investigations: keep the scene on screen (entities, positions, pins, hidden ones, filters)
// with a title and notes on its entities and edges, in Neo4j through /investigations; list,
// reopen, rename, delete, share by link (?inv=ID) and export as JSON, GEXF or STIX 2.1.
import { h, fill, formatDate } from "./dom.js";

export class Investigations {
  /**
   * api: {getJSON, sendJSON, getFile}; scene(): {nodes, hidden}; filters(): the scene's filters
   * (API parameters); view(): the page's query string; onOpen(investigation): draw it;
   * current(id?): the open investigation's id (get, or set); onError(error, retry).
   */
  constructor({ api, scene, filters, view, onOpen, current, onError }) {
    Object.assign(this, { api, scene, filters, view, onOpen, current, onError });
    this.notes = new Map(); // "node:id" | "edge:id" -> text
    this.title = "";
    this.dialog = null;
  }

  /** A text area for the note on an entity or an edge, for the evidence panel. */
  noteBox(kind, id) {
    const key = `${kind}:${id}`;
    const area = h("textarea#note-input", { rows: 3, placeholder: "A note for the investigation…",
      "aria-label": `Note on this ${kind === "node" ? "entity" : "edge"}`,
      oninput: (event) => {
        const text = event.target.value.trim();
        if (text) this.notes.set(key, event.target.value);
        else this.notes.delete(key);
      } });
    area.value = this.notes.get(key) || "";
    return h("div.note-box", h("h3", "Note"), area);
  }

  notesList(present) {
    return [...this.notes.entries()].filter(([key]) => present(key.slice(0, 4), key.slice(5)))
      .map(([key, text]) => ({ kind: key.slice(0, 4), target: key.slice(5), text }));
  }

  body(title, present) {
    const scene = this.scene();
    return { title, scene: { ...scene, filters: this.filters(), view: this.view() }, notes: this.notesList(present) };
  }

  /** Save the scene: over the open investigation, or as a new one (`asNew`). */
  async save(title, present, { asNew = false } = {}) {
    const id = this.current();
    const saved = id && !asNew
      ? await this.api.sendJSON("PUT", `investigations/${encodeURIComponent(id)}`, this.body(title, present))
      : await this.api.sendJSON("POST", "investigations", this.body(title, present));
    this.title = saved.title;
    this.current(saved.id);
    return saved;
  }

  async open(id) {
    const investigation = await this.api.getJSON(`investigations/${encodeURIComponent(id)}`);
    this.notes = new Map(investigation.notes.map((n) => [`${n.kind}:${n.target}`, n.text]));
    this.title = investigation.title;
    this.current(investigation.id);
    await this.onOpen(investigation);
    return investigation;
  }

  link(id) {
    return `${location.origin}${location.pathname}?inv=${encodeURIComponent(id)}`;
  }

  // ---- the dialog ------------------------------------------------------------------------

  show(present) {
    if (!this.dialog) {
      this.dialog = h("dialog#investigations", { "aria-labelledby": "investigations-title" });
      document.body.append(this.dialog);
    }
    this.present = present;
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    this.refreshList();
  }

  render(message = "") {
    const id = this.current();
    const title = h("input#inv-title", { type: "text", placeholder: "Title", value: this.title, "aria-label": "Title",
                                         maxlength: 300 });
    const status = h("p.hint#inv-status", message);
    const save = async (asNew) => {
      if (!title.value.trim()) {
        title.focus();
        return;
      }
      try {
        const saved = await this.save(title.value.trim(), this.present, { asNew });
        this.render(`Saved “${saved.title}”: ${saved.nodes} entities, ${saved.note_count} notes.`);
        this.refreshList();
      } catch (error) {
        status.textContent = `${error.title || "Not saved"}: ${error.text || error}`;
        if (error.needsKey) this.onError(error, () => save(asNew));
      }
    };
    fill(this.dialog,
      h("h2#investigations-title", "Investigations"),
      h("form.inv-save", { onsubmit: (event) => { event.preventDefault(); save(false); } },
        title, h("button.primary#inv-save", { type: "submit" }, id ? "Save" : "Save the scene"),
        id ? h("button.secondary#inv-save-new", { type: "button", onclick: () => save(true) }, "Save as new") : null),
      status,
      id ? h("div.row.inv-share", h("label", { for: "inv-link" }, "Share"),
        h("input#inv-link", { type: "text", readonly: true, value: this.link(id) }),
        h("button.secondary", { type: "button", onclick: () => navigator.clipboard?.writeText(this.link(id)) }, "Copy"))
        : null,
      h("div#inv-list", h("p.empty-note", "Loading the investigations…")),
      h("form", { method: "dialog" }, h("button.secondary", { type: "submit" }, "Close")));
  }

  async refreshList() {
    const list = this.dialog.querySelector("#inv-list");
    try {
      const { investigations } = await this.api.getJSON("investigations");
      fill(list, investigations.length ? h("table.inv-table",
        h("thead", h("tr", h("th", "Title"), h("th", "By"), h("th", "Saved"), h("th", "Entities"), h("th", "Notes"), h("th", ""))),
        h("tbody", investigations.map((inv) => h("tr", { dataset: { id: inv.id } },
          h("td", inv.title), h("td", inv.author || ""), h("td", formatDate(inv.modified || "")),
          h("td.n", String(inv.nodes)), h("td.n", String(inv.note_count)),
          h("td.inv-actions",
            h("button.secondary.inv-open", { type: "button", onclick: async () => {
              this.dialog.close();
              await this.open(inv.id);
            } }, "Open"),
            h("button.link-button.inv-rename", { type: "button", onclick: () => this.rename(inv) }, "Rename"),
            h("button.link-button.inv-delete", { type: "button", onclick: () => this.remove(inv) }, "Delete"),
            ["json", "gexf", "stix"].map((format) => h(`button.link-button.inv-export-${format}`,
              { type: "button", onclick: () => this.download(inv, format) }, format.toUpperCase())))))))
        : h("p.empty-note", "No investigation is kept yet."));
    } catch (error) {
      fill(list, h("p.empty-note", `${error.title || "The list failed"}: ${error.text || error}`));
    }
  }

  async rename(inv) {
    const title = prompt("New title", inv.title);
    if (!title?.trim()) return;
    try {
      await this.api.sendJSON("PATCH", `investigations/${encodeURIComponent(inv.id)}`, { title: title.trim() });
      if (inv.id === this.current()) this.title = title.trim();
      this.render("Renamed.");
      this.refreshList();
    } catch (error) {
      this.onError(error);
    }
  }

  async remove(inv) {
    if (!confirm(`Delete “${inv.title}”?`)) return;
    try {
      await this.api.sendJSON("DELETE", `investigations/${encodeURIComponent(inv.id)}`);
      if (inv.id === this.current()) this.current("");
      this.render("Deleted.");
      this.refreshList();
    } catch (error) {
      this.onError(error);
    }
  }

  async download(inv, format) {
    try {
      const { blob, filename } = await this.api.getFile(`investigations/${encodeURIComponent(inv.id)}/export`, { format });
      const url = URL.createObjectURL(blob);
      const link = h("a", { href: url, download: filename || `${inv.id}.${format}` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    } catch (error) {
      this.onError(error);
    }
  }
}
