// isisgraph graph page: a force-directed layout drawn in SVG. No libraries, no network.
// The data is the JSON in #graph-data: {title, view, types: [{type, label, kind, color, count}],
// nodes: [{id, label, type, labelled, evidence?, facts?}], edges: [{s, t, label, ...}]}.
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = data.nodes, edges = data.edges, types = data.types;
  var n = nodes.length;
  var svg = document.getElementById("graph");
  var viewport = document.getElementById("viewport");
  var info = document.getElementById("info");
  var byId = new Map();
  nodes.forEach(function (node, i) { byId.set(node.id, i); });

  // ------------------------------------------------------------------ neighbourhoods

  var degree = new Float64Array(n);
  var incident = nodes.map(function () { return []; });
  // Edges with the same ends and label are drawn as one line ("speaks for ×4"); the info
  // panel still lists each of them with its own evidence.
  var lines = [], lineOf = new Map();
  edges.forEach(function (edge, e) {
    degree[edge.s] += 1; degree[edge.t] += 1;
    incident[edge.s].push(e);
    if (edge.t !== edge.s) incident[edge.t].push(e);
    var key = edge.s + " " + edge.t + " " + edge.label;
    if (!lineOf.has(key)) { lineOf.set(key, lines.length); lines.push({ s: edge.s, t: edge.t, label: edge.label, edges: [] }); }
    lines[lineOf.get(key)].edges.push(e);
  });
  var lineOfEdge = edges.map(function (edge) { return lineOf.get(edge.s + " " + edge.t + " " + edge.label); });
  var pairs = new Map(); // unordered node pair -> lines between them (drawn as curves side by side)
  lines.forEach(function (line, l) {
    var key = Math.min(line.s, line.t) + " " + Math.max(line.s, line.t);
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key).push(l);
  });
  var radius = nodes.map(function (node, i) {
    return node.labelled || n <= 400 ? Math.min(4.5 + 2.2 * Math.sqrt(degree[i]), 20) : 3.2;
  });

  // ------------------------------------------------------------------ layout

  // Fruchterman-Reingold with a pull to the centre, each connected component on its own,
  // then the components packed in rows, largest first; from a fixed spiral start, so the same
  // data always gives the same picture. Repulsion is exact for small graphs and limited to
  // nearby nodes (a grid of cells) for large ones: a few thousand nodes take about a second.
  var K = n <= 60 ? 70 : n <= 300 ? 60 : 40;
  var x = new Float64Array(n), y = new Float64Array(n);
  var links = [];
  pairs.forEach(function (list, key) {
    var ends = key.split(" ").map(Number);
    if (ends[0] !== ends[1]) {
      var count = 0;
      list.forEach(function (l) { count += lines[l].edges.length; });
      links.push([ends[0], ends[1], Math.min(count, 3)]);
    }
  });
  var parent = new Int32Array(n);
  for (var p0 = 0; p0 < n; p0++) parent[p0] = p0;
  function root(i) { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
  links.forEach(function (link) {
    var a = root(link[0]), b = root(link[1]);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  });
  var component = new Int32Array(n), members = new Map();
  for (var c0 = 0; c0 < n; c0++) {
    component[c0] = root(c0);
    if (!members.has(component[c0])) members.set(component[c0], []);
    members.get(component[c0]).push(c0);
  }
  members.forEach(function (list) {
    list.forEach(function (i, rank) {
      var r = K * 0.7 * Math.sqrt(rank + 0.5), a = rank * 2.399963229728653;
      x[i] = r * Math.cos(a); y[i] = r * Math.sin(a);
    });
  });
  var ITERATIONS = n <= 300 ? 500 : n <= 1500 ? 320 : 220;
  var CHUNK = n <= 300 ? 100 : 20;
  var exact = n <= 700;
  var dx = new Float64Array(n), dy = new Float64Array(n);
  var iteration = 0;

  function repel(i, j) {
    if (component[i] !== component[j]) return;
    var ddx = x[i] - x[j], ddy = y[i] - y[j];
    var d2 = ddx * ddx + ddy * ddy;
    if (!exact && d2 > 4 * K * K) return;
    if (d2 < 0.01) { ddx = 0.1 * ((i % 7) - 3) + 0.05; ddy = 0.1 * ((j % 5) - 2) + 0.05; d2 = ddx * ddx + ddy * ddy; }
    var f = K * K / d2;
    dx[i] += ddx * f; dy[i] += ddy * f; dx[j] -= ddx * f; dy[j] -= ddy * f;
  }

  function cellKey(gx, gy) { return (gx + 32768) * 65536 + (gy + 32768); }

  function repelAll() {
    if (exact) {
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) repel(i, j);
      return;
    }
    var cell = 2 * K, grid = new Map();
    for (var g = 0; g < n; g++) {
      var key = cellKey(Math.floor(x[g] / cell), Math.floor(y[g] / cell));
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(g);
    }
    for (var a = 0; a < n; a++) {
      var cx = Math.floor(x[a] / cell), cy = Math.floor(y[a] / cell);
      for (var gx = cx - 1; gx <= cx + 1; gx++) {
        for (var gy = cy - 1; gy <= cy + 1; gy++) {
          var near = grid.get(cellKey(gx, gy));
          if (!near) continue;
          for (var m = 0; m < near.length; m++) if (near[m] > a) repel(a, near[m]);
        }
      }
    }
  }

  function step() {
    dx.fill(0); dy.fill(0);
    repelAll();
    for (var l = 0; l < links.length; l++) {
      var s = links[l][0], t = links[l][1], w = links[l][2];
      var ddx = x[s] - x[t], ddy = y[s] - y[t];
      var d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      var f = d / K * (0.6 + 0.4 * w);
      dx[s] -= ddx * f; dy[s] -= ddy * f; dx[t] += ddx * f; dy[t] += ddy * f;
    }
    var temperature = K * 3 * (1 - iteration / ITERATIONS) + 0.5;
    for (var i = 0; i < n; i++) {
      var size = members.get(component[i]).length;
      var gravity = exact ? 0.25 : 1.5 / Math.sqrt(size);
      dx[i] -= x[i] * gravity; dy[i] -= y[i] * gravity;
      var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (len > 0) {
        var move = Math.min(len, temperature);
        x[i] += dx[i] / len * move; y[i] += dy[i] / len * move;
      }
    }
    iteration += 1;
  }

  // Shelf packing: components side by side in rows about as wide as the whole is tall.
  function packComponents() {
    var boxes = [];
    members.forEach(function (list) {
      var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      list.forEach(function (i) {
        var labelRoom = !nodes[i].quiet && (nodes[i].labelled || n <= 400) ? Math.min(nodes[i].label.length, 42) * 5.5 : 0;
        minX = Math.min(minX, x[i] - radius[i]); maxX = Math.max(maxX, x[i] + radius[i] + labelRoom);
        minY = Math.min(minY, y[i] - radius[i] - 6); maxY = Math.max(maxY, y[i] + radius[i] + 6);
      });
      boxes.push({ list: list, minX: minX, minY: minY, w: maxX - minX + K * 0.6, h: maxY - minY + K * 0.6 });
    });
    boxes.sort(function (a, b) { return b.list.length - a.list.length || a.list[0] - b.list[0]; });
    var area = 0, widest = 0;
    boxes.forEach(function (b) { area += b.w * b.h; widest = Math.max(widest, b.w); });
    var rowWidth = Math.max(widest, Math.sqrt(area) * 1.2);
    var cx = 0, cy = 0, rowHeight = 0;
    boxes.forEach(function (b) {
      if (cx > 0 && cx + b.w > rowWidth) { cx = 0; cy += rowHeight; rowHeight = 0; }
      var shiftX = cx - b.minX, shiftY = cy - b.minY;
      b.list.forEach(function (i) { x[i] += shiftX; y[i] += shiftY; });
      cx += b.w; rowHeight = Math.max(rowHeight, b.h);
    });
  }

  // ------------------------------------------------------------------ drawing

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }

  var edgeLayer = document.getElementById("edges");
  var edgeLabelLayer = document.getElementById("edge-labels");
  var nodeLayer = document.getElementById("nodes");
  var edgePaths = [], edgeLabels = [], edgeHits = [], nodeGroups = [];

  function drawElements() {
    lines.forEach(function (line) {
      var path = el("path", { "class": "edge", "marker-end": "url(#arrow)" }, edgeLayer);
      var title = el("title", {}, path);
      var many = line.edges.length > 1 ? " ×" + line.edges.length : "";
      title.textContent = nodes[line.s].label + " — " + line.label + many + " → " + nodes[line.t].label;
      edgePaths.push(path);
      var text = el("text", { "class": "edge-label" }, edgeLabelLayer);
      text.textContent = line.label + many;
      edgeLabels.push(text);
      // a wide transparent copy of the line takes the pointer: its label shows while it is on it
      var hit = el("path", { "class": "edge-hit" }, edgeLayer);
      hit.appendChild(title.cloneNode(true));
      hit.addEventListener("mouseenter", function () { path.classList.add("hover"); text.classList.add("hover"); });
      hit.addEventListener("mouseleave", function () { path.classList.remove("hover"); text.classList.remove("hover"); });
      edgeHits.push(hit);
    });
    nodes.forEach(function (node, i) {
      var group = el("g", { "class": node.quiet ? "node quiet" : "node", "data-id": node.id }, nodeLayer);
      el("circle", { r: radius[i].toFixed(1), fill: types[node.type].color }, group);
      var title = el("title", {}, group);
      title.textContent = node.label + " (" + types[node.type].label + ")";
      if (node.labelled || n <= 400) {
        var text = el("text", { x: (radius[i] + 2).toFixed(1), y: "3.5" }, group);
        text.textContent = node.label.length > 42 ? node.label.slice(0, 41) + "…" : node.label;
      }
      group.addEventListener("click", function (event) { event.stopPropagation(); showNode(node.id); });
      nodeGroups.push(group);
    });
  }

  function placeElements() {
    for (var i = 0; i < n; i++) {
      nodeGroups[i].setAttribute("transform", "translate(" + x[i].toFixed(1) + "," + y[i].toFixed(1) + ")");
    }
    pairs.forEach(function (list) {
      list.forEach(function (l, index) {
        var line = lines[l], s = line.s, t = line.t;
        if (s === t) { // a loop: a small circle above the node
          var lr = radius[s] + 8;
          edgePaths[l].setAttribute("d", "M" + x[s] + "," + (y[s] - radius[s]) + " a" + lr / 2 + "," + lr / 2 + " 0 1,1 0.1,0");
          edgeHits[l].setAttribute("d", edgePaths[l].getAttribute("d"));
          edgeLabels[l].setAttribute("x", x[s].toFixed(1)); edgeLabels[l].setAttribute("y", (y[s] - radius[s] - lr).toFixed(1));
          return;
        }
        var lo = Math.min(s, t), hi = Math.max(s, t);
        var ux = x[hi] - x[lo], uy = y[hi] - y[lo];
        var len = Math.sqrt(ux * ux + uy * uy) || 1;
        var px = -uy / len, py = ux / len; // perpendicular of the pair, the same for both directions
        var offset = (index - (list.length - 1) / 2) * 16;
        var mx = (x[s] + x[t]) / 2 + px * offset, my = (y[s] + y[t]) / 2 + py * offset;
        var cx = 2 * mx - (x[s] + x[t]) / 2, cy = 2 * my - (y[s] + y[t]) / 2;
        var start = towards(x[s], y[s], cx, cy, radius[s] + 1);
        var end = towards(x[t], y[t], cx, cy, radius[t] + 2);
        edgePaths[l].setAttribute("d", "M" + start[0].toFixed(1) + "," + start[1].toFixed(1) +
          " Q" + cx.toFixed(1) + "," + cy.toFixed(1) + " " + end[0].toFixed(1) + "," + end[1].toFixed(1));
        edgeHits[l].setAttribute("d", edgePaths[l].getAttribute("d"));
        edgeLabels[l].setAttribute("x", mx.toFixed(1));
        edgeLabels[l].setAttribute("y", (my - 2).toFixed(1));
      });
    });
  }

  function towards(fromX, fromY, toX, toY, distance) {
    var ddx = toX - fromX, ddy = toY - fromY;
    var d = Math.sqrt(ddx * ddx + ddy * ddy) || 1;
    return [fromX + ddx / d * distance, fromY + ddy / d * distance];
  }

  // ------------------------------------------------------------------ pan and zoom

  var view = { x: 0, y: 0, k: 1 };

  function applyView() {
    viewport.setAttribute("transform", "translate(" + view.x.toFixed(2) + "," + view.y.toFixed(2) + ") scale(" + view.k.toFixed(4) + ")");
  }

  // Fits the given nodes (all when none are given) into the drawing area.
  var fitted = null; // what the last fit showed, so that a resized window shows it again

  function fit(only) {
    if (!n) return;
    var chosen = Array.isArray(only) ? only : null;
    fitted = chosen;
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (var c = 0; c < (chosen ? chosen.length : n); c++) {
      var i = chosen ? chosen[c] : c;
      minX = Math.min(minX, x[i] - radius[i]); maxX = Math.max(maxX, x[i] + radius[i] + 60);
      minY = Math.min(minY, y[i] - radius[i] - 8); maxY = Math.max(maxY, y[i] + radius[i] + 8);
    }
    var box = svg.getBoundingClientRect();
    var width = box.width || 800, height = box.height || 600, margin = 20;
    view.k = Math.min((width - 2 * margin) / (maxX - minX || 1), (height - 2 * margin) / (maxY - minY || 1), 2.5);
    view.x = (width - (maxX + minX) * view.k) / 2;
    view.y = (height - (maxY + minY) * view.k) / 2;
    applyView();
  }

  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var box = svg.getBoundingClientRect();
    var px = event.clientX - box.left, py = event.clientY - box.top;
    var k = Math.max(0.05, Math.min(12, view.k * Math.exp(-event.deltaY * 0.0015)));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    applyView();
  }, { passive: false });

  var drag = null;
  svg.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest(".node")) return;
    drag = { x: event.clientX, y: event.clientY, moved: false };
    svg.classList.add("panning");
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) return;
    view.x += event.clientX - drag.x; view.y += event.clientY - drag.y;
    if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 0) drag.moved = true;
    drag.x = event.clientX; drag.y = event.clientY;
    applyView();
  });
  window.addEventListener("pointerup", function () {
    if (drag && !drag.moved) clearSelection();
    drag = null;
    svg.classList.remove("panning");
  });

  // ------------------------------------------------------------------ the info panel

  function quoteBlock(evidence) {
    var block = document.createElement("blockquote");
    if (evidence.evidence_prefix) block.appendChild(text("span", "…" + evidence.evidence_prefix, "context"));
    block.appendChild(text("mark", evidence.evidence));
    if (evidence.evidence_suffix) block.appendChild(text("span", evidence.evidence_suffix + "…", "context"));
    return block;
  }

  function nodeButton(index) {
    var button = text("button", nodes[index].label, "node-link");
    button.type = "button";
    button.addEventListener("click", function () { showNode(nodes[index].id); centreOn(index); });
    return button;
  }

  function renderInfo(index) {
    var node = nodes[index], type = types[node.type];
    info.replaceChildren();
    info.appendChild(text("h2", node.label));
    var typeLine = text("p", null, "type");
    var swatch = text("span", null, "swatch");
    swatch.style.background = type.color;
    typeLine.appendChild(swatch);
    typeLine.appendChild(text("span", type.label + (type.label !== type.type ? " (" + type.type + ")" : "")));
    info.appendChild(typeLine);
    info.appendChild(text("p", node.id, "iri"));
    if (node.evidence && node.evidence.evidence) {
      info.appendChild(text("h3", "Evidence"));
      info.appendChild(quoteBlock(node.evidence));
      info.appendChild(articleLink(node.evidence));
    } else if (node.evidence) {
      info.appendChild(articleLink(node.evidence));
    }
    if (node.facts) {
      var table = document.createElement("table");
      Object.keys(node.facts).sort().forEach(function (key) {
        var row = document.createElement("tr");
        row.appendChild(text("td", key.replace(/_/g, " ")));
        row.appendChild(text("td", node.facts[key]));
        table.appendChild(row);
      });
      info.appendChild(table);
    }
    var list = incident[index];
    info.appendChild(text("h3", "Links (" + list.length + ")"));
    var ul = text("ul", null, "links");
    list.slice(0, 300).forEach(function (e) {
      var edge = edges[e], outgoing = edge.s === index;
      var li = document.createElement("li");
      li.appendChild(text("span", outgoing ? edge.label + " →" : "← " + edge.label, "rel"));
      li.appendChild(nodeButton(outgoing ? edge.t : edge.s));
      if (edge.record_label) li.appendChild(text("span", edge.record_label, "quote"));
      if (edge.evidence) {
        var quote = text("span", "“" + edge.evidence + "”", "quote");
        var url = safeUrl(edge.url);
        if (url) {
          var link = text("a", " article");
          link.href = url; link.target = "_blank"; link.rel = "noopener noreferrer";
          quote.appendChild(link);
        }
        li.appendChild(quote);
      }
      ul.appendChild(li);
    });
    if (list.length > 300) ul.appendChild(text("li", "… and " + (list.length - 300) + " more"));
    info.appendChild(ul);
  }

  function clearMarks() {
    nodeGroups.forEach(function (g) { g.classList.remove("selected", "near", "dim"); });
    edgePaths.forEach(function (p) { p.classList.remove("near", "dim"); });
    edgeLabels.forEach(function (t) { t.classList.remove("near", "dim"); });
  }

  function clearSelection() {
    clearMarks();
    delete document.body.dataset.selected;
    info.replaceChildren(text("p", "Click a node to see its label, type and the sentence it comes from.", "hint"));
  }

  function showNode(id) {
    var index = byId.get(id);
    if (index === undefined) {
      info.replaceChildren(text("p", "No node " + id + " in this view.", "hint"));
      return false;
    }
    clearMarks();
    var near = new Set([index]);
    incident[index].forEach(function (e) {
      near.add(edges[e].s); near.add(edges[e].t);
      edgePaths[lineOfEdge[e]].classList.add("near"); edgeLabels[lineOfEdge[e]].classList.add("near");
    });
    nodeGroups.forEach(function (g, i) {
      if (i === index) g.classList.add("selected");
      else if (near.has(i)) g.classList.add("near");
      else g.classList.add("dim");
    });
    edgePaths.forEach(function (p, e) { if (!p.classList.contains("near")) { p.classList.add("dim"); edgeLabels[e].classList.add("dim"); } });
    renderInfo(index);
    document.body.dataset.selected = id;
    try { history.replaceState(null, "", "#node=" + encodeURIComponent(id)); } catch (err) { /* file: pages may refuse */ }
    return true;
  }
  window.showNode = showNode;

  function centreOn(index) {
    var box = svg.getBoundingClientRect();
    view.x = box.width / 2 - x[index] * view.k;
    view.y = box.height / 2 - y[index] * view.k;
    applyView();
  }

  // ------------------------------------------------------------------ legend, search, toggles

  function buildLegend() {
    var legend = document.getElementById("legend");
    types.forEach(function (type, t) {
      var li = document.createElement("li");
      var swatch = text("span", null, "swatch");
      swatch.style.background = type.color;
      li.appendChild(swatch);
      li.appendChild(text("span", type.label));
      li.appendChild(text("span", type.count, "count"));
      li.title = type.type + " — click to pick out";
      li.addEventListener("click", function () {
        var on = !li.classList.contains("active");
        Array.prototype.forEach.call(legend.children, function (other) { other.classList.remove("active"); });
        clearMarks();
        if (on) {
          li.classList.add("active");
          nodeGroups.forEach(function (g, i) { if (nodes[i].type !== t) g.classList.add("dim"); });
          edgePaths.forEach(function (p, l) {
            if (nodes[lines[l].s].type !== t && nodes[lines[l].t].type !== t) { p.classList.add("dim"); edgeLabels[l].classList.add("dim"); }
          });
        }
      });
      legend.appendChild(li);
    });
  }

  var search = document.getElementById("search");
  search.addEventListener("input", function () {
    var query = search.value.trim().toLowerCase();
    nodeGroups.forEach(function (g, i) {
      g.classList.toggle("match", query.length > 1 && nodes[i].label.toLowerCase().indexOf(query) >= 0);
    });
  });
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var query = search.value.trim().toLowerCase();
    for (var i = 0; i < n; i++) {
      if (nodes[i].label.toLowerCase().indexOf(query) >= 0) { showNode(nodes[i].id); centreOn(i); break; }
    }
  });

  function toggle(id, bodyClass, initial) {
    var box = document.getElementById(id);
    box.checked = initial;
    document.body.classList.toggle(bodyClass, !initial);
    box.addEventListener("change", function () { document.body.classList.toggle(bodyClass, !box.checked); });
  }
  toggle("show-node-labels", "hide-node-labels", n <= 400);
  // edge labels printed all at once fall over each other: by default only on hover and
  // around the selected node
  toggle("show-edge-labels", "hide-edge-labels", false);
  document.getElementById("fit").addEventListener("click", function () { fit(); });

  // ------------------------------------------------------------------ run

  // Selects the node named in the address (#node=<IRI>); false when the address names none.
  function nodeFromHash() {
    var match = /^#node=(.+)$/.exec(location.hash);
    if (!match) return false;
    var id;
    try { id = decodeURIComponent(match[1]); } catch (err) { id = match[1]; }
    if (showNode(id)) {
      var index = byId.get(id), around = [index];
      incident[index].forEach(function (e) { around.push(edges[e].s, edges[e].t); });
      fit(around);
    }
    return true;
  }

  function finish() {
    document.body.dataset.layoutMs = String(Math.round(performance.now() - started));
    packComponents();
    placeElements();
    fit();
    var drawn = nodeLayer.querySelectorAll("g.node > circle").length;
    var paths = edgeLayer.querySelectorAll("path.edge").length;
    var represented = 0;
    lines.forEach(function (line) { represented += line.edges.length; });
    document.body.dataset.nodes = String(drawn);
    document.body.dataset.edges = String(paths === lines.length ? represented : paths);
    document.body.dataset.lines = String(paths);
    document.body.dataset.view = data.view;
    document.getElementById("counts").textContent =
      drawn + " nodes · " + edges.length + " edges · " + data.view + " view";
    if (!nodeFromHash()) clearSelection();
    document.body.dataset.nodeLabelsShown = String(Array.prototype.filter.call(
      nodeLayer.querySelectorAll("g.node > text"),
      function (t) { return getComputedStyle(t).display !== "none"; }).length);
    document.body.dataset.edgeLabelsShown = String(Array.prototype.filter.call(
      edgeLabelLayer.querySelectorAll("text.edge-label"),
      function (t) { return getComputedStyle(t).display !== "none"; }).length);
    document.body.dataset.ready = "1";
  }

  function run() {
    var until = Math.min(iteration + CHUNK, ITERATIONS);
    while (iteration < until) step();
    if (iteration < ITERATIONS) setTimeout(run, 0); else finish();
  }

  window.addEventListener("hashchange", nodeFromHash);
  window.addEventListener("resize", function () { fit(fitted); });
  buildLegend();
  drawElements();
  var started = performance.now();
  if (n) setTimeout(run, 0); else finish();
})();
