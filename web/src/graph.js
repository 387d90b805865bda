// The graph canvas: Cytoscape.js, styled from the ontology (kind → colour and shape) and
// laid out left to right, From at the left and To at the right, one column per step.
import cytoscape from "cytoscape";

const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';
const NODE_SIZE = 30;
const COLUMN = 175;
const ROW = 124;
const LABEL_MAX = 48;
const CROWD = 1500; // elements on screen past which the explore view draws the cheap way // characters of a node's name on the canvas; the panels show it whole
export const STATUS_COLOR = { reported: "#6b7280", claimed: "#b45309", denied: "#c81e1e" };

function style() {
  return [
    {
      selector: "node",
      style: {
        "background-color": "data(color)",
        shape: "data(shape)",
        width: "data(size)",
        height: "data(size)",
        "border-width": 2,
        "border-color": "#ffffff",
        label: "data(label)",
        "font-family": FONT,
        "font-size": 12,
        "font-weight": 500,
        color: "#1f2933",
        "text-valign": "bottom",
        "text-halign": "center",
        "text-margin-y": 6,
        "text-wrap": "wrap",
        "text-max-width": 140,
        "text-background-color": "#f8f9fb",
        "text-background-opacity": 0.9,
        "text-background-padding": 2,
        "text-background-shape": "roundrectangle",
        "overlay-padding": 6,
        "transition-property": "width, height, opacity",
        "transition-duration": 200,
      },
    },
    {
      selector: "node.endpoint",
      style: { "border-width": 3, "border-color": "#2563eb", "font-weight": 700, "font-size": 12.5 },
    },
    {
      selector: "edge",
      style: {
        width: 1.8,
        "curve-style": "bezier",
        "control-point-step-size": 46,
        "line-color": STATUS_COLOR.reported,
        "target-arrow-color": STATUS_COLOR.reported,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.85,
        label: "data(label)",
        "font-family": FONT,
        "font-size": 10,
        "font-weight": 600,
        color: "#374151",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 1,
        "text-background-padding": 2.5,
        "text-background-shape": "roundrectangle",
        "text-border-width": 1,
        "text-border-color": "#e2e5ea",
        "text-border-opacity": 1,
        "text-events": "yes",
        "overlay-padding": 5,
      },
    },
    { selector: "edge[?symmetric]", style: { "target-arrow-shape": "none" } },
    // A steep edge keeps its label level, beside the line rather than across it.
    { selector: "edge.steep", style: { "text-rotation": "none", "text-margin-x": "data(labelShift)" } },
    { selector: "edge.sloped", style: { "text-margin-x": "data(labelShift)" } },
    {
      selector: "edge.bent",
      style: { "curve-style": "unbundled-bezier", "control-point-distances": "data(bend)", "control-point-weights": 0.5 },
    },
    {
      selector: "edge.claimed",
      style: {
        "line-style": "dashed",
        "line-dash-pattern": [7, 5],
        "line-color": STATUS_COLOR.claimed,
        "target-arrow-color": STATUS_COLOR.claimed,
        color: "#92400e",
        "text-border-color": "#f6d7a7",
      },
    },
    {
      selector: "edge.denied",
      style: {
        "line-style": "dotted",
        width: 2.4,
        "line-color": STATUS_COLOR.denied,
        "target-arrow-color": STATUS_COLOR.denied,
        "target-arrow-shape": "tee",
        "mid-target-arrow-shape": "none",
        color: "#991b1b",
        "text-border-color": "#f5b5b5",
        "text-background-color": "#fff5f5",
      },
    },
    { selector: "edge.disputed", style: { "source-arrow-shape": "none" } },
    {
      selector: "edge:selected",
      style: {
        width: 3.6,
        "line-color": "#2563eb",
        "target-arrow-color": "#2563eb",
        color: "#1e40af",
        "text-border-color": "#2563eb",
        "z-index": 20,
      },
    },
    { selector: "node:selected", style: { "border-color": "#2563eb", "border-width": 4, "z-index": 20 } },
    { selector: ".faded", style: { opacity: 0.16 } },
    { selector: "node.crowd", style: { label: "", "text-background-opacity": 0, "transition-duration": 0,
                                       "border-width": 0 } },
    { selector: "edge.crowd", style: { "curve-style": "haystack", "haystack-radius": 0, label: "", width: 1,
                                       "target-arrow-shape": "none" } },
    { selector: "node.pinned", style: { "border-style": "double", "border-width": 5, "border-color": "#111827" } },
    { selector: "node.expanded", style: { "border-color": "#2563eb", "border-width": 3 } },
  ];
}

/** The relation type; a denial gets a cross (its line is dotted red, a claim's dashed amber). */
function edgeLabel(edge) {
  return edge.status === "denied" ? `✕ ${edge.type}` : edge.type;
}

function distances(adjacent, start) {
  const dist = new Map([[start, 0]]);
  const queue = [start];
  while (queue.length) {
    const id = queue.shift();
    for (const next of adjacent.get(id) || []) {
      if (!dist.has(next)) {
        dist.set(next, dist.get(id) + 1);
        queue.push(next);
      }
    }
  }
  return dist;
}

/**
 * Positions for the union of the paths: From at the left, To at the right, one column per
 * step of the shortest path. A node's column is how far along it lies, d(From, n) against
 * d(n, To), so the nodes of longer paths fall between those of the shortest one instead of
 * stretching the picture. Within a column, nodes are ordered by the mean row of their
 * neighbours (sweeps in both directions), which keeps crossings few.
 */
export function layered(paths, fromId, toId, { column = COLUMN, row = ROW } = {}) {
  const first = new Map(); // id -> [path index, position]: a stable initial order
  const adjacent = new Map();
  const link = (a, b) => {
    if (!adjacent.has(a)) adjacent.set(a, new Set());
    adjacent.get(a).add(b);
  };
  paths.forEach((path, p) => {
    path.nodes.forEach((node, i) => {
      if (!first.has(node.id)) first.set(node.id, [p, i]);
      if (!adjacent.has(node.id)) adjacent.set(node.id, new Set());
      if (i > 0) {
        link(path.nodes[i - 1].id, node.id);
        link(node.id, path.nodes[i - 1].id);
      }
    });
  });
  const ids = [...first.keys()];
  const fromStart = distances(adjacent, fromId);
  const fromEnd = distances(adjacent, toId);
  const inner = ids.filter((id) => id !== fromId && id !== toId);
  const shortest = fromStart.get(toId) ?? Math.max(1, ...paths.map((p) => p.edges.length));
  const gaps = inner.length ? Math.max(shortest, 2) : shortest;
  const col = new Map();
  for (const id of ids) {
    if (id === fromId) col.set(id, 0);
    else if (id === toId) col.set(id, gaps);
    else {
      const a = fromStart.get(id) ?? 1;
      const b = fromEnd.get(id) ?? 1;
      col.set(id, Math.min(gaps - 1, Math.max(1, Math.round((gaps * a) / (a + b)))));
    }
  }
  const columns = Array.from({ length: gaps + 1 }, () => []);
  for (const id of ids) columns[col.get(id)].push(id);
  const rowOf = new Map();
  const place = (list) => list.forEach((id, i) => rowOf.set(id, i - (list.length - 1) / 2));
  for (const list of columns) {
    list.sort((a, b) => first.get(a)[0] - first.get(b)[0] || first.get(a)[1] - first.get(b)[1]);
    place(list);
  }
  const sweep = (order) => {
    for (const c of order) {
      const list = columns[c];
      if (list.length < 2) continue;
      const keyed = list.map((id) => {
        const others = [...adjacent.get(id)].filter((n) => col.get(n) !== c);
        const centre = others.length ? others.reduce((sum, n) => sum + rowOf.get(n), 0) / others.length : rowOf.get(id);
        return [id, centre];
      });
      keyed.sort((a, b) => a[1] - b[1] || first.get(a[0])[0] - first.get(b[0])[0]);
      columns[c] = keyed.map(([id]) => id);
      place(columns[c]);
    }
  };
  const forward = columns.map((_, c) => c);
  for (let round = 0; round < 3; round++) {
    sweep(forward);
    sweep([...forward].reverse());
  }
  const positions = {};
  for (const id of ids) positions[id] = { x: col.get(id) * column, y: rowOf.get(id) * row };
  return positions;
}

/**
 * Bends for edges whose straight line would run through another node: the control-point
 * distance (for Cytoscape's unbundled-bezier) that takes the edge round it, or null.
 */
export function bends(edges, positions, clearance = 30) {
  const out = new Map();
  for (const edge of edges) {
    const s = positions[edge.source];
    const t = positions[edge.target];
    if (!s || !t) continue;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const length2 = dx * dx + dy * dy;
    if (!length2) continue;
    let worst = null;
    for (const [id, p] of Object.entries(positions)) {
      if (id === edge.source || id === edge.target) continue;
      const u = ((p.x - s.x) * dx + (p.y - s.y) * dy) / length2;
      if (u <= 0.05 || u >= 0.95) continue;
      const cross = (dx * (p.y - s.y) - dy * (p.x - s.x)) / Math.sqrt(length2); // signed distance
      if (Math.abs(cross) < clearance && (!worst || Math.abs(cross) < Math.abs(worst))) worst = cross || 0.001;
    }
    // Cytoscape measures the distance to the right of source → target in screen coordinates
    // (y down), which is the negative side of `cross`: bow away from the node.
    if (worst !== null) out.set(edge.id, worst > 0 ? -(clearance + 34) : clearance + 34);
  }
  return out;
}

export class GraphView {
  constructor(container, { onEdge, onNode, onBackground }) {
    this.kinds = new Map();
    this.relations = new Map();
    this.cy = cytoscape({
      container,
      style: style(),
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      selectionType: "single",
      autoungrabify: false,
    });
    this.cy.on("tap", "edge", (event) => onEdge(event.target.id()));
    this.cy.on("tap", "node", (event) => onNode(event.target.id()));
    this.cy.on("tap", (event) => {
      if (event.target === this.cy) onBackground();
    });
    this.cy.on("mouseover", "edge, node", () => { container.style.cursor = "pointer"; });
    this.cy.on("mouseout", "edge, node", () => { container.style.cursor = ""; });
    let resizeTimer = null;
    new ResizeObserver(() => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        this.cy.resize();
        if (this.cy.elements().length) this.fit();
      }, 120);
    }).observe(container);
  }

  setOntology(ontology) {
    this.kinds = new Map(ontology.kinds.map((k) => [k.name, k]));
    this.relations = new Map(ontology.relations.map((r) => [r.name, r]));
  }

  kind(name) {
    return this.kinds.get(name) || { name, color: "#9aa3af", shape: "ellipse", description: "" };
  }

  /** Draw the union of the paths; returns the elements' data for lists and exports. */
  show(result) {
    const cy = this.cy;
    const nodes = new Map();
    const edges = new Map();
    for (const path of result.paths) {
      for (const node of path.nodes) nodes.set(node.id, node);
      for (const edge of path.edges) edges.set(edge.id, edge);
    }
    // Columns as wide as the canvas allows, within bounds.
    const width = this.cy.width() || 700;
    const gapsGuess = Math.max(1, ...result.paths.map((p) => p.edges.length));
    const column = Math.round(Math.min(240, Math.max(COLUMN, (width - 190) / Math.min(gapsGuess, 4))));
    const positions = layered(result.paths, result.from.id, result.to.id, { column });
    const bent = bends([...edges.values()], positions);
    const elements = [];
    for (const node of nodes.values()) {
      const kind = this.kind(node.kind);
      const label = node.name.length > LABEL_MAX ? `${node.name.slice(0, LABEL_MAX - 1).trimEnd()}…` : node.name;
      elements.push({
        group: "nodes",
        data: { id: node.id, label, name: node.name, kind: node.kind, color: kind.color, shape: kind.shape, size: NODE_SIZE },
        position: positions[node.id],
        classes: node.id === result.from.id || node.id === result.to.id ? "endpoint" : "",
      });
    }
    const disputedIds = new Set();
    for (const edge of edges.values()) for (const id of edge.denies || []) disputedIds.add(id);
    for (const edge of edges.values()) {
      const rel = this.relations.get(edge.type);
      const s = positions[edge.source];
      const t = positions[edge.target];
      const steep = s && t && Math.abs(t.x - s.x) < Math.abs(t.y - s.y) * 0.6;
      const text = edgeLabel(edge);
      elements.push({
        group: "edges",
        data: { id: edge.id, source: edge.source, target: edge.target, label: text, type: edge.type,
                status: edge.status, symmetric: Boolean(rel?.symmetric) },
        classes: [edge.status, edge.disputed_by?.length || disputedIds.has(edge.id) ? "disputed" : "",
                  bent.has(edge.id) ? "bent" : "", steep ? "steep" : ""].join(" "),
      });
      // Bold 10px capitals are about 6.6px wide: shift a steep edge's label clear of its line.
      if (steep) elements[elements.length - 1].data.labelShift = Math.round(text.length * 3.3 + 8);
      // A sloping edge runs through the label under its upper end: slide its own label along
      // the line towards the lower end (margins of autorotated labels follow the line).
      else if (s && t && Math.abs(t.y - s.y) > 20) {
        const towardTarget = t.y > s.y ? 1 : -1;
        const sign = t.x >= s.x ? towardTarget : -towardTarget;
        elements[elements.length - 1].data.labelShift = sign * Math.min(36, Math.round(text.length * 2));
        elements[elements.length - 1].classes += " sloped";
      }
      if (bent.has(edge.id)) elements[elements.length - 1].data.bend = bent.get(edge.id);
    }
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    cy.layout({ name: "preset", fit: false }).run();
    this.fit();
    return { nodes, edges };
  }

  clear() {
    this.cy.elements().remove();
  }

  fit() {
    if (this.cy.elements().length > CROWD) return this.fitPositions();
    const n = this.cy.nodes().length;
    this.cy.fit(undefined, n <= 2 ? 120 : 56);
    if (this.cy.zoom() > 1.15) {
      this.cy.zoom(1.15);
      this.cy.center();
    }
  }

  /** Fit a crowded scene from the nodes' positions alone: Cytoscape's bounding boxes of 5,000 elements took 1.5 s. */
  fitPositions(padding = 40) {
    const cy = this.cy;
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    cy.nodes().forEach((n) => {
      const p = n.position();
      x1 = Math.min(x1, p.x); y1 = Math.min(y1, p.y); x2 = Math.max(x2, p.x); y2 = Math.max(y2, p.y);
    });
    const zoom = Math.max(cy.minZoom(), Math.min(1.15, (cy.width() - 2 * padding) / Math.max(1, x2 - x1),
                                                 (cy.height() - 2 * padding) / Math.max(1, y2 - y1)));
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * (x1 + x2) / 2, y: cy.height() / 2 - zoom * (y1 + y2) / 2 } });
  }

  zoom(factor) {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  select(id) {
    const cy = this.cy;
    cy.elements().unselect();
    cy.elements().removeClass("faded");
    if (!id) return;
    const el = cy.getElementById(id);
    if (el.empty()) return;
    el.select();
  }

  /** Fade everything but one path (or nothing: null). */
  highlightPath(path) {
    const cy = this.cy;
    cy.elements().removeClass("faded");
    if (!path) return;
    const keep = new Set([...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)]);
    cy.elements().filter((el) => !keep.has(el.id())).addClass("faded");
  }

  /** Node size by score (a map id → score); null puts every node back to the same size. */
  sizeBy(scores) {
    const cy = this.cy;
    if (!scores) {
      cy.nodes().forEach((n) => n.data("size", NODE_SIZE));
      return;
    }
    const values = cy.nodes().map((n) => scores.get(n.id()) ?? 0);
    const max = Math.max(...values, 0);
    cy.nodes().forEach((n) => {
      const s = scores.get(n.id()) ?? 0;
      n.data("size", max > 0 ? 16 + 44 * Math.sqrt(s / max) : NODE_SIZE);
    });
  }

  /** Pan to an element only when it is not already fully in view. */
  reveal(id) {
    const el = this.cy.getElementById(id);
    if (el.empty()) return;
    const box = el.renderedBoundingBox();
    const inside = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= this.cy.width() && box.y2 <= this.cy.height();
    if (!inside) this.cy.animate({ center: { eles: el } }, { duration: 200 });
  }

  has(id) {
    return !this.cy.getElementById(id).empty();
  }

  // ---- the explore view (web/src/explore.js): a scene built up a few nodes at a time ----------

  /** Add entities at `positions` (id -> {x, y}) and edges among what is drawn; returns how many were new. */
  add(nodes, edges, positions = {}) {
    const cy = this.cy;
    const elements = [];
    for (const node of nodes) {
      if (this.has(node.id)) continue;
      const kind = this.kind(node.kind);
      const label = node.name.length > LABEL_MAX ? `${node.name.slice(0, LABEL_MAX - 1).trimEnd()}…` : node.name;
      elements.push({ group: "nodes", position: positions[node.id] || { x: 0, y: 0 },
        data: { id: node.id, label, name: node.name, kind: node.kind, color: kind.color, shape: kind.shape,
                size: NODE_SIZE } });
    }
    const added = new Set(elements.map((e) => e.data.id));
    const present = (id) => added.has(id) || this.has(id);
    for (const edge of edges) {
      // An edge whose end left the scene meanwhile (hidden, collapsed, cleared) is not drawn.
      if (this.has(edge.id) || !present(edge.source) || !present(edge.target)) continue;
      const rel = this.relations.get(edge.type);
      elements.push({ group: "edges",
        data: { id: edge.id, source: edge.source, target: edge.target, label: edgeLabel(edge), type: edge.type,
                status: edge.status, symmetric: Boolean(rel?.symmetric) },
        classes: [edge.status, edge.disputed_by?.length ? "disputed" : ""].join(" ") });
    }
    cy.batch(() => {
      cy.add(elements);
      // Past CROWD elements the canvas draws the cheap way (class `crowd`, see style()): straight
      // edges without labels, node names only when zoomed in. 5,000 elements drawn the full way
      // took 11 s and froze the page for 8 s in Chromium; measured in tests/web/explore.mjs.
      const crowded = cy.elements().length > CROWD;
      if (crowded) cy.elements().addClass("crowd");
      else cy.elements(".crowd").removeClass("crowd");
    });
    return elements.length;
  }

  /** Remove elements by id (a node takes its edges with it). */
  remove(ids) {
    const cy = this.cy;
    cy.batch(() => {
      for (const id of ids) cy.getElementById(id).remove();
    });
  }

  /** Where each node is now: id -> {x, y}. */
  positions() {
    const out = {};
    this.cy.nodes().forEach((n) => { out[n.id()] = { ...n.position() }; });
    return out;
  }

  /** Pin a node where it is (it can no longer be dragged), or let it go. */
  pin(id, on) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    if (on) node.lock().addClass("pinned");
    else node.unlock().removeClass("pinned");
  }
}
