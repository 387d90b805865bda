// The evidence filters as page controls: minimum grade, claims and denials (shown, hidden or
// only they), the graph as known on a day (as-of), the time the events happened (a range, with
// a timeline slider) and the publishers (a multi-select filled from GET /sources). They are the
// API's own filter parameters (min_grade, claims, as_of, during, publishers: graph/filters.py),
// kept in the URL as grade, claims, asof, during and publishers, and sent with every request
// that takes a filter: paths, expansion, the explore view's edges, centrality and the export.
import { h } from "./dom.js";

const DAY = 86_400_000;
const RELIABILITY = [["", "any"], ["A", "A · completely reliable"], ["B", "B · usually reliable"],
  ["C", "C · fairly reliable"], ["D", "D · not usually reliable"], ["E", "E · unreliable"]];
const CREDIBILITY = [["", "any"], ["1", "1 · confirmed"], ["2", "2 · probably true"], ["3", "3 · possibly true"],
  ["4", "4 · doubtful"], ["5", "5 · improbable"]];
const CLAIMS = [["shown", "shown"], ["hidden", "hidden"], ["only", "only these"]];

/** The filter parameters of the API for a page state. */
export function evidenceParams(state) {
  const params = {};
  if (state.grade) params.min_grade = state.grade;
  if (state.claims && state.claims !== "shown") params.claims = state.claims;
  if (state.publishers?.length) params.publishers = state.publishers;
  if (state.asof) params.as_of = state.asof;
  if (state.during) params.during = state.during;
  return params;
}

/** Words for the filters in force, for the summary line. */
export function evidenceWords(state) {
  const words = [];
  if (state.grade) words.push(`grade ${state.grade} or better`);
  if (state.claims === "hidden") words.push("claims hidden");
  if (state.claims === "only") words.push("only claims and denials");
  if (state.publishers?.length) words.push(`reported by ${state.publishers.join(", ")}`);
  if (state.asof) words.push(`as known on ${state.asof}`);
  if (state.during) words.push(`happened ${state.during.replace("..", " to ") || "any time"}`);
  return words;
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const ms = (day) => Date.parse(`${day}T00:00:00Z`);

export class EvidenceFilters {
  /** Controls in `container`; `onChange(patch)` gets {grade, claims, asof, during, publishers} when the analyst
   * changes one. */
  constructor(container, onChange) {
    this.onChange = onChange;
    this.span = [ms("2020-01-01"), ms(iso(Date.now()))];
    const select = (id, options, label) => h(`select#${id}`, { "aria-label": label },
      options.map(([value, text]) => h("option", { value }, text)));
    this.reliability = select("grade-reliability", RELIABILITY, "Minimum source reliability");
    this.credibility = select("grade-credibility", CREDIBILITY, "Minimum information credibility");
    this.claims = select("claims-input", CLAIMS, "Claims and denials");
    this.claims.title = "Claimed and denied edges: shown with the reported ones, hidden, or only these (c)";
    this.publishers = h("select#publishers-input", { multiple: true, size: 3, "aria-label": "Publishers" });
    this.publishers.title = "Only edges these publishers report, and only their quotes (none chosen: every publisher)";
    this.asof = h("input#asof-input", { type: "date", "aria-label": "As known on" });
    this.start = h("input#during-start", { type: "date", "aria-label": "Happened from" });
    this.end = h("input#during-end", { type: "date", "aria-label": "Happened until" });
    this.slideStart = h("input#timeline-start", { type: "range", min: 0, max: 1000, value: 0, "aria-label": "Timeline start" });
    this.slideEnd = h("input#timeline-end", { type: "range", min: 0, max: 1000, value: 1000, "aria-label": "Timeline end" });
    this.timeline = h("div.timeline", this.slideStart, this.slideEnd);
    this.note = h("p.hint#timeline-note");
    container.append(h("section.group#evidence-filters",
      h("h2", "Evidence ", h("button.link-button#filters-reset", { type: "button", onclick: () => this.reset() }, "Reset")),
      h("div.row", h("label", { for: "grade-reliability" }, "Grade ≥"), this.reliability, this.credibility),
      h("div.row", h("label", { for: "claims-input" }, "Claims"), this.claims),
      h("div.row", h("label", { for: "publishers-input" }, "Publishers"), this.publishers),
      h("div.row", h("label", { for: "asof-input" }, "As of"), this.asof),
      h("div.row", h("label", { for: "during-start" }, "Happened"), this.start, h("span", "–"), this.end),
      this.timeline, this.note));
    const grade = () => this.onChange({ grade: `${this.reliability.value}${this.credibility.value}` });
    this.reliability.addEventListener("change", grade);
    this.credibility.addEventListener("change", grade);
    this.claims.addEventListener("change", () => this.onChange({ claims: this.claims.value }));
    this.publishers.addEventListener("change", () => this.onChange({
      publishers: [...this.publishers.selectedOptions].map((option) => option.value) }));
    this.asof.addEventListener("change", () => this.onChange({ asof: this.asof.value }));
    const during = () => this.onChange({ during: this.start.value || this.end.value
      ? `${this.start.value}..${this.end.value}` : "" });
    this.start.addEventListener("change", during);
    this.end.addEventListener("change", during);
    for (const slider of [this.slideStart, this.slideEnd]) {
      slider.addEventListener("input", () => this.slid(false));
      slider.addEventListener("change", () => this.slid(true));
    }
  }

  /** The publishers to choose from (GET /sources: every publisher of a loaded document). */
  setPublishers(names, state) {
    const chosen = new Set(state.publishers || []);
    // A publisher kept in a link but no longer loaded stays listed, so that it can be unchosen.
    const all = [...new Set([...names, ...chosen])].sort((a, b) => a.localeCompare(b));
    this.publishers.replaceChildren(...all.map((name) => h("option", { value: name }, name)));
    this.publishers.size = Math.min(Math.max(all.length, 2), 6);
    this.apply(state);
  }

  /** The next claims choice (the c key): shown, hidden, only, shown... */
  cycleClaims(state) {
    const values = CLAIMS.map(([value]) => value);
    this.onChange({ claims: values[(values.indexOf(state.claims) + 1) % values.length] });
  }

  /** The days the timeline covers: the event dates of what is drawn, a little widened. */
  setSpan(days) {
    const known = days.filter(Boolean).map(ms).filter(Number.isFinite);
    if (known.length) this.span = [Math.min(...known) - 7 * DAY, Math.max(...known) + 7 * DAY];
    this.placeSliders();
  }

  slid(done) {
    const [low, high] = this.span;
    let a = Number(this.slideStart.value);
    let b = Number(this.slideEnd.value);
    if (a > b) [a, b] = [b, a];
    const day = (v) => iso(low + ((high - low) * v) / 1000);
    this.start.value = a > 0 ? day(a) : "";
    this.end.value = b < 1000 ? day(b) : "";
    this.note.textContent = this.start.value || this.end.value
      ? `Events from ${this.start.value || "the start"} to ${this.end.value || "the end"}` : "";
    if (done) this.onChange({ during: this.start.value || this.end.value ? `${this.start.value}..${this.end.value}` : "" });
  }

  placeSliders() {
    const [low, high] = this.span;
    const at = (day, fallback) => (day ? Math.round(Math.min(1000, Math.max(0, ((ms(day) - low) / (high - low)) * 1000)))
      : fallback);
    this.slideStart.value = at(this.start.value, 0);
    this.slideEnd.value = at(this.end.value, 1000);
  }

  /** Show a page state's filters in the controls. */
  apply(state) {
    const m = /^([A-F]?)([1-6]?)$/.exec(state.grade || "") || ["", "", ""];
    this.reliability.value = m[1];
    this.credibility.value = m[2];
    this.claims.value = state.claims || "shown";
    const chosen = new Set(state.publishers || []);
    for (const option of this.publishers.options) option.selected = chosen.has(option.value);
    this.asof.value = state.asof || "";
    const [start, end] = (state.during || "..").split("..");
    this.start.value = start || "";
    this.end.value = end || "";
    this.note.textContent = state.during ? `Events from ${start || "the start"} to ${end || "the end"}` : "";
    this.placeSliders();
  }

  reset() {
    this.onChange({ grade: "", claims: "shown", asof: "", during: "", publishers: [] });
  }
}
