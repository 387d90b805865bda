// Calls to the intelgraph API (same origin), and the sentences the page shows when one fails.
// Every failure becomes an ApiError whose `title` and `text` are plain words for the analyst.

const KEY = "intelgraph.apiKey";

/** The API key the analyst gave (this tab, or remembered on this browser), or "". Never in the URL. */
export function apiKey() {
  try {
    return sessionStorage.getItem(KEY) || localStorage.getItem(KEY) || "";
  } catch {
    return "";
  }
}

/** Keep a key for this tab, or on this browser when `remember`; an empty key forgets it. */
export function setApiKey(key, remember = false) {
  try {
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(KEY);
    if (key) (remember ? localStorage : sessionStorage).setItem(KEY, key);
  } catch {
    /* storage disabled: the key lives until the page reloads */
  }
  memoryKey = key;
}
let memoryKey = "";

function headers(accept) {
  const key = apiKey() || memoryKey;
  return key ? { Accept: accept, "X-API-Key": key } : { Accept: accept };
}

export class ApiError extends Error {
  constructor({ status, title, text, detail, parameter, candidates, needsKey = false }) {
    super(text);
    this.needsKey = needsKey;
    this.status = status;
    this.title = title;
    this.text = text;
    this.detail = detail;
    this.parameter = parameter;
    this.candidates = candidates || null;
  }
}

// Parameters whose values may hold commas: sent once per value instead of comma-joined.
const REPEATED = new Set(["publishers"]);

/** A query string from an object; arrays are comma-joined (or repeated), empty values left out. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value) && REPEATED.has(key)) {
      for (const item of value) search.append(key, item);
    } else if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(","));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function failure(response, context) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    /* not JSON: a proxy's page, say */
  }
  const detail = body.detail || response.statusText || `HTTP ${response.status}`;
  const base = { status: response.status, detail, parameter: body.parameter, candidates: body.candidates };
  if (response.status === 401) {
    return new ApiError({
      ...base, needsKey: true,
      title: "This intelgraph asks for an API key",
      text: "The server holds its data behind keys. Enter the key you were given: the page sends it with " +
        "each request and keeps it in this tab (never in the link you share).",
    });
  }
  if (response.status === 403 && /key/i.test(detail)) {
    return new ApiError({ ...base, needsKey: true, title: "The API key was refused",
      text: "The server does not know this key. Check it, or ask whoever runs intelgraph for a valid one." });
  }
  if (response.status === 429) {
    return new ApiError({ ...base, title: "Too many requests", text: "The server asks the page to slow down; try again in a minute." });
  }
  if (response.status === 503) {
    return new ApiError({
      ...base,
      title: "The graph database is not answering",
      text: "The API is up, but Neo4j is unavailable, so nothing can be looked up right now. " +
        "Try again in a few seconds; if it persists, ask whoever runs intelgraph to check the database.",
    });
  }
  if (response.status === 404 && context?.names && (body.parameter === "from" || body.parameter === "to")) {
    const typed = context.names[body.parameter];
    return new ApiError({
      ...base,
      title: `No entity is called “${typed}”`,
      text: `Nothing in the graph has “${typed}” as its name or an alias. Check the spelling, ` +
        "or start typing and pick one of the suggestions.",
    });
  }
  if (response.status === 409 && body.candidates) {
    const typed = context?.names?.[body.parameter] ?? "That name";
    return new ApiError({
      ...base,
      title: `“${typed}” names ${body.candidates.length} entities`,
      text: "Choose the one you mean:",
    });
  }
  if (response.status === 422) {
    return new ApiError({ ...base, title: "The search cannot run with these settings", text: detail });
  }
  if (response.status === 404) {
    return new ApiError({ ...base, title: "Not found", text: detail });
  }
  if (response.status === 504) {  // the query ran past its time-out (api/errors.py)
    return new ApiError({ ...base, title: "The search took too long",
      text: "Neo4j gave up on this query. Lower the maximum hops, or narrow the relation types." });
  }
  return new ApiError({ ...base, title: `The API failed (HTTP ${response.status})`, text: detail });
}

/** GET a JSON resource; throws ApiError with words for the page. */
export async function getJSON(path, params = {}, context = null) {
  let response;
  try {
    response = await fetch(path + query(params), { headers: headers("application/json") });
  } catch {
    throw new ApiError({
      status: 0,
      title: "The intelgraph API cannot be reached",
      text: "The page got no answer from the server. Check that the API is running (intelgraph serve) and reload.",
    });
  }
  if (!response.ok) throw await failure(response, context);
  return response.json();
}

/** GET a file (an export): its bytes and the file name the server proposes. */
export async function getFile(path, params) {
  let response;
  try {
    response = await fetch(path + query(params), { headers: headers("*/*") });
  } catch {
    throw new ApiError({ status: 0, title: "The intelgraph API cannot be reached",
      text: "The download got no answer from the server." });
  }
  if (!response.ok) throw await failure(response, null);
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return { blob: await response.blob(), filename: match ? decodeURIComponent(match[1]) : null };
}

/** Send JSON (POST, PUT, PATCH) or DELETE; the answer's JSON, or null for 204. Throws ApiError. */
export async function sendJSON(method, path, body = undefined) {
  let response;
  try {
    const init = { method, headers: headers("application/json") };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    response = await fetch(path, init);
  } catch {
    throw new ApiError({ status: 0, title: "The intelgraph API cannot be reached",
      text: "The page got no answer from the server. Check that the API is running (intelgraph serve) and reload." });
  }
  if (!response.ok) throw await failure(response, null);
  return response.status === 204 ? null : response.json();
}
