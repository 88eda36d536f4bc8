/* Green Envoy web atlas: the overview and the region pages, drawn from data/common.js (GE_COMMON) and, on a
 * region page, data/region-<stem>.js (GE_REGION). Runs from file:// with no network: every script, style and image
 * is beside the page; a basemap is drawn only when the atlas was written with --basemap.
 * window.GEAtlas is the page's small API (tests, embedding: showFinding, setLanguage, setDay). */
(function () {
  'use strict';
  var started = (window.performance && performance.now) ? performance.now() : 0;
  var C = window.GE_COMMON;
  var R = window.GE_REGION || null;
  var params = new URLSearchParams(window.location.search);
  var lang = C.languages.indexOf(params.get('lang')) >= 0 ? params.get('lang') : C.language;
  var state = { lo: 1, hi: C.days, day: C.days, mode: 'through', timer: null };
  var CAT = {};
  C.categories.forEach(function (c) { CAT[c.key] = c; });
  var REGION = {};
  C.regions.forEach(function (r) { REGION[r.name] = r; });
  var here = R ? REGION[R.name] : null;
  var findings = C.findings.filter(function (f) { return !R || f.region === R.name; });
  var photos = C.photos.filter(function (p) { return !R || p.region === R.name; });
  var official = C.official.filter(function (o) { return !R || o.region === R.name; });
  var map, cluster, routeLayer, photoLayer, officialLayer, regionLayer, profileMarker;
  var markers = {};
  var photoMarkers = [];
  var routeLines = [];
  var sortKey = 'sev', sortDown = true;
  var openFindingId = null;
  var credit = null;

  /* ---- words, numbers and dates in the page's language ---- */
  function texts() { return C.texts[lang]; }
  function T(key) {
    var text = texts().labels[key] || C.texts.en.labels[key] || key;
    for (var i = 1; i < arguments.length; i++) text = text.split('{' + (i - 1) + '}').join(arguments[i]);
    return text;
  }
  function catName(key) { return texts().categories[key] || key; }
  function esc(value) {
    return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g, function (ch) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch];
    });
  }
  // Numbers and dates formatted here, not by Intl: browsers' Kazakh data is often missing ("2025 M08 28").
  function num(value, digits) {
    if (value === null || value === undefined || isNaN(value)) return '–';
    var marks = texts().marks, fixed = Math.abs(value).toFixed(digits || 0).split('.');
    var whole = fixed[0].replace(/\B(?=(\d{3})+(?!\d))/g, marks[1]);
    return (value < 0 && +fixed.join('.') !== 0 ? '−' : '') + whole + (fixed[1] ? marks[0] + fixed[1] : '');
  }
  // Local times are stored as they read on a Kazakh clock (UTC+5) and shown as they are, whatever the reader's
  // own time zone.
  function asDate(local) { return new Date(local.length === 10 ? local + 'T00:00:00Z' : local + ':00Z'); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function dateText(d, withYear) {
    return T(withYear ? 'date_long' : 'date_short').replace('{day}', d.getUTCDate())
      .replace('{month}', texts().months[d.getUTCMonth()]).replace('{year}', d.getUTCFullYear());
  }
  function fmtDate(local, withTime, withoutYear) {
    if (!local) return '–';
    var d = asDate(local);
    return dateText(d, !withoutYear) + (withTime ? ', ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) : '');
  }
  function dayDate(day) {
    var d = asDate(C.start);
    d.setUTCDate(d.getUTCDate() + day - 1);
    return dateText(d, true);
  }
  function regionName(name) { var r = REGION[name]; return r ? (r.names[lang] || r.name) : name; }
  function pageLink(target) { return target + (lang !== C.language ? '?lang=' + lang : ''); }

  /* ---- symbols: the atlas's category colours and shapes (core/categories.py), the route's day ramp ---- */
  var SHAPES = {
    circle: '<circle cx="12" cy="12" r="9"/>',
    square: '<rect x="4" y="4" width="16" height="16"/>',
    diamond: '<polygon points="12,1.5 22.5,12 12,22.5 1.5,12"/>',
    triangle: '<polygon points="12,2.5 22.5,20.5 1.5,20.5"/>',
    equilateral_triangle: '<polygon points="12,2.5 22.5,20.5 1.5,20.5"/>',
    pentagon: '<polygon points="12,2 21.5,8.9 17.9,20.1 6.1,20.1 2.5,8.9"/>',
    hexagon: '<polygon points="12,2 20.7,7 20.7,17 12,22 3.3,17 3.3,7"/>',
    star: '<polygon points="12,1.5 14.7,8.6 22.3,8.9 16.4,13.6 18.5,20.9 12,16.7 5.5,20.9 7.6,13.6 1.7,8.9 9.3,8.6"/>',
    cross: '<polygon points="8,2 16,2 16,8 22,8 22,16 16,16 16,22 8,22 8,16 2,16 2,8 8,8"/>',
    cross_fill: '<polygon points="8,2 16,2 16,8 22,8 22,16 16,16 16,22 8,22 8,16 2,16 2,8 8,8"/>'
  };
  function symbol(cat, size) {
    var c = CAT[cat] || { colour: '#777777', shape: 'circle' };
    return '<svg class="ge-symbol" width="' + size + '" height="' + size + '" viewBox="0 0 24 24" aria-hidden="true">' +
      '<g fill="' + c.colour + '" stroke="#ffffff" stroke-width="1.8" stroke-linejoin="round">' +
      (SHAPES[c.shape] || SHAPES.circle) + '</g></svg>';
  }
  function severitySize(sev) { return 12 + 2.5 * (sev || 3); }
  // The route shaded by day as the PDF atlas shades it (light grey to black: no category's hue).
  function rgb(hex) { return [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); }); }
  var RAMP = C.route_ramp.map(rgb);
  // On a region page the shades span the region's own days, so its route reads from light to dark there too.
  function dayColour(day) {
    var t = state.hi > state.lo && day ? Math.max(0, Math.min(1, (day - state.lo) / (state.hi - state.lo))) : 0;
    return 'rgb(' + [0, 1, 2].map(function (k) { return Math.round(RAMP[0][k] + t * (RAMP[1][k] - RAMP[0][k])); }).join(',') + ')';
  }

  /* ---- the map ---- */
  function buildMap() {
    map = L.map('ge-map', { zoomSnap: 0.25, minZoom: 3, maxZoom: R ? 16 : 12, worldCopyJump: false });
    map.attributionControl.setPrefix('Leaflet');
    // Region names only where they fit: at country scale in a small frame (an article's iframe) they would overlap.
    function labelsFit() { map.getContainer().classList.toggle('ge-labels-off', map.getZoom() < 4.75); }
    map.on('zoomend', labelsFit);
    map.whenReady(labelsFit);
    if (C.basemap) {
      L.tileLayer(C.basemap.url, { attribution: C.basemap.attribution || '', maxZoom: 19 }).addTo(map);
      document.body.classList.add('ge-with-basemap');
    }
    map.createPane('ge-countries').style.zIndex = 340;
    map.createPane('ge-regions').style.zIndex = 350;
    map.createPane('ge-water').style.zIndex = 360;
    map.createPane('ge-towns').style.zIndex = 430;
    map.createPane('ge-route').style.zIndex = 420;
    map.createPane('ge-cursor').style.zIndex = 660;
    drawContext();
    regionLayer = L.layerGroup().addTo(map);
    C.regions.forEach(function (r) {
      if (!r.shape.length) return;
      var current = here && r.name === here.name;
      var style = current ? { color: '#4d4d4d', weight: 2, fillColor: '#f7f4e8', fillOpacity: C.basemap ? 0.25 : 1 }
        : r.visited && !here ? { color: '#9a9a9a', weight: 1, fillColor: '#f7f4e8', fillOpacity: C.basemap ? 0.2 : 1 }
          : { color: '#ffffff', weight: 1, fillColor: '#e3e3e3', fillOpacity: C.basemap ? 0.15 : 1 };
      var polygon = L.polygon(r.shape, L.extend({ pane: 'ge-regions', className: 'ge-region' }, style));
      polygon.bindTooltip(function () {
        return '<b>' + esc(regionName(r.name)) + '</b>' + (r.visited ? '<br>' + num(r.km) + ' ' + esc(T('km')) + ' · ' +
          esc(T('findings')) + ': ' + num(r.findings) : '');
      }, { sticky: true, className: 'ge-tip' });
      if (r.page && !current) {
        polygon.on('click', function () { window.location.href = pageLink(r.page); });
        polygon.on('mouseover', function () { polygon.setStyle({ weight: 2.5, color: '#555555' }); });
        polygon.on('mouseout', function () { polygon.setStyle({ weight: style.weight, color: style.color }); });
      }
      polygon.addTo(regionLayer);
      if (r.label && !current) {
        L.tooltip({ permanent: true, direction: 'center', className: 'ge-region-label', interactive: false })
          .setLatLng(r.label).setContent(esc(regionName(r.name))).addTo(regionLayer);
      }
    });
    var context = R ? C.route : null;  // the whole loop, faint, so a region's route is seen to go on
    if (context) {
      var faint = L.layerGroup().addTo(map);
      context.forEach(function (piece) {
        L.polyline(piece.line, { pane: 'ge-route', color: '#8c8c8c', weight: 1.2, opacity: 0.9, dashArray: '3 4',
          interactive: false })
          .addTo(faint);
      });
    }
    routeLayer = L.layerGroup().addTo(map);
    (R ? R.route : C.route).forEach(function (piece) {
      var casing = L.polyline(piece.line, { pane: 'ge-route', color: '#ffffff', weight: R ? 6 : 4.5, opacity: 0.9,
        interactive: false });
      var line = L.polyline(piece.line, { pane: 'ge-route', color: dayColour(piece.day), weight: R ? 3.5 : 2.5,
        opacity: 1, className: 'ge-route' });
      line.bindTooltip(function () { return esc(T('day_n', piece.day, dayDate(piece.day))); }, { sticky: true,
        className: 'ge-tip' });
      if (R && R.profile) line.on('mousemove', function (e) { profileAtMap(e.latlng); });
      if (R && R.profile) line.on('mouseout', hideProfileCursor);
      routeLines.push({ day: piece.day, layers: [casing, line] });
    });
    cluster = L.markerClusterGroup({ maxClusterRadius: 40, disableClusteringAtZoom: R ? 12 : 9,
      showCoverageOnHover: false, spiderfyOnMaxZoom: true, iconCreateFunction: clusterIcon });
    findings.forEach(function (f) {
      if (!f.ll) return;
      var size = severitySize(f.sev);
      var marker = L.marker(f.ll, {
        icon: L.divIcon({ className: 'ge-finding', iconSize: [size, size],
          html: '<span class="ge-finding-hit" data-finding="' + esc(f.id) + '">' + symbol(f.cat, size) + '</span>' }),
        title: f.id, alt: f.id, riseOnHover: true, zIndexOffset: 100 * (f.sev || 0) });
      marker.geCategory = f.cat;
      marker.bindPopup(function () { return findingPopup(f); }, { maxWidth: 380, minWidth: 280, className: 'ge-popup', autoPanPadding: [20, 20] });
      marker.on('popupopen', function () { openFindingId = f.id; });
      markers[f.id] = marker;
    });
    map.addLayer(cluster);
    photoLayer = L.layerGroup().addTo(map);
    photos.forEach(function (p, i) {
      if (!p.ll) return;
      var hasDir = p.dir !== null && p.dir !== undefined;
      var svg = hasDir
        ? '<svg width="26" height="26" viewBox="0 0 26 26" style="transform: rotate(' + p.dir + 'deg)">' +
          '<polygon points="13,1 18,11 8,11" fill="#252525" stroke="#ffffff" stroke-width="1"/>' +
          '<rect x="9" y="10" width="8" height="8" fill="#ffffff" stroke="#252525" stroke-width="1.6"/></svg>'
        : '<svg width="14" height="14" viewBox="0 0 14 14"><rect x="2" y="2" width="10" height="10" fill="#ffffff" ' +
          'stroke="#252525" stroke-width="1.8"/></svg>';
      var marker = L.marker(p.ll, { icon: L.divIcon({ className: 'ge-photo', iconSize: hasDir ? [26, 26] : [14, 14],
        html: '<span data-photo="' + i + '">' + svg + '</span>' }), title: p.file, alt: p.file, zIndexOffset: -100 });
      marker.bindPopup(function () { return photoPopup(p); }, { maxWidth: 300, className: 'ge-popup' });
      photoMarkers.push({ day: p.day, marker: marker });
    });
    officialLayer = L.layerGroup();
    official.forEach(function (o) {
      L.marker(o.ll, { icon: L.divIcon({ className: 'ge-official', iconSize: [14, 14],
        html: '<svg width="14" height="14" viewBox="0 0 14 14"><polygon points="7,1.5 13,12.5 1,12.5" fill="none" ' +
          'stroke="#99000d" stroke-width="1.8"/></svg>' }), title: o.id, alt: o.id, zIndexOffset: -200 })
        .bindPopup(function () {
          return '<div class="ge-pop"><p class="ge-pop-title">' + esc(o.id) + '</p><p>' + esc(o.layer) + '</p><p>' +
            esc(T('official_records')) + (o.route_m !== null ? ' · ' + num(o.route_m / 1000, 1) + ' ' + esc(T('km')) : '') +
            '</p></div>';
        }, { className: 'ge-popup' })
        .addTo(officialLayer);
    });
    if (R) officialLayer.addTo(map);
    var box = R ? R.bounds : C.bounds;
    if (box) map.fitBounds(box, { animate: false }); else map.setView([48, 67], 5);
    if (R && R.profile) profileMarker = L.circleMarker([0, 0], { pane: 'ge-cursor', radius: 7, color: '#ffffff',
      weight: 2.5, fillColor: '#111111', fillOpacity: 1, interactive: false });
  }

  // Neighbouring countries, lakes and seas, rivers, towns and the names of countries and waters (Natural Earth,
  // geokz): the map reads without a basemap. Towns are named from zoom 6 (regional centres) and 7 (the rest).
  var contextLabels = [];
  function drawContext() {
    var X = C.context;
    if (!X) return;
    var basemap = !!C.basemap;
    // One canvas for the context's hundred-odd shapes: no SVG element each, nothing to point at.
    var canvas = L.canvas({ pane: 'ge-countries' }), water = L.canvas({ pane: 'ge-water' });
    X.countries.forEach(function (shape) {
      L.polygon(shape, { renderer: canvas, color: '#ffffff', weight: 1, fillColor: '#ececec',
        fillOpacity: basemap ? 0 : 1, opacity: basemap ? 0 : 1, interactive: false }).addTo(map);
    });
    X.waters.forEach(function (shape) {
      L.polygon(shape, { renderer: water, color: '#5b92c7', weight: 0.6, fillColor: '#cfe2f3',
        fillOpacity: basemap ? 0 : 1, opacity: basemap ? 0 : 1, interactive: false }).addTo(map);
    });
    X.rivers.forEach(function (line) {
      L.polyline(line, { renderer: water, color: '#5b92c7', weight: 1, opacity: basemap ? 0 : 0.9,
        interactive: false }).addTo(map);
    });
    // Towns by rank: the capital always, regional centres from zoom 6, the other towns from zoom 7.
    var ranks = [L.layerGroup(), L.layerGroup(), L.layerGroup()], fromZoom = [0, 6, 7];
    X.towns.forEach(function (t) {
      var rank = Math.max(1, Math.min(t.rank || 3, 3));
      var dot = L.circleMarker(t.ll, { pane: 'ge-towns', radius: rank === 1 ? 3.5 : 2.5, color: '#ffffff', weight: 1,
        fillColor: '#4d4d4d', fillOpacity: 1, interactive: false });
      dot.bindTooltip('', { permanent: true, direction: 'right', offset: [3, 0], interactive: false,
        className: 'ge-context-label ge-town-label' });
      dot.addTo(ranks[rank - 1]);
      contextLabels.push({ layer: dot, names: t.names });
    });
    [['country_labels', 'ge-country-label'], ['water_labels', 'ge-water-label']].forEach(function (kind) {
      X[kind[0]].forEach(function (p) {
        var label = L.tooltip({ permanent: true, direction: 'center', interactive: false,
          className: 'ge-context-label ' + kind[1] }).setLatLng(p.ll).setContent('').addTo(map);
        contextLabels.push({ tooltip: label, names: p.names });
      });
    });
    function townsByZoom() {
      ranks.forEach(function (group, k) {
        if (map.getZoom() >= fromZoom[k]) { if (!map.hasLayer(group)) group.addTo(map); } else map.removeLayer(group);
      });
    }
    map.on('zoomend', townsByZoom);
    map.whenReady(townsByZoom);
  }
  function nameContext() {
    contextLabels.forEach(function (c) {
      var text = esc(c.names[lang] || c.names.en);
      if (c.tooltip) c.tooltip.setContent(text); else c.layer.setTooltipContent(text);
    });
  }

  function clusterIcon(group) {
    var counts = {}, total = 0;
    group.getAllChildMarkers().forEach(function (m) { counts[m.geCategory] = (counts[m.geCategory] || 0) + 1; total++; });
    var size = total < 10 ? 34 : total < 50 ? 42 : 50, r = size / 2 - 3, c = size / 2, angle = -Math.PI / 2, arcs = '';
    C.categories.forEach(function (cat) {
      var n = counts[cat.key];
      if (!n) return;
      if (n === total) { arcs += '<circle cx="' + c + '" cy="' + c + '" r="' + r + '" fill="' + cat.colour + '"/>'; return; }
      var next = angle + 2 * Math.PI * n / total;
      arcs += '<path d="M' + c + ',' + c + ' L' + (c + r * Math.cos(angle)).toFixed(2) + ',' + (c + r * Math.sin(angle)).toFixed(2) +
        ' A' + r + ',' + r + ' 0 ' + (next - angle > Math.PI ? 1 : 0) + ' 1 ' + (c + r * Math.cos(next)).toFixed(2) + ',' +
        (c + r * Math.sin(next)).toFixed(2) + ' Z" fill="' + cat.colour + '"/>';
      angle = next;
    });
    var html = '<svg width="' + size + '" height="' + size + '" viewBox="0 0 ' + size + ' ' + size + '">' +
      '<circle cx="' + c + '" cy="' + c + '" r="' + (r + 2) + '" fill="#ffffff"/>' + arcs +
      '<circle cx="' + c + '" cy="' + c + '" r="' + (r * 0.55) + '" fill="#ffffff"/>' +
      '<text x="' + c + '" y="' + (c + 4.5) + '" text-anchor="middle">' + total + '</text></svg>';
    return L.divIcon({ html: html, className: 'ge-cluster', iconSize: [size, size] });
  }

  /* ---- popups ---- */
  function officialText(f) {
    if (f.official === 'match') return T('official_match', f.official_id, num(f.official_m));
    if (f.official === 'near') return T('official_near', f.official_id, num(f.official_m));
    if (f.official === 'not') return T('official_not', f.official_m !== null ? num(f.official_m / 1000, 1) : '–');
    return T('official_none');
  }
  function severityDots(sev) {
    var out = '<span class="ge-sev" aria-label="' + esc(T('severity')) + ' ' + (sev || '–') + '/5">';
    for (var i = 1; i <= 5; i++) out += '<i class="' + (sev && i <= sev ? 'on' : '') + '"></i>';
    return out + ' ' + (sev || '–') + '/5</span>';
  }
  function findingPopup(f) {
    var t = texts(), rows = [];
    rows.push('<div class="ge-pop" data-popup-finding="' + esc(f.id) + '">');
    rows.push('<p class="ge-pop-title">' + symbol(f.cat, 18) + ' <b>' + esc(f.id) + '</b> · ' + esc(catName(f.cat)) + '</p>');
    rows.push('<dl>');
    rows.push('<dt>' + esc(T('severity')) + '</dt><dd>' + severityDots(f.sev) + '</dd>');
    rows.push('<dt>' + esc(T('date')) + '</dt><dd>' + esc(fmtDate(f.time, true)) + '</dd>');
    if (f.place || f.nearest) {
      var place = esc(f.place || f.nearest);
      if (f.nearest && f.nearest_km !== null && (f.nearest !== f.place || f.nearest_km >= 1)) {
        place += '<br><small>' + esc(T('nearest_settlement', f.nearest, num(f.nearest_km, 1))) + '</small>';
      }
      rows.push('<dt>' + esc(T('settlement')) + '</dt><dd>' + place + '</dd>');
    }
    if (f.case && f.case !== 'other') rows.push('<dt>' + esc(T('case')) + '</dt><dd>' + esc(t.cases[f.case] || f.case) + '</dd>');
    if (f.concerns.length) {
      rows.push('<dt>' + esc(T('concerns')) + '</dt><dd>' + f.concerns.map(function (k) { return esc(t.concerns[k] || k); })
        .join(', ') + '</dd>');
    }
    rows.push('<dt>' + esc(T('official')) + '</dt><dd>' + esc(officialText(f)) + '</dd>');
    rows.push('</dl>');
    if (f.text) rows.push('<p class="ge-pop-text">' + esc(f.text) + '</p>');
    var shown = f.photos.map(function (k) { return C.photos[k]; });
    var images = shown.filter(function (p) { return p.thumb; });
    if (images.length) {
      rows.push('<div class="ge-thumbs">');
      images.forEach(function (p, i) {
        rows.push('<button type="button" class="ge-thumb" data-viewer="finding" data-finding="' + esc(f.id) + '" data-index="' +
          i + '" title="' + esc(T('enlarge')) + '"><img src="' + esc(p.thumb) + '" alt="' + esc(p.file) + '" loading="lazy"></button>');
      });
      rows.push('</div>');
    } else {
      rows.push('<p class="ge-muted">' + esc(T('no_photo')) + '</p>');
    }
    shown.filter(function (p) { return !p.thumb; }).forEach(function (p) {
      rows.push('<p class="ge-muted">' + esc(T('not_included', p.file)) + '</p>');
    });
    if (!R && REGION[f.region] && REGION[f.region].page) {
      rows.push('<p><a href="' + esc(pageLink(REGION[f.region].page) + '#' + f.id) + '">' + esc(regionName(f.region)) +
        ' →</a></p>');
    }
    rows.push('</div>');
    return rows.join('');
  }
  function photoPopup(p) {
    var rows = ['<div class="ge-pop">'];
    rows.push('<p class="ge-pop-title"><b>' + esc(p.file) + '</b></p>');
    if (p.thumb) {
      rows.push('<button type="button" class="ge-thumb ge-thumb-wide" data-viewer="page" data-index="' +
        pagePhotos().indexOf(p) + '" title="' + esc(T('enlarge')) + '"><img src="' + esc(p.thumb) + '" alt="' + esc(p.file) + '"></button>');
    } else {
      rows.push('<p class="ge-muted">' + esc(T('not_included', p.file)) + '</p>');
    }
    rows.push('<p>' + esc(fmtDate(p.time, true)) + '<br>' + esc(p.dir !== null && p.dir !== undefined
      ? T('camera_direction', num(p.dir)) : T('no_direction')) + '</p>');
    if (p.finding) rows.push('<p><a href="#' + esc(p.finding) + '" data-show-finding="' + esc(p.finding) + '">' +
      esc(T('finding', p.finding)) + '</a></p>');
    rows.push('</div>');
    return rows.join('');
  }
  function pagePhotos() { return photos.filter(function (p) { return p.thumb; }); }

  /* ---- the photo viewer: the larger image, previous / next, keyboard ---- */
  var viewer = { list: [], index: 0, el: null };
  function openViewer(list, index) {
    viewer.list = list;
    viewer.index = index;
    viewer.el = document.getElementById('ge-viewer');
    viewer.el.hidden = false;
    viewer.el.setAttribute('role', 'dialog');
    viewer.el.setAttribute('aria-modal', 'true');
    drawViewer();
    viewer.el.querySelector('.ge-viewer-close').focus();
  }
  function drawViewer() {
    var p = viewer.list[viewer.index], many = viewer.list.length > 1;
    var f = p.finding ? C.findings.filter(function (x) { return x.id === p.finding; })[0] : null;
    viewer.el.innerHTML = '<div class="ge-viewer-frame">' +
      '<img class="ge-viewer-image" src="' + esc(p.big || p.thumb) + '" alt="' + esc(p.file) + '">' +
      '<p class="ge-viewer-caption"><b>' + esc(T('photo_of', viewer.index + 1, viewer.list.length)) + '</b> · ' +
      esc(p.file) + ' · ' + esc(fmtDate(p.time, true)) + (f ? ' · ' + esc(T('finding', f.id)) + ' · ' + esc(catName(f.cat)) : '') +
      (p.big ? '' : '<br><small>' + esc(T('thumbnail_only')) + '</small>') + '</p>' +
      '<button type="button" class="ge-viewer-prev" aria-label="' + esc(T('previous')) + '"' + (many ? '' : ' disabled') + '>‹</button>' +
      '<button type="button" class="ge-viewer-next" aria-label="' + esc(T('next')) + '"' + (many ? '' : ' disabled') + '>›</button>' +
      '<button type="button" class="ge-viewer-close" aria-label="' + esc(T('close')) + '">×</button></div>';
  }
  function stepViewer(by) {
    if (viewer.list.length < 2) return;
    viewer.index = (viewer.index + by + viewer.list.length) % viewer.list.length;
    drawViewer();
  }
  function closeViewer() { if (viewer.el) { viewer.el.hidden = true; viewer.el.innerHTML = ''; } }

  /* ---- the day filter ---- */
  function visible(day) {
    if (state.day === state.hi && state.mode === 'through') return true;
    if (day === null || day === undefined) return false;
    return state.mode === 'only' ? day === state.day : day <= state.day;
  }
  function applyDays() {
    routeLines.forEach(function (r) {
      r.layers.forEach(function (layer) {
        if (visible(r.day)) { if (!routeLayer.hasLayer(layer)) routeLayer.addLayer(layer); } else routeLayer.removeLayer(layer);
      });
    });
    var keep = [];
    findings.forEach(function (f) { if (markers[f.id] && visible(f.day)) keep.push(markers[f.id]); });
    cluster.clearLayers();
    cluster.addLayers(keep);
    photoMarkers.forEach(function (p) {
      if (visible(p.day)) { if (!photoLayer.hasLayer(p.marker)) photoLayer.addLayer(p.marker); } else photoLayer.removeLayer(p.marker);
    });
    drawDayLabels();
  }
  function shownFindings() { return cluster ? cluster.getLayers().length : 0; }
  function drawDayControls() {
    var box = document.getElementById('ge-days');
    box.innerHTML = '<div class="ge-days-row"><label for="ge-day" class="ge-days-title"></label>' +
      '<output id="ge-day-out" for="ge-day"></output></div>' +
      '<input type="range" id="ge-day" min="' + state.lo + '" max="' + state.hi + '" step="1" value="' + state.day + '">' +
      '<div class="ge-days-row"><select id="ge-day-mode"></select><button type="button" id="ge-play"></button>' +
      '<button type="button" id="ge-day-reset"></button><span id="ge-showing" class="ge-showing" aria-live="polite"></span></div>';
    document.getElementById('ge-day').addEventListener('input', function (e) { stop(); state.day = +e.target.value; applyDays(); });
    document.getElementById('ge-day-mode').addEventListener('change', function (e) { state.mode = e.target.value; applyDays(); });
    document.getElementById('ge-play').addEventListener('click', function () { if (state.timer) stop(); else play(); });
    document.getElementById('ge-day-reset').addEventListener('click', function () { stop(); setDay(state.hi, 'through'); });
  }
  function drawDayLabels() {
    document.querySelector('.ge-days-title').textContent = T('day_filter');
    document.getElementById('ge-day-out').textContent = T('day_n', state.day, dayDate(state.day));
    document.getElementById('ge-day').value = state.day;
    var mode = document.getElementById('ge-day-mode');
    mode.innerHTML = '<option value="through">' + esc(T('through_day')) + '</option><option value="only">' + esc(T('only_day')) + '</option>';
    mode.value = state.mode;
    document.getElementById('ge-play').textContent = state.timer ? T('pause') : T('play');
    document.getElementById('ge-day-reset').textContent = T('reset');
    document.getElementById('ge-showing').textContent = T('showing', shownFindings(), findings.length);
  }
  function setDay(day, mode) {
    state.day = Math.max(state.lo, Math.min(state.hi, day));
    if (mode) state.mode = mode;
    applyDays();
  }
  function play() {
    if (state.day >= state.hi) state.day = state.lo - 1;
    state.timer = window.setInterval(function () {
      if (state.day >= state.hi) { stop(); return; }
      setDay(state.day + 1);
    }, 350);
    drawDayLabels();
  }
  function stop() { if (state.timer) { window.clearInterval(state.timer); state.timer = null; drawDayLabels(); } }

  /* ---- the elevation profile, linked to the map ---- */
  var profile = { svg: null, x: null, y: null, width: 0, height: 160, pad: [48, 14, 30, 12] };
  function drawProfile() {
    var box = document.getElementById('ge-profile');
    if (!R) { box.remove(); return; }
    if (!R.profile) { box.innerHTML = '<h2>' + esc(T('profile')) + '</h2><p class="ge-muted">' + esc(T('no_profile')) + '</p>'; return; }
    var pts = R.profile.points, breaks = {}, width = Math.max(320, box.clientWidth - 2), h = profile.height, pad = profile.pad;
    R.profile.breaks.forEach(function (b) { breaks[b] = true; });
    var lo = Infinity, hi = -Infinity;
    pts.forEach(function (p) { if (p[1] !== null) { lo = Math.min(lo, p[1]); hi = Math.max(hi, p[1]); } });
    if (hi - lo < 50) { lo -= 25; hi += 25; }
    var span = pts[pts.length - 1][0] || 1;
    profile.x = function (km) { return pad[0] + (width - pad[0] - pad[1]) * km / span; };
    profile.y = function (m) { return pad[3] + (h - pad[2] - pad[3]) * (1 - (m - lo) / (hi - lo)); };
    profile.width = width;
    profile.span = span;
    var d = '', area = '', open = false;
    pts.forEach(function (p, i) {
      if (p[1] === null) { open = false; return; }
      var cmd = (!open || breaks[i]) ? 'M' : 'L';
      d += cmd + profile.x(p[0]).toFixed(1) + ',' + profile.y(p[1]).toFixed(1);
      open = true;
    });
    var ticks = niceTicks(lo, hi, 4), grid = '';
    ticks.forEach(function (v) {
      grid += '<line x1="' + pad[0] + '" x2="' + (width - pad[1]) + '" y1="' + profile.y(v).toFixed(1) + '" y2="' +
        profile.y(v).toFixed(1) + '" class="ge-grid"/><text x="' + (pad[0] - 6) + '" y="' + (profile.y(v) + 4).toFixed(1) +
        '" text-anchor="end">' + num(v) + ' ' + esc(T('m')) + '</text>';
    });
    niceTicks(0, span, 6).forEach(function (v) {
      grid += '<text x="' + profile.x(v).toFixed(1) + '" y="' + (h - 10) + '" text-anchor="middle">' + num(v) + ' ' +
        esc(T('km')) + '</text>';
    });
    box.innerHTML = '<h2>' + esc(T('profile')) + '</h2><p class="ge-muted">' + esc(T('profile_hint')) + '</p>' +
      '<svg id="ge-profile-svg" width="' + width + '" height="' + h + '" role="img" aria-label="' + esc(T('profile')) + '">' + grid +
      '<path d="' + d + '" class="ge-profile-line"/><g id="ge-profile-cursor" style="display:none"><line y1="' + pad[3] +
      '" y2="' + (h - pad[2]) + '" class="ge-profile-cursor-line"/><circle r="5" class="ge-profile-dot"/>' +
      '<text class="ge-profile-label" y="' + (pad[3] + 12) + '"></text></g>' +
      '<rect x="' + pad[0] + '" y="0" width="' + (width - pad[0] - pad[1]) + '" height="' + h + '" fill="transparent" id="ge-profile-hit"/></svg>';
    var hit = document.getElementById('ge-profile-hit');
    function pointAt(evt) {
      var rect = hit.getBoundingClientRect(), clientX = evt.touches ? evt.touches[0].clientX : evt.clientX;
      var km = (clientX - rect.left) / rect.width * span;
      showProfileCursor(nearestIndex(km), true);
    }
    hit.addEventListener('mousemove', pointAt);
    hit.addEventListener('touchmove', function (e) { pointAt(e); e.preventDefault(); }, { passive: false });
    hit.addEventListener('mouseleave', hideProfileCursor);
  }
  function niceTicks(lo, hi, count) {
    var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / count || 1)));
    [1, 2, 5, 10].some(function (m) { if ((hi - lo) / (step * m) <= count) { step *= m; return true; } return false; });
    var out = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
    return out;
  }
  function nearestIndex(km) {
    var pts = R.profile.points, a = 0, b = pts.length - 1;
    while (b - a > 1) { var m = (a + b) >> 1; if (pts[m][0] < km) a = m; else b = m; }
    return Math.abs(pts[a][0] - km) <= Math.abs(pts[b][0] - km) ? a : b;
  }
  function showProfileCursor(i, onMap) {
    var p = R.profile.points[i], g = document.getElementById('ge-profile-cursor');
    if (!p || p[1] === null || !g) return;
    var x = profile.x(p[0]), y = profile.y(p[1]);
    g.style.display = '';
    g.querySelector('line').setAttribute('x1', x);
    g.querySelector('line').setAttribute('x2', x);
    g.querySelector('circle').setAttribute('cx', x);
    g.querySelector('circle').setAttribute('cy', y);
    var label = g.querySelector('text');
    label.textContent = T('profile_point', num(p[0], 1), num(p[1]));
    label.setAttribute('x', x + (x > profile.width * 0.7 ? -8 : 8));
    label.setAttribute('text-anchor', x > profile.width * 0.7 ? 'end' : 'start');
    if (onMap) {
      profileMarker.setLatLng([p[2], p[3]]);
      if (!map.hasLayer(profileMarker)) profileMarker.addTo(map);
      if (!map.getBounds().pad(-0.05).contains(profileMarker.getLatLng())) map.panTo(profileMarker.getLatLng(), { animate: false });
    }
  }
  function hideProfileCursor() {
    var g = document.getElementById('ge-profile-cursor');
    if (g) g.style.display = 'none';
    if (profileMarker && map.hasLayer(profileMarker)) map.removeLayer(profileMarker);
  }
  function profileAtMap(latlng) {  // pointing at the route: the same place on the profile
    var pts = R.profile.points, best = -1, bestD = Infinity, k = Math.cos(latlng.lat * Math.PI / 180);
    for (var i = 0; i < pts.length; i++) {
      var dy = pts[i][2] - latlng.lat, dx = (pts[i][3] - latlng.lng) * k, d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = i; }
    }
    if (best >= 0 && bestD < 0.0004) showProfileCursor(best, false);  // within ~2 km
  }

  /* ---- side panel: figures, legend with layer switches, regions ---- */
  function categoryCounts(list) {
    var counts = {};
    list.forEach(function (f) { counts[f.cat] = (counts[f.cat] || 0) + 1; });
    return counts;
  }
  function officialCounts(list) {
    var c = { match: 0, near: 0, not: 0 };
    list.forEach(function (f) { if (c[f.official] !== undefined) c[f.official]++; });
    return c;
  }
  function figure(label, value) { return '<div class="ge-figure"><span>' + esc(label) + '</span><b>' + value + '</b></div>'; }
  function drawSide() {
    var side = document.getElementById('ge-side'), html = [], km = esc(T('km'));
    if (R) {
      html.push('<h2>' + esc(T('in_figures')) + '</h2><div class="ge-figures">');
      html.push(figure(T('distance'), num(here.km, 1) + ' ' + km));
      html.push(figure(T('days_in_region'), num(here.days)));
      html.push(figure(T('moving_time'), num(here.moving_h, 1) + ' ' + esc(T('h'))));
      html.push(figure(T('ascent'), num(here.ascent_m) + ' ' + esc(T('m'))));
      html.push(figure(T('findings_documented'), num(findings.length)));
      html.push(figure(T('photos'), num(photos.length)));
    } else {
      html.push('<div class="ge-figures">');
      html.push(figure(T('regions_visited'), num(C.totals.regions_visited) + ' / ' + num(C.totals.regions)));
      html.push(figure(T('distance'), num(C.totals.km) + ' ' + km));
      html.push(figure(T('days_on_road'), num(C.totals.days)));
      html.push(figure(T('findings_documented'), num(findings.length)));
      html.push(figure(T('photos'), num(photos.length)));
    }
    html.push('</div>');
    var counts = categoryCounts(findings);
    html.push('<h2>' + esc(T('by_category')) + '</h2><ul class="ge-legend ge-categories">');
    C.categories.forEach(function (c) {
      html.push('<li>' + symbol(c.key, 18) + '<span>' + esc(catName(c.key)) + '</span><b>' + num(counts[c.key] || 0) + '</b></li>');
    });
    html.push('</ul>');
    var oc = officialCounts(findings);
    if (C.official_layers.length || oc.match + oc.near + oc.not) {
      html.push('<p class="ge-official-summary">' + esc(T('official_summary', num(oc.match), num(oc.near), num(oc.not),
        num(official.length))) + '</p>');
      if (C.official_layers.length) html.push('<p class="ge-muted">' + esc(T('compared_with', C.official_layers.join('; '))) + '</p>');
    } else {
      html.push('<p class="ge-muted">' + esc(T('not_compared')) + '</p>');
    }
    html.push('<h2>' + esc(T('legend')) + '</h2><ul class="ge-legend">');
    html.push(toggle('findings', '<svg width="24" height="18" viewBox="0 0 24 18"><circle cx="5" cy="12" r="4" fill="#888"/>' +
      '<circle cx="16" cy="9" r="7.5" fill="#888"/></svg>',
      T('findings') + ' · ' + T('severity_size'), map.hasLayer(cluster)));
    html.push(toggle('route', '<span class="ge-ramp" style="background: linear-gradient(90deg, ' + C.route_ramp.join(', ') +
      ')"></span>', T('route_by_day') + ' (' + dayDate(state.lo) + ' – ' +
      dayDate(state.hi) + ')', map.hasLayer(routeLayer)));
    html.push(toggle('photos', '<svg width="18" height="18" viewBox="0 0 26 26"><polygon points="13,1 18,11 8,11" fill="#252525"/>' +
      '<rect x="9" y="10" width="8" height="8" fill="#fff" stroke="#252525" stroke-width="1.6"/></svg>', T('photo_direction'),
      map.hasLayer(photoLayer)));
    html.push(toggle('official', '<svg width="18" height="18" viewBox="0 0 14 14"><polygon points="7,1.5 13,12.5 1,12.5" ' +
      'fill="none" stroke="#99000d" stroke-width="1.8"/></svg>', T('official_records'), map.hasLayer(officialLayer)));
    html.push('<li><span class="ge-swatch" style="background:#f7f4e8;border-color:#' + (R ? '4d4d4d' : '9a9a9a') + '"></span><span>' +
      esc(R ? T('this_region') : T('visited')) + '</span></li>');
    html.push('<li><span class="ge-swatch" style="background:#e3e3e3"></span><span>' + esc(R ? T('other_regions') : T('not_visited')) +
      '</span></li></ul>');
    side.innerHTML = html.join('');
    side.querySelectorAll('input[data-layer]').forEach(function (box) {
      box.addEventListener('change', function () {
        var layer = { findings: cluster, route: routeLayer, photos: photoLayer, official: officialLayer }[box.dataset.layer];
        if (box.checked) map.addLayer(layer); else map.removeLayer(layer);
      });
    });
  }
  function toggle(key, icon, text, on) {
    return '<li><label><input type="checkbox" data-layer="' + key + '"' + (on ? ' checked' : '') + '>' + icon + '<span>' +
      esc(text) + '</span></label></li>';
  }

  /* ---- tables: the region's findings (sortable, a row shows its finding), the overview's regions ---- */
  var COLUMNS = [
    ['id', 'id', function (f) { return f.id; }],
    ['time', 'date', function (f) { return f.time || ''; }],
    ['cat', 'category', function (f) { return catName(f.cat); }],
    ['sev', 'severity', function (f) { return f.sev || 0; }],
    ['near', 'near', function (f) { return f.nearest || f.place; }],
    ['official', 'registry', function (f) { return { match: 0, near: 1, not: 2 }[f.official]; }],
    ['text', 'description', function (f) { return f.text; }]
  ];
  function drawFindingsTable() {
    var box = document.getElementById('ge-table');
    var column = COLUMNS.filter(function (c) { return c[0] === sortKey; })[0];
    var rows = findings.slice().sort(function (a, b) {
      var x = column[2](a), y = column[2](b), order = x < y ? -1 : x > y ? 1 : 0;
      if (order === 0) order = a.id < b.id ? -1 : 1;
      return sortDown ? -order : order;
    });
    var registry = { match: T('in_registry'), near: T('near_record'), not: T('not_in_registry') };
    var html = ['<h2>' + esc(T('findings')) + '</h2>'];
    if (!rows.length) {
      box.innerHTML = html.join('') + '<p class="ge-muted">' + esc(T('no_findings')) + '</p>';
      return;
    }
    html.push('<p class="ge-muted">' + esc(T('table_hint')) + ' ' + esc(T('times_local')) + ' <a href="findings.csv" download>' +
      esc(T('download')) + '</a></p>');
    html.push('<div class="ge-table-scroll"><table class="ge-findings"><thead><tr>');
    COLUMNS.forEach(function (c) {
      var sorted = c[0] === sortKey ? (sortDown ? 'descending' : 'ascending') : 'none';
      html.push('<th scope="col" aria-sort="' + sorted + '"><button type="button" data-sort="' + c[0] + '">' + esc(T(c[1])) +
        (sorted === 'none' ? '' : sortDown ? ' ▾' : ' ▴') + '</button></th>');
    });
    html.push('</tr></thead><tbody>');
    rows.forEach(function (f) {
      html.push('<tr data-finding-row="' + esc(f.id) + '" tabindex="0"><td>' + esc(f.id) + '</td><td>' + esc(fmtDate(f.time, false, true)) +
        '</td><td class="ge-cat-cell">' + symbol(f.cat, 14) + ' ' + esc(catName(f.cat)) + '</td><td>' + (f.sev || '–') + '</td><td>' +
        esc(f.nearest || f.place) + '</td><td>' + esc(registry[f.official] || '–') + '</td><td>' + esc(f.text) +
        (f.photos.length ? ' <span class="ge-has-photo" title="' + esc(T('photos')) + '">▣ ' + f.photos.length + '</span>' : '') +
        '</td></tr>');
    });
    html.push('</tbody></table></div>');
    box.innerHTML = html.join('');
    box.querySelectorAll('button[data-sort]').forEach(function (b) {
      b.addEventListener('click', function () {
        if (sortKey === b.dataset.sort) sortDown = !sortDown; else { sortKey = b.dataset.sort; sortDown = sortKey === 'sev'; }
        drawFindingsTable();
      });
    });
    box.querySelectorAll('tr[data-finding-row]').forEach(function (tr) {
      function go() { showFinding(tr.dataset.findingRow, true); document.getElementById('ge-map').scrollIntoView({ block: 'nearest' }); }
      tr.addEventListener('click', go);
      tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
    });
  }
  function drawRegionsTable() {
    var box = document.getElementById('ge-table'), km = esc(T('km'));
    var html = ['<h2>' + esc(T('region_pages')) + '</h2><div class="ge-table-scroll"><table class="ge-regions"><thead><tr>' +
      '<th scope="col">' + esc(T('region')) + '</th><th scope="col">' + esc(T('dates')) + '</th><th scope="col">' + esc(T('days')) +
      '</th><th scope="col">' + km + '</th><th scope="col">' + esc(T('findings')) + '</th><th scope="col">' + esc(T('photos')) +
      '</th></tr></thead><tbody>'];
    var nPhotos = {};
    C.photos.forEach(function (p) { nPhotos[p.region] = (nPhotos[p.region] || 0) + 1; });
    C.regions.filter(function (r) { return r.visited; }).forEach(function (r) {
      var name = esc(regionName(r.name));
      html.push('<tr><td>' + (r.page ? '<a href="' + esc(pageLink(r.page)) + '">' + name + '</a>' : name) + '</td><td>' +
        esc(periods(r)) + '</td><td>' + num(r.days) + '</td><td>' + num(r.km) +
        '</td><td>' + num(r.findings) + '</td><td>' + num(nPhotos[r.name] || 0) + '</td></tr>');
    });
    html.push('</tbody></table></div><p class="ge-muted">' + esc(T('times_local')) + ' <a href="findings.csv" download>' +
      esc(T('download')) + '</a></p>');
    box.innerHTML = html.join('');
  }

  /* A region left and reached again is visited twice, not "1 August – 28 November": each visit its period. */
  function periods(r) {
    if (!r.visits || r.visits.length < 2) return fmtDate(r.first_day) + ' – ' + fmtDate(r.last_day);
    return r.visits.map(function (v) { return v[0] === v[1] ? fmtDate(v[0]) : fmtDate(v[0]) + ' – ' + fmtDate(v[1]); })
      .join('; ');
  }

  /* ---- header, navigation, languages, footer ---- */
  function drawHeader() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-label]').forEach(function (el) { el.textContent = T(el.dataset.label); });
    var heading = R ? regionName(R.name) : T('overview');
    document.getElementById('ge-heading').textContent = heading;
    document.title = heading + ' · ' + T('title');
    document.getElementById('ge-subtitle').textContent = R ? ((here.visits || []).length > 1
      ? T('visited_periods', periods(here)) : T('visited_dates', fmtDate(here.first_day), fmtDate(here.last_day)))
      : T('subtitle');
    var nav = document.getElementById('ge-nav'), links = [];
    if (R) {
      var pages = C.regions.filter(function (r) { return r.page; }), at = pages.indexOf(here);
      links.push('<a href="' + esc(pageLink('index.html')) + '">← ' + esc(T('overview')) + '</a>');
      if (at > 0) links.push('<a href="' + esc(pageLink(pages[at - 1].page)) + '" rel="prev" title="' + esc(T('previous_region')) + '">‹ ' + esc(regionName(pages[at - 1].name)) + '</a>');
      if (at >= 0 && at < pages.length - 1) links.push('<a href="' + esc(pageLink(pages[at + 1].page)) + '" rel="next" title="' + esc(T('next_region')) + '">' +
        esc(regionName(pages[at + 1].name)) + ' ›</a>');
    }
    nav.innerHTML = links.join('');
    var box = document.getElementById('ge-languages');
    box.setAttribute('aria-label', T('language'));
    box.innerHTML = C.languages.map(function (code) {
      return '<button type="button" data-lang="' + code + '" aria-pressed="' + (code === lang) + '" title="' + esc(C.texts[code].name) +
        '">' + code.toUpperCase() + '</button>';
    }).join('');
    box.querySelectorAll('button').forEach(function (b) { b.addEventListener('click', function () { setLanguage(b.dataset.lang); }); });
    if (credit) map.attributionControl.removeAttribution(credit);
    credit = esc(T('credits_short'));
    map.attributionControl.addAttribution(credit);
    document.getElementById('ge-footer').innerHTML = '<p>' + esc(T('credits')) + ' ' +
      (C.context ? esc(texts().context_credit) + ' ' : '') + esc(T('times_local')) + ' ' +
      esc(T('made_on', fmtDate(C.made))) + '</p>';
  }
  function drawAll() {
    drawHeader();
    nameContext();
    drawSide();
    drawDayLabels();
    if (R) { drawProfile(); drawFindingsTable(); } else drawRegionsTable();
    regionLayer.eachLayer(function (layer) {
      if (layer instanceof L.Tooltip) {
        var r = C.regions.filter(function (x) { return x.label && x.label[0] === layer.getLatLng().lat && x.label[1] === layer.getLatLng().lng; })[0];
        if (r) layer.setContent(esc(regionName(r.name)));
      }
    });
    if (openFindingId && markers[openFindingId] && markers[openFindingId].isPopupOpen()) markers[openFindingId].getPopup().update();
  }
  function setLanguage(code) {
    if (C.languages.indexOf(code) < 0) return;
    lang = code;
    var url = new URL(window.location.href);
    if (code === C.language) url.searchParams.delete('lang'); else url.searchParams.set('lang', code);
    try { window.history.replaceState(null, '', url.toString()); } catch (e) { /* some browsers refuse it on file:// */ }
    drawAll();
    if (openFindingId && markers[openFindingId] && markers[openFindingId].isPopupOpen()) {
      markers[openFindingId].setPopupContent(findingPopup(C.findings.filter(function (f) { return f.id === openFindingId; })[0]));
    }
  }

  function showFinding(id, open) {
    var marker = markers[id];
    if (!marker) return false;
    if (!cluster.hasLayer(marker)) setDay(state.hi, 'through');
    cluster.zoomToShowLayer(marker, function () { if (open) marker.openPopup(); });
    return true;
  }

  /* ---- clicks inside popups and the viewer ---- */
  document.addEventListener('click', function (e) {
    var thumb = e.target.closest('[data-viewer]');
    if (thumb) {
      if (thumb.dataset.viewer === 'finding') {
        var f = C.findings.filter(function (x) { return x.id === thumb.dataset.finding; })[0];
        openViewer(f.photos.map(function (k) { return C.photos[k]; }).filter(function (p) { return p.thumb; }), +thumb.dataset.index);
      } else openViewer(pagePhotos(), +thumb.dataset.index);
      return;
    }
    var link = e.target.closest('[data-show-finding]');
    if (link) { e.preventDefault(); map.closePopup(); showFinding(link.dataset.showFinding, true); return; }
    if (e.target.closest('.ge-viewer-prev')) stepViewer(-1);
    else if (e.target.closest('.ge-viewer-next')) stepViewer(1);
    else if (e.target.closest('.ge-viewer-close') || e.target.id === 'ge-viewer') closeViewer();
  });
  document.addEventListener('keydown', function (e) {
    var el = document.getElementById('ge-viewer');
    if (!el || el.hidden) return;
    if (e.key === 'Escape') closeViewer();
    else if (e.key === 'ArrowLeft') stepViewer(-1);
    else if (e.key === 'ArrowRight') stepViewer(1);
  });

  if (params.get('embed') === '1') document.body.classList.add('ge-embed');
  if (R) {
    // The region's own days (its first and last day in the store, and its findings'): the slider's range. The
    // route beyond the region, ridden on other days, is drawn whenever the slider is at its end.
    var days = findings.map(function (f) { return f.day; }).concat([here.first_day, here.last_day].map(function (d) {
      return d ? Math.round((asDate(d) - asDate(C.start)) / 86400000) + 1 : null;
    })).filter(function (d) { return d; });
    if (days.length) { state.lo = Math.min.apply(null, days); state.hi = Math.max.apply(null, days); state.day = state.hi; }
  }
  buildMap();
  drawDayControls();
  applyDays();
  drawAll();
  window.addEventListener('resize', function () { if (R && R.profile) drawProfile(); });
  if (window.location.hash.length > 1) showFinding(decodeURIComponent(window.location.hash.slice(1)), true);
  window.GEAtlas = {
    ready: true,
    readyMs: (window.performance && performance.now) ? performance.now() : null,  // since the navigation began
    scriptMs: (window.performance && performance.now) ? performance.now() - started : null,
    language: function () { return lang; },
    setLanguage: setLanguage,
    setDay: setDay,
    showFinding: showFinding,
    shownFindings: shownFindings,
    findings: function () { return findings.map(function (f) { return f.id; }); },
    map: map
  };
})();
