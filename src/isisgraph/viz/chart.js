// isisgraph map and timeline pages, drawn in SVG. No libraries, no network, no tiles.
// The data is the JSON in #graph-data; data.view says which of the two to draw (see charts.py).
// When drawn, <body> carries data-ready="1" and what was drawn (data-markers, data-bars, ...).
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var svg = document.getElementById("chart");
  var viewport = document.getElementById("viewport");
  var info = document.getElementById("info");
  var body = document.body;
  body.dataset.view = data.view;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  // The evidence sentence (marked) and a link to its article.
  function evidenceBlock(evidence, parent) {
    if (!evidence) return;
    if (evidence.evidence) {
      var block = document.createElement("blockquote");
      if (evidence.evidence_prefix) block.appendChild(text("span", "…" + evidence.evidence_prefix, "context"));
      block.appendChild(text("mark", evidence.evidence));
      if (evidence.evidence_suffix) block.appendChild(text("span", evidence.evidence_suffix + "…", "context"));
      parent.appendChild(block);
    }
    parent.appendChild(articleLink(evidence));
  }

  function legendItem(color, label, count, shape) {
    var li = document.createElement("li");
    var swatch = text("span", null, "swatch");
    swatch.style.background = color;
    if (shape === "square") swatch.style.borderRadius = "2px";
    li.appendChild(swatch);
    li.appendChild(text("span", label));
    if (count !== undefined) li.appendChild(text("span", count, "count"));
    document.getElementById("legend").appendChild(li);
  }

  function hint(message) { info.replaceChildren(text("p", message, "hint")); }

  function dates(start, end) {
    if (!start) return "undated";
    return end && end !== start ? start + " – " + end : start;
  }

  // ------------------------------------------------------------------ pan and zoom

  var view = { x: 0, y: 0, k: 1 };
  function applyView() {
    viewport.setAttribute("transform", "translate(" + view.x.toFixed(2) + "," + view.y.toFixed(2) + ") scale(" + view.k.toFixed(5) + ")");
  }
  function panAndZoom() {
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var box = svg.getBoundingClientRect();
      var px = event.clientX - box.left, py = event.clientY - box.top;
      var k = Math.max(view.k / 20, Math.min(view.k * 20, view.k * Math.exp(-event.deltaY * 0.0015)));
      view.x = px - (px - view.x) * (k / view.k);
      view.y = py - (py - view.y) * (k / view.k);
      view.k = k;
      applyView();
    }, { passive: false });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.target.classList && event.target.classList.contains("marker")) return;
      drag = { x: event.clientX, y: event.clientY };
    });
    window.addEventListener("pointermove", function (event) {
      if (!drag) return;
      view.x += event.clientX - drag.x; view.y += event.clientY - drag.y;
      drag.x = event.clientX; drag.y = event.clientY;
      applyView();
    });
    window.addEventListener("pointerup", function () { drag = null; });
  }

  // ------------------------------------------------------------------ the map

  function drawMap() {
    var LAT0 = 34, COS = Math.cos(LAT0 * Math.PI / 180), UNIT = 100; // equirectangular, true at 34°N
    function px(lon) { return lon * COS * UNIT; }
    function py(lat) { return -lat * UNIT; }
    function ringPath(ring) {
      return ring.map(function (p, i) { return (i ? "L" : "M") + px(p[0]).toFixed(1) + "," + py(p[1]).toFixed(1); }).join("") + "Z";
    }
    function polygons(geometry) {
      return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    }
    var borders = el("g", {}, viewport), lines = el("g", {}, viewport), names = el("g", {}, viewport);
    var markerLayer = el("g", {}, viewport);
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    var features = data.boundaries.slice().sort(function (a, b) {
      return (a.properties.focus ? 1 : 0) - (b.properties.focus ? 1 : 0);
    });
    features.forEach(function (feature) {
      var props = feature.properties, d = "";
      var sumX = 0, sumY = 0, count = 0;
      polygons(feature.geometry).forEach(function (polygon) {
        polygon.forEach(function (ring) { d += ringPath(ring); });
        polygon[0].forEach(function (p) {
          if (props.focus) {
            minX = Math.min(minX, px(p[0])); maxX = Math.max(maxX, px(p[0]));
            minY = Math.min(minY, py(p[1])); maxY = Math.max(maxY, py(p[1]));
          }
          sumX += px(p[0]); sumY += py(p[1]); count += 1;
        });
      });
      if (props.kind === "governorate") {
        var path = el("path", { "class": "governorate", d: d, "data-place": props.place }, lines);
        el("title", {}, path).textContent = props.name + " (" + props.country + ")";
        var label = el("text", { "class": "governorate-label", x: (sumX / count).toFixed(1), y: (sumY / count).toFixed(1) }, names);
        label.textContent = props.name;
      } else {
        var country = el("path", { "class": "country" + (props.focus ? " focus" : ""), d: d }, borders);
        el("title", {}, country).textContent = props.name;
      }
    });
    // fit Iraq and Syria into the drawing area
    var box = svg.getBoundingClientRect();
    var width = box.width || 800, height = box.height || 600, margin = 16;
    view.k = Math.min((width - 2 * margin) / (maxX - minX), (height - 2 * margin) / (maxY - minY));
    view.x = (width - (maxX + minX) * view.k) / 2;
    view.y = (height - (maxY + minY) * view.k) / 2;
    applyView();
    var pixel = 1 / view.k; // map units per screen pixel at the first fit
    names.setAttribute("font-size", (9 * pixel).toFixed(2));
    Array.prototype.forEach.call(names.children, function (t) { t.style.fontSize = (9 * pixel).toFixed(2) + "px"; });

    var types = data.types, places = data.places, records = data.records;
    var total = {};
    records.forEach(function (r) { total[r.type] = (total[r.type] || 0) + 1; });
    types.forEach(function (t, i) { legendItem(t.color, t.label, total[i] || 0); });
    document.getElementById("legend-title").textContent = "Events and strike reports";
    var noteText = [];
    if (data.unplaced) noteText.push(data.unplaced + " events and strike reports name no place with coordinates and are not on the map.");
    var outside = places.filter(function (p) {
      return px(p.lon) < minX || px(p.lon) > maxX || py(p.lat) < minY || py(p.lat) > maxY;
    }).map(function (p) { return p.label; });
    if (outside.length) noteText.push("Outside Iraq and Syria (zoom out with the wheel): " + outside.join(", ") + ".");
    body.dataset.outside = String(outside.length);
    noteText.push("A marker is the records of one type at one place, its area their number. A strike report that names no place is drawn at its country.");
    noteText.push("Borders: Natural Earth (public domain).");
    document.getElementById("note").textContent = noteText.join(" ");

    // the date filter: a record shows when its dates overlap the range
    var starts = records.map(function (r) { return r.start; }).filter(Boolean).sort();
    var ends = records.map(function (r) { return r.end || r.start; }).filter(Boolean).sort();
    var from = document.getElementById("from"), to = document.getElementById("to"), undated = document.getElementById("undated");
    if (starts.length) { from.min = to.min = starts[0]; from.max = to.max = ends[ends.length - 1]; }
    function fromHash() {
      var params = new URLSearchParams(location.hash.replace(/^#/, ""));
      from.value = params.get("from") || (starts.length ? starts[0] : "");
      to.value = params.get("to") || (ends.length ? ends[ends.length - 1] : "");
      undated.checked = params.get("undated") !== "0";
    }
    function shown(r) {
      if (!r.start) return undated.checked;
      var end = r.end || r.start;
      return (!from.value || end >= from.value) && (!to.value || r.start <= to.value);
    }

    var selected = null;
    function drawMarkers() {
      markerLayer.replaceChildren();
      var groups = new Map(), visible = 0;
      records.forEach(function (r) {
        if (!shown(r)) return;
        visible += 1;
        r.places.forEach(function (p) {
          var key = p + " " + r.type;
          if (!groups.has(key)) groups.set(key, { place: p, type: r.type, records: [] });
          groups.get(key).records.push(r);
        });
      });
      var markers = Array.from(groups.values()).sort(function (a, b) {
        return b.records.length - a.records.length || a.place - b.place || a.type - b.type;
      });
      var placesDrawn = new Set();
      markers.forEach(function (m) {
        var place = places[m.place];
        placesDrawn.add(m.place);
        var circle = el("circle", {
          "class": "marker", cx: px(place.lon).toFixed(1), cy: py(place.lat).toFixed(1),
          r: (4.5 * Math.sqrt(m.records.length) * pixel).toFixed(2), fill: types[m.type].color,
          "data-place": place.id, "data-type": types[m.type].type, "data-count": m.records.length
        }, markerLayer);
        el("title", {}, circle).textContent = place.label + ": " + m.records.length + " × " + types[m.type].label;
        circle.addEventListener("click", function (event) {
          event.stopPropagation();
          Array.prototype.forEach.call(markerLayer.children, function (c) { c.classList.remove("selected"); });
          circle.classList.add("selected");
          selected = place.id + " " + types[m.type].type;
          showMarker(place, m);
        });
      });
      body.dataset.markers = String(markers.length);
      body.dataset.records = String(visible);
      body.dataset.places = String(placesDrawn.size);
      body.dataset.from = from.value; body.dataset.to = to.value;
      document.getElementById("counts").textContent =
        visible + " of " + records.length + " events and strike reports · " + markers.length + " markers at " + placesDrawn.size + " places";
    }

    function showMarker(place, marker) {
      var type = types[marker.type];
      info.replaceChildren();
      info.appendChild(text("h2", place.label));
      info.appendChild(text("p", marker.records.length + " × " + type.label, "type"));
      var ul = text("ul", null, "records");
      marker.records.forEach(function (r) {
        var li = document.createElement("li");
        li.appendChild(text("div", r.label, "what"));
        var when = dates(r.start, r.end) + (r.strikes !== undefined ? " · " + r.strikes + " strikes" : "");
        if (r.basis === "country") when += " · names no place: drawn at the country";
        li.appendChild(text("div", when, "when"));
        evidenceBlock(r.evidence, li);
        ul.appendChild(li);
      });
      info.appendChild(ul);
      body.dataset.selected = place.id + " " + type.type;
    }

    // #place=<IRI> (and &type=<type>) opens the largest marker there, as a click would
    function redraw() {
      drawMarkers();
      hint("Click a marker to see the events and strike reports there, each with its sentence and article.");
      delete body.dataset.selected;
      var params = new URLSearchParams(location.hash.replace(/^#/, ""));
      var wanted = params.get("place"), type = params.get("type");
      if (!wanted) return;
      var found = Array.prototype.find.call(markerLayer.children, function (c) {
        return c.dataset.place === wanted && (!type || c.dataset.type === type);
      });
      if (found) found.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      else hint("No marker at " + wanted + " for these dates.");
    }
    [from, to, undated].forEach(function (input) { input.addEventListener("change", redraw); });
    window.addEventListener("hashchange", function () { fromHash(); redraw(); });
    fromHash();
    redraw();
    panAndZoom();
  }

  // ------------------------------------------------------------------ the timeline

  function drawTimeline() {
    var bars = data.bars, changes = data.changes;
    var months = bars.map(function (b) { return b.month; }).concat(changes.map(function (c) { return c.month; })).sort();
    var colours = {};
    data.actors.forEach(function (a) { colours[a.label] = a.color; legendItem(a.color, a.label); });
    legendItem("#756bb1", "control changes", changes.length, "square");
    document.getElementById("legend-title").textContent = "Who struck";
    document.getElementById("note").textContent =
      "Counted by the saved query " + data.query + ": each bar is its row for the bar's actor (members' strikes " +
      "inside); bars stand side by side, do not add them up.";
    function finish(nBars, strikes, changeMonths) {
      body.dataset.bars = String(nBars);
      body.dataset.strikes = String(strikes);
      body.dataset.changes = String(changes.length);
      body.dataset.changeMonths = String(changeMonths);
      body.dataset.ready = "1";
    }
    if (!months.length) {
      hint("No dated strike reports or control changes in this graph.");
      finish(0, 0, 0);
      return;
    }
    function monthIndex(month) { return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1; }
    var first = monthIndex(months[0]), last = monthIndex(months[months.length - 1]);
    var span = last - first + 1;
    var W = Math.max(8, Math.min(36, Math.floor(760 / span))), LEFT = 60, GAP = 34;
    var countries = [];
    bars.forEach(function (b) { if (countries.indexOf(b.country) < 0) countries.push(b.country); });
    var PANEL = countries.length > 2 ? 90 : 130;
    countries.sort(function (a, b) { return (a === "not stated") - (b === "not stated") || (a < b ? -1 : a > b ? 1 : 0); });
    var width = LEFT + span * W + 40, height = (countries.length + 1) * (PANEL + GAP) + 30;
    svg.setAttribute("width", width); svg.setAttribute("height", height);
    var selectedRect = null;
    function select(node) {
      if (selectedRect) selectedRect.classList.remove("selected");
      selectedRect = node; node.classList.add("selected");
    }
    function axis(top) {
      el("line", { "class": "axis", x1: LEFT, x2: LEFT + span * W, y1: top + PANEL, y2: top + PANEL }, viewport);
      for (var m = first; m <= last; m++) {
        var month = m % 12;
        var opening = m === first && (span <= 24 || month < 9); // no year label crowding the next January
        if (month === 0 || opening || span <= 24) {
          var label = month === 0 || opening ? String(Math.floor(m / 12)) + (span <= 24 ? "-" + String(month + 1).padStart(2, "0") : "")
            : String(month + 1).padStart(2, "0");
          var t = el("text", { "class": "tick", x: LEFT + (m - first) * W + 1, y: top + PANEL + 11 }, viewport);
          t.textContent = label;
        }
      }
    }
    var drawn = 0, strikes = 0;
    countries.forEach(function (country, row) {
      var top = 20 + row * (PANEL + GAP);
      var mine = bars.filter(function (b) { return b.country === country; });
      // the bars of a month stand side by side, one per actor, each as high as its count
      var most = Math.max.apply(null, mine.map(function (b) { return b.strikes; }).concat([1]));
      var side = {}, placed = {};
      mine.forEach(function (b) { side[b.month] = (side[b.month] || 0) + 1; });
      var title = el("text", { "class": "panel-title", x: LEFT, y: top - 4 }, viewport);
      title.textContent = "Strikes in " + country + " (highest bar: " + most + ")";
      var scale = (PANEL - 8) / most;
      mine.forEach(function (b) {
        var h = Math.max(b.strikes * scale, 1.5), slot = placed[b.month] || 0;
        var w = Math.max((W - 2) / side[b.month], 1);
        var x = LEFT + (monthIndex(b.month) - first) * W + 1 + slot * w;
        var rect = el("rect", {
          "class": "bar", x: x.toFixed(1), y: (top + PANEL - h).toFixed(1), width: w.toFixed(1), height: h.toFixed(1),
          fill: colours[b.actor], "data-country": b.country, "data-month": b.month, "data-actor": b.actor,
          "data-strikes": b.strikes
        }, viewport);
        el("title", {}, rect).textContent = b.actor + " · " + b.country + " · " + b.month + ": " + b.strikes + " strikes";
        rect.addEventListener("click", function () { select(rect); showBar(b); });
        placed[b.month] = slot + 1;
        drawn += 1; strikes += b.strikes;
      });
      axis(top);
    });
    // control changes: one square per change, stacked by month
    var top = 20 + countries.length * (PANEL + GAP);
    el("text", { "class": "panel-title", x: LEFT, y: top - 4 }, viewport).textContent = "Control changes (a square each)";
    var perMonth = {}, changeMonths = 0;
    changes.forEach(function (c) {
      var stacked = perMonth[c.month] || 0;
      if (!stacked) changeMonths += 1;
      perMonth[c.month] = stacked + 1;
      var size = Math.max(W - 2, 4);
      var square = el("rect", {
        "class": "change", x: LEFT + (monthIndex(c.month) - first) * W + 1, y: top + PANEL - (stacked + 1) * (size + 1),
        width: size, height: size, "data-month": c.month, "data-id": c.id
      }, viewport);
      el("title", {}, square).textContent = c.label;
      square.addEventListener("click", function () { select(square); showChange(c); });
    });
    axis(top);
    document.getElementById("counts").textContent = drawn + " bars of strikes · " + changes.length + " control changes";
    hint("Click a bar to see the reported periods and the articles behind it, or a square for a control change.");
    finish(drawn, strikes, changeMonths);
  }

  function showBar(bar) {
    info.replaceChildren();
    info.appendChild(text("h2", bar.strikes + " strikes · " + bar.month));
    info.appendChild(text("p", bar.actor + " in " + bar.country, "type"));
    var ul = text("ul", null, "records");
    bar.periods.forEach(function (period) {
      var li = document.createElement("li");
      li.appendChild(text("div", dates(period.start, period.end) + ": " + period.strikes + " strikes", "what"));
      period.sources.forEach(function (source) {
        li.appendChild(text("div", source.label, "when"));
        evidenceBlock(source, li);
      });
      ul.appendChild(li);
    });
    info.appendChild(ul);
    body.dataset.selected = bar.country + " " + bar.month + " " + bar.actor;
  }

  function showChange(change) {
    info.replaceChildren();
    info.appendChild(text("h2", change.label));
    var who = (change.gained.join(", ") || "someone") + " took " + (change.places.join(", ") || "a place") +
      (change.lost.length ? " from " + change.lost.join(", ") : "");
    info.appendChild(text("p", who + " · " + dates(change.start, change.end), "type"));
    evidenceBlock(change.evidence, info);
    body.dataset.selected = change.id;
  }

  if (data.view === "map") {
    drawMap();
    body.dataset.ready = "1";
  } else {
    drawTimeline();
  }
})();
