// rasd dashboard: map, timeline and table of incidents, and each incident's
// reports with the Arabic evidence highlighted. Plain DOM, no framework, no
// network beyond this server. Document text is only ever set as textContent.

const API = "/api";
const PAGE = 1000; // incidents per request
const CAP = 5000; // incidents loaded at most
const SVGNS = "http://www.w3.org/2000/svg";
const REPORTS_AT_ONCE = 10; // source texts fetched per click in the detail panel

// ACLED's six event types, Okabe–Ito colours (colour-blind safe).
const TYPES = [
  { name: "Battles", color: "#d55e00", dark: true }, // dark: black text on it (contrast ≥ 4.5)
  { name: "Explosions/Remote violence", color: "#0072b2", dark: false },
  { name: "Violence against civilians", color: "#cc79a7", dark: true },
  { name: "Protests", color: "#009e73", dark: true },
  { name: "Riots", color: "#e69f00", dark: true },
  { name: "Strategic developments", color: "#56b4e9", dark: true },
];
const TYPE_INDEX = new Map(TYPES.map((t, i) => [t.name, i]));
const typeColor = (name) => (TYPES[TYPE_INDEX.get(name)] || { color: "#777" }).color;

const INTER = {
  1: "state forces",
  2: "rebel group",
  3: "political militia",
  4: "identity militia",
  5: "rioters",
  6: "protesters",
  7: "civilians",
  8: "external/other forces",
};
const GEO_PRECISION = { 1: "the town itself", 2: "near a named place / part of a region", 3: "region or province" };
const TIME_PRECISION = { 1: "day", 2: "within a week", 3: "within a month" };
const FIELD_LABEL = {
  evidence: "evidence (sentence)",
  evidence_all: "supporting evidence",
  trigger: "trigger",
  actor1: "actor 1",
  actor2: "actor 2",
  assoc_actor1: "associated actor 1",
  assoc_actor2: "associated actor 2",
  location: "place",
  date: "date",
  fatalities: "fatalities",
  reported_by: "reported by",
};
const FILTER_KEYS = ["date_from", "date_to", "country", "event_type", "actor", "q", "min_fatalities"];
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" });
  } catch {
    return null;
  }
})();
const countryName = (cc) => {
  if (!cc || cc === "unknown") return "Unknown";
  try {
    return (regionNames && regionNames.of(cc.toUpperCase())) || cc;
  } catch {
    return cc;
  }
};

const $ = (sel) => document.querySelector(sel);

/** Builds an element: el("td", {class: "num"}, "text", child…). Strings become text nodes; `style` is an object. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k === "style")
      Object.assign(e.style, v); // CSSOM, allowed by a strict CSP
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
function svg(tag, attrs) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, String(v));
  return e;
}

/** Fetches JSON; errors name the URL and the server's message. */
async function getJSON(url, signal) {
  const r = await fetch(url, { signal, headers: { Accept: "application/json" } });
  if (!r.ok) {
    let msg = "";
    try {
      const b = await r.json();
      msg = b && (b.error || b.message) ? `: ${b.error || b.message}` : "";
    } catch {
      /* not JSON */
    }
    const err = new Error(`${r.status} ${r.statusText} for ${url}${msg}`);
    err.status = r.status;
    throw err;
  }
  return r.json();
}

function setStatus(text, isError) {
  const s = $("#status");
  s.textContent = text;
  s.classList.toggle("error", !!isError);
}
function reportError(where, e) {
  if (e && e.name === "AbortError") return;
  setStatus(`${where}: ${e && e.message ? e.message : e}`, true);
  console.error(`rasd: ${where}:`, e && e.message ? e.message : e);
}

// ---------------------------------------------------------------- state

const state = {
  filters: {}, // applied filters (from the URL hash)
  incidentId: null, // open in the detail panel
  incidents: [], // loaded, filtered
  truncated: false,
  sort: { key: "date", dir: -1 },
  loadSeq: 0,
  detailSeq: 0,
  world: null, // [{id, name, d}] country paths in world units
};

function readHash() {
  const h = new URLSearchParams(location.hash.replace(/^#/, ""));
  const filters = {};
  for (const k of FILTER_KEYS) {
    const v = (h.get(k) || "").trim();
    if (v) filters[k] = v;
  }
  return { filters, incident: h.get("incident") || null };
}
function writeHash(filters, incident) {
  const h = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k]) h.set(k, filters[k]);
  if (incident) h.set("incident", incident);
  const s = h.toString();
  const next = s ? `#${s}` : "";
  if (next === location.hash || (!next && !location.hash)) {
    onHash(); // same hash: no hashchange event, apply anyway
  } else if (!next) {
    history.pushState(null, "", location.pathname + location.search);
    onHash();
  } else {
    location.hash = s;
  }
}
const sameFilters = (a, b) => FILTER_KEYS.every((k) => (a[k] || "") === (b[k] || ""));

// ---------------------------------------------------------------- filters

function formFilters() {
  const f = {};
  const data = new FormData($("#filters"));
  for (const k of FILTER_KEYS) {
    const v = String(data.get(k) || "").trim();
    if (v) f[k] = v;
  }
  return f;
}
function fillForm(f) {
  const form = $("#filters");
  for (const k of FILTER_KEYS) {
    const input = form.elements.namedItem(k);
    if (!input) continue;
    if (input.tagName === "SELECT" && f[k] && ![...input.options].some((o) => o.value === f[k])) {
      input.append(el("option", { value: f[k] }, k === "country" ? countryName(f[k]) : f[k]));
    }
    input.value = f[k] || "";
  }
}
function initForm() {
  const typeSel = $("#f-type");
  for (const t of TYPES) typeSel.append(el("option", { value: t.name }, t.name));
  $("#filters").addEventListener("submit", (e) => {
    e.preventDefault();
    writeHash(formFilters(), null);
  });
  $("#reset").addEventListener("click", () => {
    $("#filters").reset();
    writeHash({}, null);
  });
}
async function loadCountries() {
  try {
    const st = await getJSON(`${API}/stats`);
    const counts = st.incidents_by_country || st.events_by_country || {};
    const sel = $("#f-country");
    const have = new Set([...sel.options].map((o) => o.value));
    const codes = Object.keys(counts)
      .filter((c) => c && c !== "unknown")
      .sort((a, b) => countryName(a).localeCompare(countryName(b)));
    for (const c of codes) {
      if (have.has(c)) continue;
      sel.append(el("option", { value: c }, `${countryName(c)} (${counts[c]})`));
    }
    sel.value = state.filters.country || "";
  } catch (e) {
    reportError("loading the country list", e);
  }
}

// ---------------------------------------------------------------- loading

async function loadIncidents() {
  const seq = ++state.loadSeq;
  const f = state.filters;
  setStatus("Loading incidents…");
  const items = [];
  let cursor = null;
  let truncated = false;
  try {
    for (;;) {
      const p = new URLSearchParams();
      for (const k of FILTER_KEYS) if (f[k]) p.set(k, f[k]);
      p.set("limit", String(Math.min(PAGE, CAP - items.length)));
      if (cursor) p.set("cursor", cursor);
      const page = await getJSON(`${API}/incidents?${p}`);
      if (seq !== state.loadSeq) return; // a newer query took over
      items.push(...(page.items || []));
      cursor = page.next || null;
      if (!cursor) break;
      if (items.length >= CAP) {
        truncated = true;
        break;
      }
      setStatus(`Loading incidents… ${items.length}`);
    }
  } catch (e) {
    if (seq === state.loadSeq) {
      state.incidents = [];
      redraw();
      reportError("loading incidents", e);
    }
    return;
  }
  state.incidents = items;
  state.truncated = truncated;
  const active = FILTER_KEYS.filter((k) => f[k]).length;
  setStatus(
    `${items.length}${truncated ? "+" : ""} incident${items.length === 1 ? "" : "s"}` +
      (truncated ? ` (showing the first ${CAP}; narrow the filters)` : "") +
      (active ? ` · ${active} filter${active === 1 ? "" : "s"}` : ""),
  );
  redraw(true);
}

function redraw(refit) {
  drawMap(refit);
  drawTimeline();
  drawTable();
}

// ---------------------------------------------------------------- map

// Mercator in world units (R per radian); the view maps world → screen.
const R = 1000;
const MAXLAT = 85;
const wx = (lon) => (lon * Math.PI * R) / 180;
const wy = (lat) => {
  const phi = (Math.max(-MAXLAT, Math.min(MAXLAT, lat)) * Math.PI) / 180;
  return -Math.log(Math.tan(Math.PI / 4 + phi / 2)) * R;
};
const MENA = [-18, 11, 63, 42]; // lon/lat box shown when there is no data

const map = {
  svg: null,
  gLand: null,
  gDots: null,
  w: 0,
  h: 0,
  view: { k: 0.5, tx: 0, ty: 0 },
  fitted: true, // the view is the fit to the data (not zoomed or panned since)
  dots: [], // [{c: circle, x, y}] in world units
};

function initMap() {
  const box = $("#map");
  map.svg = svg("svg", { "aria-hidden": "true", focusable: "false" });
  map.gLand = svg("g", { class: "land" });
  map.gDots = svg("g", { class: "dots" });
  map.svg.append(map.gLand, map.gDots);
  box.append(map.svg);
  const size = () => {
    const r = box.getBoundingClientRect();
    const w = Math.max(1, Math.round(r.width));
    const h = Math.max(1, Math.round(r.height));
    if (w === map.w && h === map.h) return false;
    // keep the centre when resizing
    if (map.w) {
      map.view.tx += (w - map.w) / 2;
      map.view.ty += (h - map.h) / 2;
    }
    map.w = w;
    map.h = h;
    map.svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
    return true;
  };
  size();
  new ResizeObserver(() => {
    if (!size()) return;
    if (map.fitted) fitToData();
    else applyView();
  }).observe(box);

  // pan (drag) and zoom (wheel, buttons)
  let drag = null;
  box.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, tx: map.view.tx, ty: map.view.ty, moved: false, id: e.pointerId };
  });
  box.addEventListener("pointermove", (e) => {
    if (!drag || drag.id !== e.pointerId) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      box.setPointerCapture(e.pointerId);
      box.classList.add("dragging");
      hideTooltip();
    }
    map.view.tx = drag.tx + dx;
    map.view.ty = drag.ty + dy;
    map.fitted = false;
    applyView();
  });
  const end = (e) => {
    if (!drag || drag.id !== e.pointerId) return;
    if (drag.moved) {
      box.classList.remove("dragging");
      // swallow the click that ends a drag
      box.addEventListener("click", (c) => c.stopPropagation(), { capture: true, once: true });
    }
    drag = null;
  };
  box.addEventListener("pointerup", end);
  box.addEventListener("pointercancel", end);
  box.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const r = box.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    },
    { passive: false },
  );
  $("#zoom-in").addEventListener("click", () => zoomAt(1.6, map.w / 2, map.h / 2));
  $("#zoom-out").addEventListener("click", () => zoomAt(1 / 1.6, map.w / 2, map.h / 2));
  $("#zoom-fit").addEventListener("click", () => fitToData());

  // dots: tooltip on hover, detail on click
  map.gDots.addEventListener("pointerover", (e) => {
    const c = e.target.closest("circle.inc");
    if (c && e.pointerType === "mouse") showTooltip(c.__inc, e.clientX, e.clientY);
  });
  map.gDots.addEventListener("pointermove", (e) => {
    const c = e.target.closest("circle.inc");
    if (c && e.pointerType === "mouse") moveTooltip(e.clientX, e.clientY);
  });
  map.gDots.addEventListener("pointerout", (e) => {
    if (e.target.closest("circle.inc")) hideTooltip();
  });
  map.gDots.addEventListener("click", (e) => {
    const c = e.target.closest("circle.inc");
    if (!c) return;
    hideTooltip();
    openIncident(c.__inc.id);
  });
}

function zoomAt(f, px, py) {
  const v = map.view;
  const k = Math.max(0.02, Math.min(400, v.k * f));
  f = k / v.k;
  v.tx = px - (px - v.tx) * f;
  v.ty = py - (py - v.ty) * f;
  v.k = k;
  map.fitted = false;
  applyView();
}

function applyView() {
  const { k, tx, ty } = map.view;
  map.gLand.setAttribute("transform", `matrix(${k} 0 0 ${k} ${tx} ${ty})`);
  for (const d of map.dots) {
    d.c.setAttribute("cx", (d.x * k + tx).toFixed(1));
    d.c.setAttribute("cy", (d.y * k + ty).toFixed(1));
  }
}

/** Fits the view to a lon/lat box [minLon, minLat, maxLon, maxLat]. */
function fitBox([x0, y0, x1, y1]) {
  const a = wx(x0);
  const b = wx(x1);
  const top = wy(y1);
  const bottom = wy(y0);
  const pad = 24;
  const k = Math.min((map.w - 2 * pad) / Math.max(1e-6, b - a), (map.h - 2 * pad) / Math.max(1e-6, bottom - top));
  map.view.k = Math.max(0.02, k);
  map.view.tx = map.w / 2 - ((a + b) / 2) * map.view.k;
  map.view.ty = map.h / 2 - ((top + bottom) / 2) * map.view.k;
  applyView();
}

/** The data's extent; with many points, the central 95 % of them, so a few far-off outliers do not shrink the map. */
function dataBox() {
  const pts = state.incidents.filter(hasPoint);
  if (!pts.length) return MENA;
  const lons = pts.map((i) => i.location.lon).sort((a, b) => a - b);
  const lats = pts.map((i) => i.location.lat).sort((a, b) => a - b);
  const cut = pts.length >= 40 ? Math.floor(pts.length * 0.025) : 0;
  const last = pts.length - 1 - cut;
  let [x0, y0, x1, y1] = [lons[cut], lats[cut], lons[last], lats[last]];
  // at least ~8° across, so one town does not fill the screen
  const minSpan = 8;
  if (x1 - x0 < minSpan) {
    const c = (x0 + x1) / 2;
    x0 = c - minSpan / 2;
    x1 = c + minSpan / 2;
  }
  if (y1 - y0 < minSpan / 1.6) {
    const c = (y0 + y1) / 2;
    y0 = c - minSpan / 3.2;
    y1 = c + minSpan / 3.2;
  }
  const px = (x1 - x0) * 0.06;
  const py = (y1 - y0) * 0.06;
  return [x0 - px, Math.max(-80, y0 - py), x1 + px, Math.min(80, y1 + py)];
}
function fitToData() {
  fitBox(dataBox());
  map.fitted = true;
}

const hasPoint = (i) =>
  i.location && typeof i.location.lat === "number" && typeof i.location.lon === "number" && isFinite(i.location.lat);
const deaths = (i) => (i.fatalities ? (i.fatalities.best ?? i.fatalities.low ?? 0) : 0);
const radius = (i) => Math.min(26, 3.5 + 2.2 * Math.sqrt(deaths(i)));

function drawMap(refit) {
  const g = map.gDots;
  g.textContent = "";
  map.dots = [];
  const pts = state.incidents.filter(hasPoint);
  // big circles first, small ones on top
  pts.sort((a, b) => radius(b) - radius(a));
  for (const i of pts) {
    const cumulative = i.scope === "cumulative";
    const c = svg("circle", {
      class: `inc${cumulative ? " cumulative" : ""}${i.id === state.incidentId ? " selected" : ""}`,
      r: radius(i).toFixed(1),
      fill: typeColor(i.event_type),
      stroke: cumulative ? typeColor(i.event_type) : null,
      "data-id": i.id,
      "data-type": i.event_type,
    });
    c.__inc = i;
    g.append(c);
    map.dots.push({ c, x: wx(i.location.lon), y: wy(i.location.lat) });
  }
  const missing = state.incidents.length - pts.length;
  $("#map").setAttribute(
    "aria-label",
    `Map of ${pts.length} incidents` + (missing ? `; ${missing} without coordinates are not shown` : ""),
  );
  if (refit) fitToData();
  else applyView();
}

function drawLand() {
  if (!state.world) return;
  const frag = document.createDocumentFragment();
  for (const c of state.world) {
    const p = svg("path", { class: "country", d: c.d });
    const t = svg("title");
    t.textContent = c.name;
    p.append(t);
    frag.append(p);
  }
  map.gLand.textContent = "";
  map.gLand.append(frag);
  applyView();
}

/** GeoJSON rings → one SVG path in world units; a jump across the antimeridian starts a new subpath. */
function ringsToPath(geom) {
  const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
  let d = "";
  for (const poly of polys) {
    for (const ring of poly) {
      let prev = null;
      for (const [lon, lat] of ring) {
        const x = wx(lon).toFixed(1);
        const y = wy(lat).toFixed(1);
        const jump = prev !== null && Math.abs(lon - prev) > 180;
        d += `${prev === null || jump ? "M" : "L"}${x} ${y}`;
        prev = lon;
      }
      d += "Z";
    }
  }
  return d;
}

async function loadWorld() {
  try {
    if (!window.topojson) await new Promise((r) => window.addEventListener("load", r, { once: true }));
    if (!window.topojson) throw new Error("topojson-client did not load");
    const topo = await getJSON("/assets/vendor/world-atlas/countries-50m.json");
    const fc = window.topojson.feature(topo, topo.objects.countries);
    state.world = fc.features
      .filter((f) => f.geometry)
      .map((f) => ({ id: f.id, name: (f.properties && f.properties.name) || "", d: ringsToPath(f.geometry) }));
    drawLand();
  } catch (e) {
    reportError("loading the country outlines", e);
  }
}

// tooltip
function showTooltip(i, x, y) {
  const t = $("#tooltip");
  t.textContent = "";
  const place = i.location ? i.location.name + (i.location.country ? `, ${countryName(i.location.country)}` : "") : "";
  t.append(
    el("strong", {}, `${i.event_type} · ${i.sub_event_type}`),
    el("div", {}, dateText(i.date)),
    place ? el("div", {}, place) : null,
    i.location && i.location.text ? el("div", { class: "ar", lang: "ar", dir: "rtl" }, i.location.text) : null,
    el("div", {}, actorsText(i) || "no actor coded"),
    el("div", {}, `deaths: ${fatalText(i)} · ${sourceCount(i)} source${sourceCount(i) === 1 ? "" : "s"}`),
    i.scope === "cumulative" ? el("div", {}, "running total (not added to single incidents)") : null,
  );
  t.hidden = false;
  moveTooltip(x, y);
}
function moveTooltip(x, y) {
  const t = $("#tooltip");
  const w = t.offsetWidth;
  const h = t.offsetHeight;
  let left = x + 14;
  let top = y + 14;
  if (left + w > window.innerWidth - 4) left = x - w - 14;
  if (top + h > window.innerHeight - 4) top = y - h - 14;
  t.style.left = `${Math.max(4, left)}px`;
  t.style.top = `${Math.max(4, top)}px`;
}
function hideTooltip() {
  $("#tooltip").hidden = true;
}

function initLegend() {
  const ul = $("#legend");
  for (const t of TYPES) {
    ul.append(el("li", {}, el("span", { class: "swatch", style: { background: t.color } }), t.name));
  }
  ul.append(el("li", { class: "size" }, "circle area ∝ deaths · dashed ring = running total"));
}

// ---------------------------------------------------------------- timeline

const DAY = 86400000;
const toDay = (s) => {
  const t = Date.parse(`${s}T00:00:00Z`);
  return isNaN(t) ? null : Math.floor(t / DAY);
};
const fromDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);

/** Bins [start, end) in day numbers for a span: days, weeks (Mondays) or months. */
function bins(d0, d1) {
  const n = d1 - d0 + 1;
  const out = [];
  if (n <= 92) {
    for (let d = d0; d <= d1; d++) out.push([d, d + 1]);
    return { unit: "day", bins: out };
  }
  if (n <= 2 * 366) {
    let d = d0 - ((new Date(d0 * DAY).getUTCDay() + 6) % 7); // Monday
    for (; d <= d1; d += 7) out.push([d, d + 7]);
    return { unit: "week", bins: out };
  }
  const s = new Date(d0 * DAY);
  let y = s.getUTCFullYear();
  let m = s.getUTCMonth();
  for (;;) {
    const a = Date.UTC(y, m, 1) / DAY;
    if (a > d1) break;
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
    out.push([a, Date.UTC(y, m, 1) / DAY]);
  }
  return { unit: "month", bins: out };
}

const timeline = { svg: null, bins: null, x0: 0, bw: 0, left: 0 };

function drawTimeline() {
  const box = $("#timeline");
  box.textContent = "";
  const note = $("#tl-note");
  const W = Math.max(200, box.clientWidth);
  const H = Math.max(80, box.clientHeight);
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img" });
  box.append(s);
  timeline.svg = s;
  const dated = [];
  let running = 0;
  for (const i of state.incidents) {
    const d = i.date && i.date.start ? toDay(i.date.start) : null;
    if (d === null) continue;
    if (i.scope === "cumulative") {
      running++;
      continue;
    }
    dated.push([d, i]);
  }
  if (!dated.length) {
    const t = svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis" });
    t.textContent = state.incidents.length ? "No dated single incidents" : "No incidents";
    s.append(t);
    s.setAttribute("aria-label", "Timeline: no data");
    note.textContent = "";
    timeline.bins = null;
    return;
  }
  let d0 = Math.min(...dated.map((x) => x[0]));
  let d1 = Math.max(...dated.map((x) => x[0]));
  // a date filter wider than the data widens the axis (within ten years)
  const f0 = state.filters.date_from ? toDay(state.filters.date_from) : null;
  const f1 = state.filters.date_to ? toDay(state.filters.date_to) : null;
  if (typeof f0 === "number" && f0 < d0 && d1 - f0 < 3660) d0 = f0;
  if (typeof f1 === "number" && f1 > d1 && f1 - d0 < 3660) d1 = f1;
  const { unit, bins: bs } = bins(d0, d1);
  const counts = bs.map(() => new Array(TYPES.length + 1).fill(0));
  let bi = 0;
  dated.sort((a, b) => a[0] - b[0]);
  for (const [d, i] of dated) {
    while (bi < bs.length - 1 && d >= bs[bi][1]) bi++;
    const ti = TYPE_INDEX.has(i.event_type) ? TYPE_INDEX.get(i.event_type) : TYPES.length;
    counts[bi][ti]++;
  }
  const max = Math.max(1, ...counts.map((c) => c.reduce((a, b) => a + b, 0)));
  const left = 30;
  const right = 8;
  const top = 8;
  const bottom = 20;
  const iw = W - left - right;
  const ih = H - top - bottom;
  const bw = iw / bs.length;
  timeline.bins = bs;
  timeline.left = left;
  timeline.bw = bw;
  const gap = bw > 4 ? Math.min(2, bw * 0.15) : 0;

  // axes
  const axis = svg("g", { class: "axis" });
  axis.append(svg("line", { x1: left, x2: W - right, y1: top + ih + 0.5, y2: top + ih + 0.5 }));
  const yl = svg("text", { x: left - 4, y: top + 9, "text-anchor": "end" });
  yl.textContent = String(max);
  const y0 = svg("text", { x: left - 4, y: top + ih, "text-anchor": "end" });
  y0.textContent = "0";
  axis.append(yl, y0);
  const nTicks = Math.max(2, Math.floor(iw / 90));
  const step = Math.max(1, Math.ceil(bs.length / nTicks));
  for (let k = 0; k < bs.length; k += step) {
    const x = left + k * bw;
    axis.append(svg("line", { x1: x, x2: x, y1: top + ih, y2: top + ih + 4 }));
    const t = svg("text", { x: x + 1, y: H - 5 });
    t.textContent = unit === "month" ? fromDay(bs[k][0]).slice(0, 7) : fromDay(bs[k][0]);
    axis.append(t);
  }
  s.append(axis);

  const bars = svg("g", { class: "bars" });
  let nBars = 0;
  counts.forEach((c, k) => {
    let y = top + ih;
    c.forEach((n, ti) => {
      if (!n) return;
      const h = (n / max) * ih;
      y -= h;
      const type = ti < TYPES.length ? TYPES[ti].name : "other";
      const r = svg("rect", {
        class: "bar",
        x: (left + k * bw + gap / 2).toFixed(2),
        y: y.toFixed(2),
        width: Math.max(0.8, bw - gap).toFixed(2),
        height: Math.max(0.5, h).toFixed(2),
        fill: ti < TYPES.length ? TYPES[ti].color : "#777",
        "data-from": fromDay(bs[k][0]),
        "data-to": fromDay(bs[k][1] - 1),
        "data-type": type,
        "data-count": n,
      });
      const tt = svg("title");
      const span = bs[k][1] - bs[k][0] === 1 ? fromDay(bs[k][0]) : `${fromDay(bs[k][0])} – ${fromDay(bs[k][1] - 1)}`;
      tt.textContent = `${span}: ${n} × ${type} (click to filter to this ${unit})`;
      r.append(tt);
      bars.append(r);
      nBars++;
    });
  });
  s.append(bars);
  s.setAttribute(
    "aria-label",
    `Timeline: single incidents per ${unit} from ${fromDay(d0)} to ${fromDay(d1)}, at most ${max} in one ${unit}`,
  );
  note.textContent =
    `per ${unit} · ${nBars ? "drag to select dates" : ""}` +
    (running ? ` · ${running} running total${running === 1 ? "" : "s"} not shown` : "");
  brushHandlers(s, top, ih);
}

/** Drag across the timeline to filter to those dates; a click on a bar filters to its day/week/month. */
function brushHandlers(s, top, ih) {
  let start = null;
  let onBar = false;
  let rect = null;
  const xOf = (e) => {
    const r = s.getBoundingClientRect();
    const vb = s.viewBox.baseVal;
    return ((e.clientX - r.left) / r.width) * vb.width;
  };
  const binAt = (x) => {
    const k = Math.floor((x - timeline.left) / timeline.bw);
    return Math.max(0, Math.min(timeline.bins.length - 1, k));
  };
  s.addEventListener("pointerdown", (e) => {
    if (e.button !== 0 || !timeline.bins) return;
    start = xOf(e);
    onBar = e.target.classList.contains("bar");
  });
  s.addEventListener("pointermove", (e) => {
    if (start === null) return;
    const x = xOf(e);
    if (!rect && Math.abs(x - start) < 4) return;
    if (!rect) {
      s.setPointerCapture(e.pointerId);
      rect = svg("rect", { class: "brush", y: top, height: ih });
      s.append(rect);
    }
    rect.setAttribute("x", Math.min(x, start));
    rect.setAttribute("width", Math.abs(x - start));
  });
  const finish = (e) => {
    if (start === null) return;
    const x = xOf(e);
    const dragged = rect !== null;
    if (rect) rect.remove();
    rect = null;
    const x0 = start;
    start = null;
    if (e.type === "pointercancel" || (!dragged && !onBar)) return;
    const bs = timeline.bins;
    const a = binAt(Math.min(x, x0));
    const b = binAt(Math.max(x, x0));
    const f = { ...state.filters, date_from: fromDay(bs[a][0]), date_to: fromDay(bs[b][1] - 1) };
    fillForm(f);
    writeHash(f, null);
  };
  s.addEventListener("pointerup", finish);
  s.addEventListener("pointercancel", finish);
}

// ---------------------------------------------------------------- table

const dateText = (d) => {
  if (!d || !d.start) return "undated";
  const t = d.end && d.end !== d.start ? `${d.start} – ${d.end}` : d.start;
  return d.time_precision && d.time_precision !== 1 ? `${t} (${TIME_PRECISION[d.time_precision] || ""})` : t;
};
const actorsText = (i) =>
  [i.actor1, i.actor2]
    .filter(Boolean)
    .map((a) => a.name)
    .join(" vs ");
const fatalText = (i) => {
  const f = i.fatalities;
  if (!f) return "–";
  return f.low === f.high ? String(f.low) : `${f.low}–${f.high}`;
};
const sourceCount = (i) => (i.sources ? new Set(i.sources.map((s) => s.doc_id)).size : 0);
const placeText = (i) => {
  const l = i.location;
  if (!l) return "";
  return [l.name, l.admin1 && l.admin1 !== l.name ? l.admin1 : null, l.country ? countryName(l.country) : null]
    .filter(Boolean)
    .join(", ");
};

/** A type name that may wrap after its slash ("Explosions/<wbr>Remote violence"). */
const breakable = (s) => s.split("/").flatMap((p, k) => (k ? ["/", document.createElement("wbr"), p] : [p]));

const SORTERS = {
  date: (i) => (i.date && i.date.start) || "",
  type: (i) => `${i.event_type}|${i.sub_event_type}`,
  actors: (i) => actorsText(i).toLowerCase(),
  place: (i) => placeText(i).toLowerCase(),
  fatalities: (i) => (i.fatalities ? i.fatalities.low * 1e6 + i.fatalities.high : -1),
  sources: (i) => sourceCount(i),
};

function initTable() {
  for (const th of document.querySelectorAll("#incidents th[data-key]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.key;
      if (state.sort.key === key) state.sort.dir = -state.sort.dir;
      else state.sort = { key, dir: key === "date" || key === "fatalities" || key === "sources" ? -1 : 1 };
      drawTable();
    });
  }
  const tbody = $("#incidents tbody");
  tbody.addEventListener("click", (e) => {
    const tr = e.target.closest("tr[data-id]");
    if (tr && !e.target.closest("a")) openIncident(tr.dataset.id);
  });
  tbody.addEventListener("keydown", (e) => {
    const tr = e.target.closest("tr[data-id]");
    if (!tr) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      openIncident(tr.dataset.id);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = e.key === "ArrowDown" ? tr.nextElementSibling : tr.previousElementSibling;
      if (n && n.dataset.id) n.focus();
    }
  });
}

function drawTable() {
  const { key, dir } = state.sort;
  for (const th of document.querySelectorAll("#incidents th[data-key]")) {
    if (th.dataset.key === key) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
  const get = SORTERS[key];
  const rows = state.incidents.slice().sort((a, b) => {
    const x = get(a);
    const y = get(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return c * dir || (a.id < b.id ? -1 : 1);
  });
  const tbody = $("#incidents tbody");
  const frag = document.createDocumentFragment();
  for (const i of rows) {
    const l = i.location;
    const tr = el(
      "tr",
      {
        "data-id": i.id,
        "data-type": i.event_type,
        tabindex: 0,
        class: i.id === state.incidentId ? "selected" : null,
        "aria-label": `${dateText(i.date)}, ${i.event_type}, ${placeText(i) || "no place"}: open the reports`,
      },
      el(
        "td",
        { class: "date" },
        i.date && i.date.start ? i.date.start : "undated",
        i.date && i.date.end && i.date.end !== i.date.start ? el("span", { class: "sub" }, `to ${i.date.end}`) : null,
        i.date && i.date.time_precision > 1
          ? el("span", { class: "sub" }, `± ${TIME_PRECISION[i.date.time_precision].replace("within a ", "")}`)
          : null,
      ),
      el(
        "td",
        {},
        el("span", { class: "dot", style: { background: typeColor(i.event_type) } }),
        breakable(i.event_type),
        el("span", { class: "sub" }, i.sub_event_type + (i.scope === "cumulative" ? " · running total" : "")),
      ),
      el("td", {}, actorsText(i) || "–"),
      el(
        "td",
        {},
        l ? [l.name, l.country && l.country !== l.name ? l.country : null].filter(Boolean).join(", ") : "–",
        l && l.text ? el("span", { class: "sub", lang: "ar", dir: "rtl" }, l.text) : null,
      ),
      el("td", { class: "num" }, fatalText(i)),
      el("td", { class: "num" }, String(sourceCount(i))),
    );
    frag.append(tr);
  }
  tbody.textContent = "";
  tbody.append(frag);
  $("#tbl-note").textContent = `${rows.length}${state.truncated ? "+" : ""} shown`;
}

// ---------------------------------------------------------------- detail

function openIncident(id) {
  if (!id) return;
  writeHash(state.filters, id);
}
function closeIncident() {
  writeHash(state.filters, null);
}

function markSelected() {
  for (const c of map.gDots.querySelectorAll("circle.selected")) c.classList.remove("selected");
  for (const r of document.querySelectorAll("#incidents tr.selected")) r.classList.remove("selected");
  if (!state.incidentId) return;
  for (const c of map.gDots.querySelectorAll("circle.inc"))
    if (c.__inc.id === state.incidentId) c.classList.add("selected");
  for (const r of document.querySelectorAll("#incidents tr[data-id]")) {
    if (r.dataset.id === state.incidentId) r.classList.add("selected");
  }
}

async function showDetail(id) {
  const seq = ++state.detailSeq;
  const aside = $("#detail");
  const body = $("#detail-body");
  const wasHidden = aside.hidden;
  aside.hidden = false;
  body.textContent = "";
  body.append(el("p", { class: "note" }, "Loading…"));
  $("#detail-h").textContent = "Incident";
  if (wasHidden) aside.focus();
  let data;
  try {
    data = await getJSON(`${API}/incidents/${encodeURIComponent(id)}`);
  } catch (e) {
    if (seq !== state.detailSeq) return;
    body.textContent = "";
    body.append(el("p", { class: "status error" }, e.status === 404 ? `No incident ${id}.` : String(e.message)));
    if (e.status !== 404) reportError("loading the incident", e);
    return;
  }
  if (seq !== state.detailSeq) return;
  const inc = data && data.incident ? data.incident : data;
  const gap = (data && (data.coverage_gap || data.gap)) || (inc && inc.coverage_gap) || null;
  body.textContent = "";
  renderIncident(body, inc, gap);
  renderReports(body, inc, seq);
}

function hideDetail() {
  const aside = $("#detail");
  if (aside.hidden) return;
  aside.hidden = true;
  state.detailSeq++;
  const row = document.querySelector(`#incidents tr.selected`);
  if (row) row.focus();
}

function linkButton(id) {
  return el("button", { type: "button", class: "secondary", onclick: () => openIncident(id) }, id);
}

function actorDd(a) {
  if (!a) return "–";
  return [
    a.name,
    el(
      "span",
      { class: "note" },
      ` · ${INTER[a.inter] || `inter ${a.inter}`}${a.country ? ` · ${a.country}` : ""}${a.wikidata ? ` · ${a.wikidata}` : ""}`,
    ),
    a.text ? el("div", { lang: "ar", dir: "rtl" }, a.text) : null,
  ];
}

function renderIncident(body, inc, gap) {
  const t = TYPES[TYPE_INDEX.get(inc.event_type)];
  $("#detail-h").textContent = `${inc.event_type}: ${inc.location ? inc.location.name : "place unknown"}, ${
    inc.date && inc.date.start ? inc.date.start : "undated"
  }`;
  const l = inc.location;
  const f = inc.fatalities;
  const rows = [
    [
      "Type",
      el(
        "span",
        { class: `badge${t && t.dark ? " dark-text" : ""}`, style: { background: typeColor(inc.event_type) } },
        inc.event_type,
      ),
    ],
    ["Sub-type", inc.sub_event_type],
    ["Scope", inc.scope === "cumulative" ? "cumulative (running total over several happenings)" : inc.scope],
    ["Actor 1", actorDd(inc.actor1)],
    ["Actor 2", actorDd(inc.actor2)],
    [
      "Place",
      l
        ? [
            [l.name, l.admin1 && l.admin1 !== l.name ? l.admin1 : null, l.country ? countryName(l.country) : null]
              .filter(Boolean)
              .join(", "),
            l.text ? el("div", { lang: "ar", dir: "rtl" }, l.text) : null,
          ]
        : "–",
    ],
    [
      "Coordinates",
      l && typeof l.lat === "number"
        ? `${l.lat.toFixed(4)}, ${l.lon.toFixed(4)}` +
          (l.offset_km ? ` (${l.offset_km} km ${l.bearing || "from"} the named place)` : "")
        : "unknown",
    ],
    ["Precision", l ? `${l.geo_precision} — ${GEO_PRECISION[l.geo_precision] || ""}` : "–"],
    ["Gazetteer", l && l.gazetteer_id ? l.gazetteer_id : "–"],
    ["Date", inc.date ? `${dateText(inc.date)}` : "–"],
    ["Deaths", f ? `low ${f.low} · best ${f.best} · high ${f.high}` : "no toll reported"],
    ["Reports", `${inc.events.length} event${inc.events.length === 1 ? "" : "s"} from ${sourceCount(inc)} document(s)`],
    ["Id", inc.id],
  ];
  if (inc.covers && inc.covers.length) rows.push(["Covers", inc.covers.map(linkButton)]);
  if (inc.covered_by && inc.covered_by.length) rows.push(["Counted in", inc.covered_by.map(linkButton)]);
  const dl = el("dl", { class: "coded" });
  for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", {}, v));
  body.append(el("h3", {}, "Coded fields"), dl);
  if (gap) {
    const parts = [
      `Running total ${gap.total}; the ${gap.covered ?? (inc.covers || []).length} stored incident(s) it covers account for ${gap.known}; ${gap.unaccounted} death(s) are in no stored report.`,
    ];
    if (gap.stated_count !== null && gap.stated_count !== undefined) {
      parts.push(` The report counts ${gap.stated_count} happening(s)`);
      if (gap.missing_happenings !== null && gap.missing_happenings !== undefined) {
        parts.push(`; ${gap.missing_happenings} are not stored.`);
      } else parts.push(".");
    }
    body.append(el("div", { class: "gap-box" }, el("strong", {}, "Coverage gap: "), parts.join("")));
  }

  const ul = el("ul", { class: "sources" });
  for (const s of inc.sources || []) {
    const safe = s.url && /^https?:\/\//i.test(s.url);
    ul.append(
      el(
        "li",
        {},
        el("strong", {}, el("bdi", {}, s.outlet || "unknown outlet")),
        s.published ? ` · ${s.published}` : "",
        s.quoted ? [" · quoting ", el("bdi", {}, s.quoted)] : "",
        " · ",
        safe ? el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.url) : s.url || s.doc_id,
      ),
    );
  }
  body.append(el("h3", {}, `Sources (${(inc.sources || []).length})`), ul);
}

/** Highlights spans (code-point offsets) of a text as nested <mark>s; text only via text nodes. */
function highlighted(text, spans) {
  const cps = Array.from(text);
  const n = cps.length;
  const ok = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(n, s.start)), end: Math.max(0, Math.min(n, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || rank(a.field) - rank(b.field));
  const cuts = new Set([0, n]);
  for (const s of ok) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  const stack = [{ span: null, node: frag }];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const z = points[k + 1];
    const cover = ok.filter((s) => s.start <= a && s.end >= z);
    let j = 1;
    while (j < stack.length && j - 1 < cover.length && stack[j].span === cover[j - 1]) j++;
    stack.length = j;
    for (let c = j - 1; c < cover.length; c++) {
      const s = cover[c];
      const m = document.createElement("mark");
      m.className = `f-${s.field}`;
      m.dataset.field = s.field;
      m.dataset.event = s.event_id;
      m.title = `${FIELD_LABEL[s.field] || s.field} · ${s.event_id}`;
      stack[stack.length - 1].node.append(m);
      stack.push({ span: s, node: m });
    }
    stack[stack.length - 1].node.append(document.createTextNode(cps.slice(a, z).join("")));
  }
  return frag;
}
const RANK = [
  "evidence",
  "evidence_all",
  "reported_by",
  "date",
  "location",
  "actor1",
  "actor2",
  "assoc_actor1",
  "assoc_actor2",
  "trigger",
  "fatalities",
];
const rank = (f) => {
  const r = RANK.indexOf(f);
  return r < 0 ? RANK.length : r;
};

async function renderReports(body, inc, seq) {
  const members = new Set(inc.events || []);
  const byDoc = new Map();
  for (const s of inc.sources || []) {
    if (!byDoc.has(s.doc_id)) byDoc.set(s.doc_id, []);
    byDoc.get(s.doc_id).push(s);
  }
  for (const id of members) {
    const doc = id.includes("#") ? id.slice(0, id.lastIndexOf("#")) : id;
    if (![...byDoc.values()].some((ss) => ss.some((s) => s.event_id === id))) {
      if (!byDoc.has(doc)) byDoc.set(doc, []);
      byDoc.get(doc).push({ doc_id: doc, event_id: id });
    }
  }
  body.append(el("h3", {}, `Source texts (${byDoc.size})`));
  const legend = el("div", { class: "span-legend", "aria-label": "Highlight colours" });
  for (const f of ["trigger", "actor1", "location", "date", "fatalities", "reported_by", "evidence"]) {
    legend.append(el("mark", { class: `f-${f}` }, FIELD_LABEL[f]));
  }
  body.append(legend);
  const queue = [...byDoc];
  const more = el("button", { type: "button", class: "secondary more-reports" });
  const showMore = async () => {
    more.remove();
    const batch = queue.splice(0, REPORTS_AT_ONCE);
    const boxes = batch.map(([docId, srcs]) => {
      const box = el("article", { class: "report", "data-doc": docId });
      box.append(el("h4", {}, srcs[0].outlet || docId), el("p", { class: "note" }, "Loading the report…"));
      body.append(box);
      return [docId, srcs, box];
    });
    if (queue.length) {
      more.textContent = `Show ${Math.min(REPORTS_AT_ONCE, queue.length)} more of ${queue.length} remaining reports`;
      body.append(more);
    }
    await loadReports(boxes, members, seq);
  };
  more.addEventListener("click", showMore);
  await showMore();
}

async function loadReports(boxes, members, seq) {
  await Promise.all(
    boxes.map(async ([docId, srcs, box]) => {
      let sd;
      try {
        sd = await getJSON(`${API}/documents/${encodeURIComponent(docId)}`);
      } catch (e) {
        if (seq !== state.detailSeq) return;
        box.lastChild.textContent =
          e.status === 404 ? "The report's text is not stored." : `Could not load: ${e.message}`;
        if (e.status !== 404) reportError("loading a report", e);
        return;
      }
      if (seq !== state.detailSeq) return;
      const d = sd.document || sd;
      const ids = new Set(srcs.map((s) => s.event_id));
      const spans = (sd.spans || []).filter((s) => ids.has(s.event_id) && members.has(s.event_id));
      const text = d.text || "";
      const ar = d.lang ? /^ar/i.test(d.lang) : ARABIC.test(text.slice(0, 2000));
      box.textContent = "";
      const heading = d.title || srcs[0].outlet || docId;
      box.append(
        el("h4", ARABIC.test(heading) ? { lang: "ar", dir: "rtl" } : {}, heading),
        el(
          "div",
          { class: "meta" },
          [d.source || srcs[0].outlet, d.published, docId, `events ${[...ids].join(", ")}`].filter(Boolean).join(" · "),
        ),
      );
      const pre = el("div", {
        class: `doc-text${ar ? "" : " ltr"}`,
        dir: ar ? "rtl" : "auto",
        lang: ar ? "ar" : d.lang || null,
        tabindex: 0,
        "aria-label": `Text of ${heading}`,
      });
      pre.append(highlighted(text, spans));
      box.append(pre);
      // scroll the first highlighted piece into view inside its box
      const first = pre.querySelector("mark.f-evidence, mark");
      if (first) pre.scrollTop = Math.max(0, first.offsetTop - pre.offsetTop - 40);
    }),
  );
}

// ---------------------------------------------------------------- wiring

function onHash() {
  const { filters, incident } = readHash();
  const changed = !sameFilters(filters, state.filters) || state.first;
  state.first = false;
  state.filters = filters;
  fillForm(filters);
  state.incidentId = incident;
  if (changed) loadIncidents();
  if (incident) showDetail(incident);
  else hideDetail();
  markSelected();
}

function init() {
  initForm();
  initLegend();
  initMap();
  initTable();
  $("#detail-close").addEventListener("click", closeIncident);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !$("#detail").hidden) closeIncident();
  });
  window.addEventListener("hashchange", onHash);
  let rt = null;
  window.addEventListener("resize", () => {
    clearTimeout(rt);
    rt = setTimeout(drawTimeline, 120);
  });
  state.first = true;
  onHash();
  loadCountries();
  loadWorld();
}

init();
