// Diurna's event explorer: map, timeline with a brush, event table, document view.
// Hand-written, no library, nothing fetched but this server's own /api and /static.
// Stored text is only ever put in the page with textContent / setAttribute (never as HTML),
// so markup inside a processed page stays text.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const state = { filters: {}, next: null, types: [], stats: null, domain: null, allCopies: false };

// --- small helpers -----------------------------------------------------------------------------

function el(tag, attrs, text) {
  const node = tag.startsWith("svg:")
    ? document.createElementNS(SVGNS, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function say(message, isError) {
  const status = document.getElementById("status");
  status.textContent = message;
  status.classList.toggle("error", Boolean(isError));
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) query.set(k, v);
  const url = query.toString() ? `${path}?${query}` : path;
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await resp.json().catch(() => ({}));
  if (!resp.ok) throw new Error((body.error && body.error.message) || `${resp.status} ${url}`);
  return body;
}

function typeColour(type) {
  const i = Math.max(0, state.types.indexOf(type));
  return `hsl(${(i * 360) / Math.max(1, state.types.length)}, 62%, 52%)`;
}

const toDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const toMs = (day) => Date.parse(`${day}T00:00:00Z`);

// The filters as the events, places and stats endpoints take them: with all_copies=true when
// the user asked to see every near-duplicate copy (by default a story is counted once).
function counted(filters) {
  return state.allCopies ? { ...filters, all_copies: "true" } : filters;
}

// Say how many near-duplicate copies (`diurna duplicates`) the counts leave out, or keep, with
// the button that switches; hidden when the store has none (/api/stats then has no `copies`).
function showCopies(copies) {
  const note = document.getElementById("copies");
  note.hidden = !copies;
  note.dataset.copies = copies || 0;
  if (!copies) return;
  const noun = copies === 1 ? "near-duplicate copy" : "near-duplicate copies";
  document.getElementById("copies-text").textContent = state.allCopies
    ? `${copies} ${noun} counted too: a story counts once for every outlet that ran it.`
    : `${copies} ${noun} left out: a story run by several outlets is counted once.`;
  document.getElementById("all-copies").textContent = state.allCopies
    ? "Count each story once" : "Show all copies";
}

function withoutDates(filters) {
  const rest = { ...filters };
  delete rest.date_from;
  delete rest.date_to;
  return rest;
}

// --- filters -----------------------------------------------------------------------------------

function readForm() {
  const form = document.getElementById("filters");
  const filters = {};
  for (const input of form.elements) {
    if (input.name && input.value.trim()) filters[input.name] = input.value.trim();
  }
  return filters;
}

function writeForm(filters) {
  const form = document.getElementById("filters");
  for (const input of form.elements) if (input.name) input.value = filters[input.name] || "";
}

async function apply(filters, { timeline = true } = {}) {
  state.filters = filters;
  writeForm(filters);
  try {
    say("Loading…");
    const tasks = [loadEvents(false), loadMarkers()];
    if (timeline) tasks.push(loadTimeline());
    await Promise.all(tasks);
    drawBrush();
    // A page of the table is not all the events: ask the count of the same filters
    // (/api/stats' `events`, cached by the server) only when there is more to page through.
    state.total = state.next ? (await api("/api/stats", counted(filters))).events : state.shown;
    sayShown();
  } catch (err) {
    say(err.message, true);
  }
}

// The status line: the rows the table holds of how many match ("100 of 2,361 events shown");
// the rows alone never said the total.
function sayShown() {
  const n = (x) => Number(x).toLocaleString("en");
  const where = Object.entries(state.filters).map(([k, v]) => `${k}=${v}`).join(", ");
  const count = state.next
    ? `${n(state.shown)} of ${n(state.total)} events shown (more below)`
    : `${n(state.shown)} ${state.shown === 1 ? "event" : "events"} shown`;
  say(`${count}${where ? "; " + where : ""}`);
}

// --- map ---------------------------------------------------------------------------------------

async function loadCountries() {
  const data = await (await fetch("/static/countries.json")).json();
  const group = document.getElementById("countries");
  for (const country of data.countries) {
    // A ring that crosses the antimeridian (Russia, Fiji) jumps ~360 degrees: start a new
    // stretch there instead of drawing a line across the map.
    const d = country.rings
      .map((ring) => ring.map(([lon, lat], i) =>
        `${i === 0 || Math.abs(lon - ring[i - 1][0]) > 180 ? "M" : "L"}${lon},${-lat}`).join("") + "Z")
      .join("");
    const path = el("svg:path", { d, "data-name": country.name });
    path.appendChild(el("svg:title", {}, country.name));
    group.appendChild(path);
  }
}

async function loadMarkers() {
  const places = await api("/api/places", counted(state.filters));
  const group = document.getElementById("markers");
  group.replaceChildren();
  const most = Math.max(1, ...places.features.map((f) => f.properties.events));
  const scale = fitMap(places.features.map((f) => f.geometry.coordinates));
  for (const f of places.features) {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const circle = el("svg:circle", {
      class: "marker" + (String(p.geonameid) === state.filters.place ? " selected" : ""),
      cx: lon,
      cy: -lat,
      r: (1.2 + 5 * Math.sqrt(p.events / most)) * scale,
      "data-name": p.name,
      "data-country": p.country,
      "data-geonameid": p.geonameid,
      "data-events": p.events,
    });
    circle.appendChild(el("svg:title", {}, `${p.name} (${p.country}): ${p.events} events`));
    circle.addEventListener("click", () => {
      const place = String(p.geonameid) === state.filters.place ? "" : String(p.geonameid);
      apply({ ...state.filters, place }, { timeline: true });
    });
    group.appendChild(circle);
  }
}

// Zoom the map to the event places (at least 60 by 30 degrees, the world's 2:1 shape); returns
// the view's width over the world's, to keep markers the same size on screen.
function fitMap(points) {
  const svg = document.getElementById("map");
  if (!points.length) {
    svg.setAttribute("viewBox", "-180 -90 360 180");
    return 1;
  }
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => -p[1]);
  let [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const w = Math.min(360, Math.max(60, (x1 - x0) * 1.3, (y1 - y0) * 2.6));
  const h = w / 2;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  x0 = Math.max(-180, Math.min(180 - w, cx - w / 2));
  y0 = Math.max(-90, Math.min(90 - h, cy - h / 2));
  svg.setAttribute("viewBox", `${x0} ${y0} ${w} ${h}`);
  return w / 360;
}

// --- timeline ----------------------------------------------------------------------------------

const TL = { width: 900, height: 130, left: 30, bottom: 18, top: 4 };
const DAILY_UP_TO = 400; // days: the longest range drawn by day (the server's auto interval too)

async function loadTimeline() {
  const params = counted(withoutDates(state.filters));
  let stats = await api("/api/stats", params);
  // The server counts by month when the dated events span more than 400 days, and one date
  // recalled from long ago (a 1916 execution in a 2006 article) is enough for that. The
  // timeline leaves such dates outside the range it draws (coreRange), so when that range is
  // short it asks for days: three months of news as 90 bars, not 4.
  if (stats.interval === "month" && stats.by_period.length) {
    const [lo, hi] = coreRange(stats.by_period);
    const end = Date.UTC(Number(hi.slice(0, 4)), Number(hi.slice(5, 7)), 1); // after month hi
    if ((end - toMs(`${lo}-01`)) / DAY <= DAILY_UP_TO) {
      stats = await api("/api/stats", { ...params, interval: "day" });
    }
  }
  state.stats = stats;
  showCopies(stats.copies);
  for (const type of Object.keys(stats.by_type)) if (!state.types.includes(type)) state.types.push(type);
  drawTimeline(stats);
}

function drawTimeline(stats) {
  const svg = document.getElementById("timeline");
  TL.width = Math.max(300, Math.round(svg.getBoundingClientRect().width)); // 1 unit = 1 pixel
  svg.setAttribute("viewBox", `0 0 ${TL.width} ${TL.height}`);
  svg.replaceChildren();
  if (!stats.first_day) {
    state.domain = null;
    svg.appendChild(el("svg:text", { x: TL.left, y: 40, class: "axis" }, "no dated events"));
    drawLegend();
    return;
  }
  // Whole months around the data, so "February" can be brushed even if few days have events;
  // the 0.5% earliest and latest events (a 1945 date recalled in a 2005 article) stay outside.
  const [firstDay, lastDay, outside] = coreRange(stats.by_period);
  const first = new Date(toMs(firstDay.length === 7 ? `${firstDay}-01` : firstDay));
  const last = new Date(toMs(lastDay.length === 7 ? `${lastDay}-01` : lastDay));
  const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  const end = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1);
  state.domain = [start, end];
  svg.dataset.start = toDay(start);
  svg.dataset.end = toDay(end);
  // One bar per period (a day, or a month over long ranges), stacked by type.
  const bars = new Map();
  for (const row of stats.by_period) {
    if (!bars.has(row.period)) bars.set(row.period, []);
    bars.get(row.period).push(row);
  }
  const tallest = Math.max(1, ...[...bars.values()].map((rows) => rows.reduce((s, r) => s + r.n, 0)));
  const plotH = TL.height - TL.bottom - TL.top;
  for (const [period, rows] of bars) {
    const from = toMs(period.length === 7 ? `${period}-01` : period);
    if (from < start || from >= end) continue; // counted in the note, not drawn
    const next = new Date(from);
    if (period.length === 7) next.setUTCMonth(next.getUTCMonth() + 1);
    else next.setUTCDate(next.getUTCDate() + 1);
    const x = xOf(from);
    const width = Math.max(xOf(next.getTime()) - x - 0.5, 0.8);
    let y = TL.height - TL.bottom;
    rows.sort((a, b) => state.types.indexOf(a.type) - state.types.indexOf(b.type));
    for (const row of rows) {
      const h = (row.n / tallest) * plotH;
      y -= h;
      const rect = el("svg:rect", {
        x, y, width, height: h, fill: typeColour(row.type), "data-period": period, "data-type": row.type,
      });
      rect.appendChild(el("svg:title", {}, `${period} ${row.type}: ${row.n}`));
      svg.appendChild(rect);
    }
  }
  svg.appendChild(el("svg:text", { x: 2, y: TL.top + 10, class: "axis" }, tallest));
  if (outside) {
    const note = `${outside} ${outside === 1 ? "event" : "events"} dated outside the range shown`;
    svg.appendChild(el("svg:text", { x: TL.width - 4, y: TL.top + 10, class: "axis", "text-anchor": "end" }, note));
  }
  const months = [];
  for (let m = new Date(start); m.getTime() < end; m.setUTCMonth(m.getUTCMonth() + 1)) months.push(m.getTime());
  const every = Math.max(1, Math.ceil(months.length / 12));
  months.forEach((ms, k) => {
    if (k % every) return;
    const label = new Date(ms).toISOString().slice(0, 7);
    svg.appendChild(el("svg:text", { x: xOf(ms), y: TL.height - 4, class: "axis" }, label));
  });
  svg.appendChild(el("svg:rect", { id: "brush", class: "brush", x: 0, y: 0, width: 0, height: 0 }));
  drawLegend();
}

// The periods holding all but the earliest and latest 0.5% of dated events, and how many
// events fall outside them.
function coreRange(rows) {
  const totals = new Map();
  for (const r of rows) totals.set(r.period, (totals.get(r.period) || 0) + r.n);
  const periods = [...totals.keys()].sort();
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  const cut = Math.floor(all * 0.005);
  let [lo, hi, seen] = [0, periods.length - 1, 0];
  while (lo < hi && seen + totals.get(periods[lo]) <= cut) seen += totals.get(periods[lo++]);
  let seenHi = 0;
  while (hi > lo && seenHi + totals.get(periods[hi]) <= cut) seenHi += totals.get(periods[hi--]);
  return [periods[lo], periods[hi], seen + seenHi];
}

function drawLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  for (const [type, n] of Object.entries(state.stats ? state.stats.by_type : {})) {
    const item = el("span", {}, `${type} ${n}`);
    item.prepend(el("i", { style: null }));
    item.firstChild.style.background = typeColour(type);
    legend.appendChild(item);
  }
  const select = document.querySelector("#filters select[name=type]");
  if (select.options.length === 1) {
    for (const type of state.types) select.appendChild(el("option", {}, type));
  }
}

function xOf(ms) {
  const [start, end] = state.domain;
  return TL.left + ((ms - start) / (end - start)) * (TL.width - TL.left);
}

function msOf(x) {
  const [start, end] = state.domain;
  const ms = start + ((x - TL.left) / (TL.width - TL.left)) * (end - start);
  return Math.min(end - DAY, Math.max(start, ms));
}

function drawBrush() {
  const brush = document.getElementById("brush");
  if (!brush || !state.domain) return;
  const { date_from: from, date_to: to } = state.filters;
  if (!from && !to) {
    brush.setAttribute("width", 0);
    return;
  }
  const x0 = xOf(from ? toMs(from) : state.domain[0]);
  const x1 = xOf((to ? toMs(to) : state.domain[1] - DAY) + DAY);
  brush.setAttribute("x", x0);
  brush.setAttribute("width", Math.max(1, x1 - x0));
  brush.setAttribute("height", TL.height - TL.bottom);
}

function svgX(svg, event) {
  const box = svg.getBoundingClientRect();
  return ((event.clientX - box.left) / box.width) * TL.width;
}

function setUpBrush() {
  const svg = document.getElementById("timeline");
  let from = null;
  svg.addEventListener("mousedown", (event) => {
    if (!state.domain) return;
    from = svgX(svg, event);
    event.preventDefault();
  });
  window.addEventListener("mousemove", (event) => {
    if (from === null) return;
    const brush = document.getElementById("brush");
    const x = svgX(svg, event);
    brush.setAttribute("x", Math.min(from, x));
    brush.setAttribute("width", Math.abs(x - from));
    brush.setAttribute("height", TL.height - TL.bottom);
  });
  window.addEventListener("mouseup", (event) => {
    if (from === null) return;
    const x = svgX(svg, event);
    const [a, b] = [Math.min(from, x), Math.max(from, x)];
    from = null;
    if (b - a < 2) return; // a click, not a drag
    const dateFrom = toDay(msOf(a));
    const dateTo = toDay(msOf(b));
    apply({ ...state.filters, date_from: dateFrom, date_to: dateTo }, { timeline: false });
  });
  svg.addEventListener("dblclick", () => {
    apply({ ...state.filters, date_from: "", date_to: "" }, { timeline: false });
  });
}

// --- table -------------------------------------------------------------------------------------

const who = (m) => (m ? `${m.text}${m.code ? " [" + m.code + "]" : ""}` : "");

async function loadEvents(more) {
  const params = { ...counted(state.filters), limit: 100, sort: "-date" }; // newest first, undated last
  if (more && state.next) params.cursor = state.next;
  const page = await api("/api/events", params);
  const body = document.querySelector("#events tbody");
  if (!more) {
    body.replaceChildren();
    state.shown = 0;
  }
  for (const e of page.events) {
    const place = e.place ? e.place.name || e.place.text : "";
    const row = el("tr", { "data-event": e.id, "data-doc": e.doc_id });
    for (const value of [e.event_date || "", e.type + (e.mode ? " / " + e.mode : ""), who(e.actor),
      who(e.recipient), place, e.status + (e.negated ? " (negated)" : ""), e.trigger.text]) {
      row.appendChild(el("td", {}, value));
    }
    row.title = e.sentence.text;
    row.addEventListener("click", () => openDocument(e.doc_id, e.id));
    body.appendChild(row);
  }
  state.shown += page.events.length;
  state.next = page.next;
  document.getElementById("more").hidden = !page.next;
}

// --- document view -----------------------------------------------------------------------------

function describe(span) {
  const parts = [];
  if (span.kind === "event") {
    parts.push(`event ${span.type}${span.mode ? " / " + span.mode : ""} (CAMEO ${span.cameo || "?"}), ${span.status}`);
    if (span.actor) parts.push(`  actor: ${span.actor}`);
    if (span.recipient) parts.push(`  recipient: ${span.recipient}`);
    if (span.date) parts.push(`  date: ${span.date}`);
    if (span.place) parts.push(`  place: ${span.place}`);
  } else if (span.kind === "actor") {
    parts.push(`actor ${span.name || "(not in the dictionary)"}${span.cameo ? " [" + span.cameo + "]" : ""}` +
      `${span.country ? ", " + span.country : ""}${span.sector ? " " + span.sector : ""}`);
  } else if (span.kind === "quote") {
    parts.push(`quote (${span.quote_kind}) by ${span.speaker || "unknown speaker"}${span.cue ? ", cue “" + span.cue + "”" : ""}`);
  } else if (span.kind === "speaker") {
    parts.push(`speaker of a quote${span.cameo ? " [" + span.cameo + "]" : ""}`);
  } else if (span.kind === "cue") {
    parts.push("speech cue");
  } else if (span.kind === "place") {
    parts.push(`place ${span.name || "(unresolved)"}${span.country ? ", " + span.country : ""}` +
      `${span.geonameid ? " (GeoNames " + span.geonameid + ")" : ""}`);
  } else if (span.kind === "time") {
    parts.push(`date ${span.value || "(unresolved)"} (${span.precision})`);
  }
  return `“${span.text}” ${span.start}–${span.end}: ${parts.join("\n")}`;
}

function renderBody(doc) {
  const article = document.getElementById("doc-body");
  article.replaceChildren();
  const spans = doc.spans;
  const text = doc.text;
  let start = 0;
  for (const para of text.split("\n\n")) {
    const end = start + para.length;
    const p = el("p");
    const cuts = new Set([start, end]);
    for (const s of spans) {
      if (s.start > start && s.start < end) cuts.add(s.start);
      if (s.end > start && s.end < end) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const covering = [];
      spans.forEach((s, k) => { if (s.start <= a && s.end >= b) covering.push(k); });
      if (!covering.length) {
        p.appendChild(document.createTextNode(text.slice(a, b)));
        continue;
      }
      const kinds = [...new Set(covering.map((k) => "k-" + spans[k].kind))];
      const types = covering.filter((k) => spans[k].kind === "event").map((k) => spans[k].type);
      const seg = el("span", {
        class: "seg " + kinds.join(" "),
        "data-start": a,
        "data-end": b,
        "data-spans": covering.join(","),
        "data-event-types": types.join(",") || null,
        title: covering.map((k) => describe(spans[k])).join("\n"),
      }, text.slice(a, b));
      seg.addEventListener("click", () => pickSegment(doc, seg));
      p.appendChild(seg);
    }
    article.appendChild(p);
    start = end + 2;
  }
}

function pickSegment(doc, seg) {
  const covering = seg.dataset.spans.split(",").map(Number).map((k) => doc.spans[k]);
  document.getElementById("span-info").textContent = covering.map(describe).join("\n");
  const event = covering.find((s) => s.kind === "event");
  markSentence(event ? event.sentence : null);
  document.querySelectorAll(".seg.picked").forEach((s) => s.classList.remove("picked"));
  seg.classList.add("picked");
  if (event) {
    document.querySelectorAll("#events tr.current").forEach((r) => r.classList.remove("current"));
    const row = document.querySelector(`#events tr[data-event="${CSS.escape(event.event)}"]`);
    if (row) row.classList.add("current");
  }
}

function markSentence(range) {
  document.querySelectorAll(".seg.in-sentence").forEach((s) => s.classList.remove("in-sentence"));
  if (!range) return;
  for (const seg of document.querySelectorAll("#doc-body .seg")) {
    if (Number(seg.dataset.start) >= range[0] && Number(seg.dataset.end) <= range[1]) {
      seg.classList.add("in-sentence");
    }
  }
}

async function openDocument(docId, eventId) {
  let doc;
  try {
    doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  } catch (err) {
    say(err.message, true);
    return;
  }
  const box = document.getElementById("doc");
  box.hidden = false;
  box.dataset.doc = doc.id;
  document.getElementById("doc-title").textContent = doc.title || "(untitled)";
  const meta = [doc.published ? `published ${doc.published}` : "no publication date", `id ${doc.id}`];
  if (doc.url) meta.push(doc.url);
  document.getElementById("doc-meta").textContent = meta.join(" · ");
  document.getElementById("span-info").textContent = "";
  renderBody(doc);
  const list = document.getElementById("doc-events");
  list.replaceChildren();
  for (const e of doc.events) {
    const item = el("li", { "data-event": e.id },
      `${e.type} “${e.trigger.text}” — ${who(e.actor) || "?"} → ${who(e.recipient) || "?"}` +
      `${e.event_date ? ", " + e.event_date : ""}${e.place && e.place.name ? ", " + e.place.name : ""}`);
    item.addEventListener("click", () => showEvent(doc, e.id));
    list.appendChild(item);
  }
  const comments = document.getElementById("comments");
  comments.replaceChildren();
  for (const c of doc.comments) {
    const item = el("li", { class: c.parent === null ? "comment" : "comment reply" });
    item.appendChild(el("span", { class: "author" }, c.author || "anonymous"));
    item.appendChild(document.createTextNode(c.parent === null ? ": " : ` (reply to #${c.parent + 1}): `));
    item.appendChild(el("span", { class: "text" }, c.text));
    comments.appendChild(item);
  }
  document.getElementById("comments-box").hidden = doc.comments.length === 0;
  location.hash = `doc=${doc.id}` + (eventId ? `&event=${eventId}` : "");
  if (eventId) showEvent(doc, eventId);
}

function showEvent(doc, eventId) {
  const index = doc.spans.findIndex((s) => s.kind === "event" && s.event === eventId);
  if (index < 0) return;
  const seg = [...document.querySelectorAll("#doc-body .seg")]
    .find((s) => s.dataset.spans.split(",").includes(String(index)));
  if (seg) {
    pickSegment(doc, seg);
    seg.scrollIntoView({ block: "center" });
  }
}

// --- start -------------------------------------------------------------------------------------

async function start() {
  document.getElementById("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    apply(readForm());
  });
  document.getElementById("clear").addEventListener("click", () => apply({}));
  document.getElementById("all-copies").addEventListener("click", () => {
    state.allCopies = !state.allCopies;
    apply(state.filters);
  });
  document.getElementById("more").addEventListener("click", () => loadEvents(true).then(sayShown).catch((e) => say(e.message, true)));
  document.getElementById("close-doc").addEventListener("click", () => {
    document.getElementById("doc").hidden = true;
    history.replaceState(null, "", location.pathname);
  });
  setUpBrush();
  // Redraw the timeline at its new width (the document view opening narrows it).
  new ResizeObserver(() => {
    const width = Math.round(document.getElementById("timeline").getBoundingClientRect().width);
    if (state.stats && Math.abs(width - TL.width) > 2) {
      drawTimeline(state.stats);
      drawBrush();
    }
  }).observe(document.getElementById("timeline"));
  await loadCountries().catch((err) => say(`map outlines: ${err.message}`, true));
  await apply({});
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("doc")) openDocument(hash.get("doc"), hash.get("event"));
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", start);
