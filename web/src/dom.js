// Tiny DOM helpers. Text always goes in as text nodes, never as HTML: names and quotes come
// from news articles and must not be able to inject markup.

/** h("div.cls#id", {attr: value, onclick: fn}, child, [children], "text") */
export function h(tag, attrs, ...children) {
  const [name, ...rest] = tag.split(/(?=[.#])/);
  const el = document.createElement(name || "div");
  for (const part of rest) {
    if (part[0] === ".") el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== "object" || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "class") el.className = value;
    else el.setAttribute(key, value === true ? "" : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const SVG = "http://www.w3.org/2000/svg";

/** Points of a regular polygon in a size×size box, starting at `start` radians. */
function polygon(sides, size, start = -Math.PI / 2, inset = 1) {
  const r = size / 2 - inset;
  return Array.from({ length: sides }, (_, i) => {
    const a = start + (i * 2 * Math.PI) / sides;
    return `${(size / 2 + r * Math.cos(a)).toFixed(1)},${(size / 2 + r * Math.sin(a)).toFixed(1)}`;
  }).join(" ");
}

function star(size) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 ? size * 0.22 : size / 2 - 0.5;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(`${(size / 2 + r * Math.cos(a)).toFixed(1)},${(size / 2 + r * Math.sin(a)).toFixed(1)}`);
  }
  return pts.join(" ");
}

/** A small SVG of a Cytoscape.js node shape, for legends, suggestions and lists. */
export function shapeIcon(shape, color, size = 12) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("aria-hidden", "true");
  let el;
  const s = size;
  switch (shape) {
    case "rectangle":
      el = document.createElementNS(SVG, "rect");
      Object.entries({ x: 1, y: 2, width: s - 2, height: s - 4 }).forEach(([k, v]) => el.setAttribute(k, v));
      break;
    case "round-rectangle": case "tag":
      el = document.createElementNS(SVG, "rect");
      Object.entries({ x: 1, y: 2, width: s - 2, height: s - 4, rx: s / 5 }).forEach(([k, v]) => el.setAttribute(k, v));
      break;
    case "diamond": case "rhomboid":
      el = document.createElementNS(SVG, "polygon");
      el.setAttribute("points", polygon(4, s));
      break;
    case "triangle": case "vee":
      el = document.createElementNS(SVG, "polygon");
      el.setAttribute("points", polygon(3, s, -Math.PI / 2, 0.5));
      break;
    case "pentagon": case "hexagon": case "octagon": {
      const sides = { pentagon: 5, hexagon: 6, octagon: 8 }[shape];
      el = document.createElementNS(SVG, "polygon");
      el.setAttribute("points", polygon(sides, s, shape === "octagon" ? Math.PI / 8 : 0));
      break;
    }
    case "star":
      el = document.createElementNS(SVG, "polygon");
      el.setAttribute("points", star(s));
      break;
    default:
      el = document.createElementNS(SVG, "circle");
      Object.entries({ cx: s / 2, cy: s / 2, r: s / 2 - 1 }).forEach(([k, v]) => el.setAttribute(k, v));
  }
  el.setAttribute("fill", color);
  svg.append(el);
  return svg;
}

/** "WARNED_OF" -> "warned of" */
export function humanType(type) {
  return type.toLowerCase().replace(/_/g, " ");
}

/** "2024-04-03" -> "3 Apr 2024" (dates as analysts read them; no time zone games). */
export function formatDate(iso) {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** The date range of an edge: "3 Apr 2024" or "22 Mar 2024 – 3 Apr 2024". */
export function dateRange(first, last) {
  if (!first && !last) return "";
  if (!last || first === last) return formatDate(first || last);
  return `${formatDate(first)} – ${formatDate(last)}`;
}
