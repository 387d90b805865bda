// The explore view: open the page on one entity (?node=ID), see its neighbourhood, and expand
// any node by relation type and direction, only its N most relevant neighbours when it is a
// hub (GET /expand ranks them); collapse, pin and hide. The edges drawn are always those the
// filters allow among the entities on screen (GET /subgraph?ids=...), so changing a filter
// makes edges leave or come back. A size guard keeps the scene within MAX_NODES entities and
// says how many neighbours it leaves off screen, instead of freezing the browser.
import { h } from "./dom.js";

export const MAX_NODES = 600; // entities on screen at most; /subgraph?ids= takes them in one URL
export const DEFAULT_LIMIT = 25;

/** "fsb~out~10" -> {id, direction, limit}; the URL's form of one expansion. */
export function parseExpansion(text) {
  const [id, direction, limit] = text.split("~");
  const n = Number.parseInt(limit, 10);
  return { id, direction: ["out", "in"].includes(direction) ? direction : "both",
           limit: Number.isFinite(n) && n >= 1 && n <= 500 ? n : DEFAULT_LIMIT };
}

export function formatExpansion({ id, direction = "both", limit = DEFAULT_LIMIT }) {
  if (direction === "both" && limit === DEFAULT_LIMIT) return id;
  return `${id}~${direction}~${limit}`;
}

export class Explorer {
  /**
   * graph: the GraphView; getJSON: the API; params(): the filter parameters in force;
   * onChange(): called after the scene changed; relations(): the ontology's relation types.
   */
  constructor({ graph, getJSON, params, onChange, relations }) {
    Object.assign(this, { graph, getJSON, params, onChange, relations });
    this.reset();
  }

  reset() {
    this.active = false;
    this.root = "";
    this.nodes = new Map();
    this.edges = new Map();
    this.expanded = new Map(); // id -> {direction, limit, total, children}
    this.hidden = new Set();
    this.pinned = new Set();
    this.notDrawn = 0; // neighbours the size guard left out
    this.choices = new Map(); // id -> the expansion options last chosen in its panel
  }

  /** Start again from one entity. */
  async open(id) {
    this.graph.clear();
    this.reset();
    this.active = true;
    const answer = await this.getJSON("subgraph", { ids: [id], ...this.params() });
    const node = answer.nodes[0];
    this.root = node.id;
    this.nodes.set(node.id, node);
    this.graph.add([node], [], { [node.id]: { x: 0, y: 0 } });
    return node;
  }

  /** Add the `limit` most relevant neighbours of `id` (by `direction`, `type` or every type). */
  async expand(id, { direction = "both", limit = DEFAULT_LIMIT, type = "" } = {}) {
    const params = this.params();
    if (type) {
      params.types = [type];
      delete params.exclude_types;
    }
    const answer = await this.getJSON("expand", { id, direction, limit, ...params });
    const room = Math.max(0, MAX_NODES - this.nodes.size);
    const fresh = answer.neighbours.filter((n) => !this.nodes.has(n.id) && !this.hidden.has(n.id));
    const kept = fresh.slice(0, room);
    this.notDrawn += fresh.length - kept.length;
    const centre = this.graph.positions()[id] || { x: 0, y: 0 };
    const radius = 150 + kept.length * 7;
    const positions = {};
    kept.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, kept.length) - Math.PI / 2;
      positions[n.id] = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
      this.nodes.set(n.id, { id: n.id, name: n.name, kind: n.kind });
    });
    const before = this.expanded.get(id);
    this.expanded.set(id, { direction, limit, type, total: answer.total,
                            shown: answer.neighbours.length, children: [...(before?.children || []), ...kept.map((n) => n.id)] });
    this.graph.add(kept.map((n) => this.nodes.get(n.id)), [], positions);
    this.graph.cy.getElementById(id).addClass("expanded");
    await this.refresh();
  }

  /** Take away what expanding `id` added, but for pinned or expanded entities and the root. */
  collapse(id) {
    const entry = this.expanded.get(id);
    if (!entry) return;
    const gone = entry.children.filter((c) => c !== this.root && !this.pinned.has(c) && !this.expanded.has(c));
    this.expanded.delete(id);
    this.graph.cy.getElementById(id).removeClass("expanded");
    this.drop(gone);
    this.onChange();
  }

  hide(id) {
    if (id === this.root && this.nodes.size === 1) return;
    this.hidden.add(id);
    this.expanded.delete(id);
    this.drop([id]);
    this.onChange();
  }

  pin(id) {
    const on = !this.pinned.has(id);
    if (on) this.pinned.add(id);
    else this.pinned.delete(id);
    this.graph.pin(id, on);
    this.onChange();
  }

  drop(ids) {
    for (const id of ids) this.nodes.delete(id);
    for (const [edgeId, edge] of this.edges) {
      if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) this.edges.delete(edgeId);
    }
    this.graph.remove(ids);
  }

  /** The edges the filters allow among the entities on screen: new ones drawn, the others taken away. */
  async refresh() {
    if (!this.nodes.size) return;
    const answer = await this.getJSON("subgraph", { ids: [...this.nodes.keys()], limit: this.nodes.size,
                                                    ...this.params() });
    const allowed = new Map(answer.edges.map((e) => [e.id, e]));
    const leaving = [...this.edges.keys()].filter((id) => !allowed.has(id));
    this.graph.remove(leaving);
    for (const id of leaving) this.edges.delete(id);
    const arriving = answer.edges.filter((e) => !this.edges.has(e.id));
    for (const edge of answer.edges) this.edges.set(edge.id, edge);
    for (const node of answer.nodes) this.nodes.set(node.id, { ...this.nodes.get(node.id), ...node });
    this.graph.add([], arriving);
    this.onChange();
  }

  /** Neighbours counted but not drawn: the limits of the expansions, and the size guard. */
  offScreen() {
    let off = this.notDrawn;
    for (const entry of this.expanded.values()) off += Math.max(0, entry.total - entry.shown);
    return off;
  }

  /** The scene to keep: entities with positions and pins, and the hidden ones. */
  scene() {
    const positions = this.graph.positions();
    return {
      nodes: [...this.nodes.keys()].map((id) => ({ id, x: Math.round(positions[id]?.x || 0),
                                                   y: Math.round(positions[id]?.y || 0), pinned: this.pinned.has(id) })),
      hidden: [...this.hidden],
    };
  }

  /** Draw a kept scene: its entities where they were, pins, and the edges the filters allow. */
  async load(scene) {
    this.graph.clear();
    this.reset();
    this.active = true;
    const ids = scene.nodes.map((n) => n.id);
    const answer = await this.getJSON("subgraph", { ids, limit: ids.length, ...this.params() });
    const positions = Object.fromEntries(scene.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    for (const node of answer.nodes) this.nodes.set(node.id, node);
    this.root = ids[0];
    for (const id of scene.hidden || []) this.hidden.add(id);
    this.graph.add(answer.nodes, [], positions);
    for (const n of scene.nodes) if (n.pinned && this.nodes.has(n.id)) this.pin(n.id);
    await this.refresh();
  }

  /** The explore controls of one entity, for the evidence panel. */
  actions(id) {
    const direction = h("select#expand-direction", { "aria-label": "Direction" },
      h("option", { value: "both" }, "both ways"), h("option", { value: "out" }, "outgoing"),
      h("option", { value: "in" }, "incoming"));
    const type = h("select#expand-type", { "aria-label": "Relation type" }, h("option", { value: "" }, "every type"),
      this.relations().map((r) => h("option", { value: r.name }, r.name)));
    const limit = h("input#expand-limit", { type: "number", min: 1, max: 500, value: DEFAULT_LIMIT,
                                            "aria-label": "Most neighbours" });
    // The panel is drawn again when details arrive: keep what the analyst chose meanwhile.
    const chosen = this.choices.get(id) || { direction: "both", type: "", limit: DEFAULT_LIMIT };
    direction.value = chosen.direction;
    type.value = chosen.type;
    limit.value = chosen.limit;
    const shown = () => ({ direction: direction.value, type: type.value, limit: Number(limit.value) || DEFAULT_LIMIT });
    const remember = () => {
      const choice = shown();
      this.choices.set(id, choice);
      // Chosen in a panel that was drawn again meanwhile (its details arrived): the new one shows it.
      const live = document.querySelector(`.explore-actions[data-node="${CSS.escape(id)}"]`);
      if (!limit.isConnected && live) {
        live.querySelector("#expand-direction").value = choice.direction;
        live.querySelector("#expand-type").value = choice.type;
        live.querySelector("#expand-limit").value = choice.limit;
      }
    };
    // "input" too: a number typed but not yet committed (no blur, so no "change") is a choice as well.
    for (const control of [direction, type, limit]) {
      for (const event of ["input", "change"]) control.addEventListener(event, remember);
    }
    const entry = this.expanded.get(id);
    return h("div.explore-actions", { "data-node": id },
      h("div.row", h("span", "Expand"), direction, type, h("span", "top"), limit,
        h("button.primary#expand-button", { type: "button",
          onclick: () => this.expandFromPanel(id, this.choices.get(id) || shown()) }, "Expand")),
      h("div.actions",
        entry ? h("button.secondary#collapse-button", { type: "button", onclick: () => this.collapse(id) }, "Collapse") : null,
        h("button.secondary#pin-button", { type: "button", "aria-pressed": this.pinned.has(id) ? "true" : "false",
          onclick: () => this.pin(id) }, this.pinned.has(id) ? "Unpin" : "Pin"),
        h("button.secondary#hide-button", { type: "button", onclick: () => this.hide(id) }, "Hide")),
      entry ? h("p.empty-note", `${entry.shown} of ${entry.total} neighbours drawn` +
        (entry.total > entry.shown ? `; ${entry.total - entry.shown} more off screen.` : ".")) : null);
  }

  async expandFromPanel(id, options) {
    this.onExpand?.(id, options);
  }
}
