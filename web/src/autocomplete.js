// An accessible combobox over GET /entities: names and aliases, arrow keys, Enter, Escape.
import { getJSON } from "./api.js";
import { h, fill, shapeIcon } from "./dom.js";

const DEBOUNCE_MS = 140;

/** The text with the typed words marked, for the suggestion list. */
function marked(text, typed) {
  const words = typed.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  if (!words.length) return [text];
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index + m[1].length;
    parts.push(text.slice(last, start), h("mark", m[2]));
    last = start + m[2].length;
  }
  parts.push(text.slice(last));
  return parts;
}

export class EntityCombo {
  /**
   * input, list: the elements; kindOf(name) → {color, shape}; onPick(entity) when one is chosen;
   * onSubmit() when Enter is pressed with nothing to choose (the typed words go to the API).
   */
  constructor({ input, list, kindOf, onPick, onSubmit, onError }) {
    Object.assign(this, { input, list, kindOf, onPick, onSubmit, onError });
    this.entity = null; // the picked entity {id, name, kind}
    this.results = [];
    this.active = -1;
    this.timer = null;
    this.serial = 0;
    input.addEventListener("input", () => this.typed());
    input.addEventListener("keydown", (event) => this.key(event));
    input.addEventListener("focus", () => { if (this.results.length && !this.entity) this.open(); });
    input.addEventListener("blur", () => setTimeout(() => this.close(), 120));
    list.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus in the input
  }

  /** Show an entity as picked (from the URL, a swap, a click on the graph). */
  set(entity, text) {
    this.entity = entity;
    this.input.value = entity ? entity.name : text || "";
    this.input.classList.toggle("picked", Boolean(entity));
    this.input.removeAttribute("aria-invalid");
    this.results = [];
    this.close();
  }

  /** What to send as from/to: the picked id, else the words typed. */
  value() {
    return this.entity ? this.entity.id : this.input.value.trim();
  }

  typed() {
    this.entity = null;
    this.input.classList.remove("picked");
    this.input.removeAttribute("aria-invalid");
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (!text) {
      this.results = [];
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.fetch(text), DEBOUNCE_MS);
  }

  async fetch(text) {
    const serial = ++this.serial;
    try {
      const data = await getJSON("entities", { q: text, limit: 8 });
      if (serial !== this.serial || this.input.value.trim() !== text) return; // a later keystroke won
      this.results = data.results;
      this.active = this.results.length ? 0 : -1;
      this.render(text);
      this.open();
    } catch (error) {
      if (serial === this.serial) {
        this.results = [];
        this.close();
        this.onError?.(error);
      }
    }
  }

  render(text) {
    if (!this.results.length) {
      fill(this.list, h("li.empty", { role: "option", "aria-disabled": "true" },
        `No entity is called “${text}”, nor has it as an alias.`));
      return;
    }
    fill(this.list, this.results.map((entity, i) => {
      const kind = this.kindOf(entity.kind);
      const typed = text.toLowerCase();
      const alias = entity.name.toLowerCase().includes(typed) ? null
        : entity.aliases.find((a) => a.toLowerCase() === typed) || entity.aliases.find((a) => a.toLowerCase().includes(typed));
      const meta = [entity.kind, alias ? `alias “${alias}”` : entity.aliases.length ? `also ${entity.aliases.slice(0, 2).join(", ")}` : "",
        `${entity.degree} edge${entity.degree === 1 ? "" : "s"}`].filter(Boolean).join(" · ");
      return h("li", {
        id: `${this.list.id}-${i}`, role: "option", "aria-selected": i === this.active ? "true" : "false",
        dataset: { id: entity.id }, onclick: () => this.pick(i),
      }, shapeIcon(kind.shape, kind.color, 12), h("span.name", { title: entity.name }, marked(entity.name, text)),
      h("span.meta", meta));
    }));
    this.input.setAttribute("aria-activedescendant", this.active >= 0 ? `${this.list.id}-${this.active}` : "");
  }

  open() {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  move(step) {
    if (!this.results.length) return;
    if (this.list.hidden) this.open();
    this.active = (this.active + step + this.results.length) % this.results.length;
    [...this.list.children].forEach((li, i) => li.setAttribute("aria-selected", i === this.active ? "true" : "false"));
    this.input.setAttribute("aria-activedescendant", `${this.list.id}-${this.active}`);
    this.list.children[this.active]?.scrollIntoView({ block: "nearest" });
  }

  pick(i) {
    const entity = this.results[i];
    if (!entity) return;
    this.set({ id: entity.id, name: entity.name, kind: entity.kind });
    this.onPick(this.entity);
  }

  key(event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      this.move(1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      this.move(-1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!this.list.hidden && this.active >= 0 && !this.entity) this.pick(this.active);
      else {
        this.close();
        this.onSubmit();
      }
    } else if (event.key === "Escape") {
      if (!this.list.hidden) {
        event.stopPropagation();
        this.close();
      } else {
        this.input.blur();
      }
    } else if (event.key === "Tab" && !this.list.hidden && this.active >= 0 && !this.entity) {
      this.pick(this.active); // Tab accepts the highlighted suggestion, then moves on
    }
  }
}
