// The page's state, all of it in the URL's query string: a link reopens the same view.
//
//   from, to       entity ids (or the words typed, when no entity was picked)
//   mode, k, hops  which paths: shortest | all_shortest | k_shortest, k, max hops
//   types / xtypes relation types to follow / to leave out (whichever list is shorter)
//   claims         hidden | only: claimed and denied edges left out, or only they (hide, from older
//                  links, is hidden);  directed=1  follow edge direction
//   tab            paths | evidence | centrality;  edge / node  what the evidence panel shows
//   measure, kind  the centrality ranking;  size=1  node size by that measure
//   grade, asof, during   the evidence filters: minimum grade (B2), the graph as known on a day,
//                  event time overlapping START..END (web/src/filters.js)
//   publishers     only edges those publishers report (repeated: publishers=A&publishers=B,
//                  since a name may hold a comma)
//   expand         explore view: the entities expanded, in order, each id[~direction[~limit]]
//                  (?node=ID alone opens the view on one entity);  hide  entities hidden
//   inv            the investigation open (web/src/investigations.js)

export const DEFAULTS = Object.freeze({
  from: "", to: "", mode: "shortest", k: 3, hops: 6, types: [], xtypes: [], claims: "shown",
  directed: false, tab: "paths", edge: "", node: "", measure: "pagerank", kind: "", size: false,
  grade: "", asof: "", during: "", publishers: [], expand: [], hide: [], inv: "",
});
const CLAIMS = { shown: "shown", hidden: "hidden", only: "only", hide: "hidden" };

const MODES = ["shortest", "all_shortest", "k_shortest"];
const TABS = ["paths", "evidence", "centrality"];
const MEASURES = ["degree", "pagerank", "betweenness", "eigenvector", "closeness"];

function intIn(text, low, high, fallback) {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n >= low && n <= high ? n : fallback;
}

function list(text) {
  return (text || "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** The state a query string describes; anything malformed falls back to its default. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const pick = (key, allowed) => (allowed.includes(p.get(key)) ? p.get(key) : DEFAULTS[key]);
  return {
    from: (p.get("from") || "").trim(),
    to: (p.get("to") || "").trim(),
    mode: pick("mode", MODES),
    k: intIn(p.get("k"), 1, 20, DEFAULTS.k),
    hops: intIn(p.get("hops"), 1, 10, DEFAULTS.hops),
    types: list(p.get("types")),
    xtypes: list(p.get("xtypes")),
    claims: Object.hasOwn(CLAIMS, p.get("claims") ?? "") ? CLAIMS[p.get("claims")] : DEFAULTS.claims,
    directed: p.get("directed") === "1",
    tab: pick("tab", TABS),
    edge: p.get("edge") || "",
    node: p.get("node") || "",
    measure: pick("measure", MEASURES),
    kind: p.get("kind") || "",
    size: p.get("size") === "1",
    grade: /^[A-F]?[1-6]?$/.test(p.get("grade") || "") ? (p.get("grade") || "") : "",
    asof: /^\d{4}-\d{2}-\d{2}$/.test(p.get("asof") || "") ? p.get("asof") : "",
    during: /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.test(p.get("during") || "") ? p.get("during") : "",
    publishers: [...new Set(p.getAll("publishers").map((s) => s.trim()).filter(Boolean))],
    expand: list(p.get("expand")),
    hide: list(p.get("hide")),
    inv: p.get("inv") || "",
  };
}

/** The query string for a state: only what differs from the defaults, in a stable order. */
export function formatState(state) {
  const p = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS)) {
    const value = state[key];
    const fallback = DEFAULTS[key];
    if (key === "publishers") {
      for (const item of value) p.append(key, item);
    } else if (Array.isArray(value)) {
      if (value.length) p.set(key, value.join(","));
    } else if (typeof value === "boolean") {
      if (value) p.set(key, "1");
    } else if (value !== fallback && value !== "" && value !== undefined) {
      p.set(key, String(value));
    }
  }
  const text = p.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}
