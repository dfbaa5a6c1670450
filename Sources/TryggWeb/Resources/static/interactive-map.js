// Interactive maps on Leaflet (Debian's libjs-leaflet, served by Trygg): the areas as outlines,
// events clustered, a heat layer of the events' density, hot places as labelled circles,
// priority places, the coming public gatherings. Each map is an element with
// `data-interactive-map`, its data in the JSON block `data-source` names, and the server-drawn
// SVG it replaces in `data-fallback`. Without Leaflet or JavaScript the SVG stays.
// Leaflet takes a string as HTML; names and places are what people typed, so they go in as text.
function plain(text) {
  "use strict";
  var span = document.createElement("span");
  span.textContent = text;
  return span;
}

function showInteractiveMap(element) {
  "use strict";
  var source = document.getElementById(element.dataset.source);
  if (!source || typeof L === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  element.hidden = false;
  var fallback = element.dataset.fallback ? document.querySelector(element.dataset.fallback) : null;
  if (fallback) { fallback.hidden = true; }
  // maxZoom on the map itself: clustering needs it, also when there is no tile layer to give it.
  var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 });
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution }).addTo(map);
  }
  var bounds = L.latLngBounds([]);
  data.areas.forEach(function (area) {
    var outline = L.polygon(area.rings, { color: "#0b4f8a", weight: 2, fillOpacity: 0.05 }).addTo(map);
    var box = outline.getBounds();
    // The name above the outline, where it does not cover the area's own pins and clusters.
    L.circleMarker([box.getNorth(), box.getCenter().lng], { radius: 0, stroke: false, fill: false, interactive: false })
      .bindTooltip(plain(area.name), { permanent: true, direction: "top", className: "area-label" }).addTo(map);
    bounds.extend(box);
  });
  var events = typeof L.markerClusterGroup === "function" ? L.markerClusterGroup({ maxClusterRadius: 40 }) : L.layerGroup();
  data.events.forEach(function (event) {
    events.addLayer(L.circleMarker([event.lat, event.lon], { radius: 6, color: "#33393f", weight: 1, fillColor: "#b35c00", fillOpacity: 0.9 }).bindPopup(plain(event.title)));
    bounds.extend([event.lat, event.lon]);
  });
  events.addTo(map);
  var heat = heatLayer(data.events, data.pointUnit || ["händelse", "händelser"]);
  if (data.events.length > 0) {
    // The same events two ways: as pins (clustered) or as density; the user switches.
    var layers = {};
    layers[data.pointsLabel || "Händelser"] = events;
    layers["Täthet (värmekarta)"] = heat;
    L.control.layers(null, layers, { collapsed: false }).addTo(map);
  }
  data.hotPlaces.forEach(function (place) {
    L.circle([place.lat, place.lon], { radius: 100, color: "#9b1c1c", weight: 3, fillOpacity: 0.15 })
      // Beside the circle, not over it: the pins and clusters at the place stay visible.
      .bindTooltip(plain(place.title), { permanent: true, direction: "right", offset: [14, 0] }).addTo(map);
  });
  data.priorityPlaces.forEach(function (place) {
    L.circleMarker([place.lat, place.lon], { radius: 9, color: "#1d5e2f", weight: 3, fillOpacity: 0 }).bindPopup(plain(place.title)).addTo(map);
  });
  (data.gatherings || []).forEach(function (gathering) {
    // Purple, as on the SVG map, and not clustered: a gathering is one decided event, not density.
    L.circleMarker([gathering.lat, gathering.lon], { radius: 9, color: "#ffffff", weight: 2, fillColor: "#6a1b9a", fillOpacity: 0.9, className: "gathering" })
      .bindTooltip(plain(gathering.title)).bindPopup(plain(gathering.title)).addTo(map);
    bounds.extend([gathering.lat, gathering.lon]);
  });
  if (data.route && data.route.length > 1) {
    bounds.extend(L.polyline(data.route, { color: "#9b1c1c", weight: 4, dashArray: "8 6" }).bindTooltip("Vandringens rutt").addTo(map).getBounds());
  }
  if (bounds.isValid()) { map.fitBounds(bounds, { padding: [20, 20] }); } else { map.setView([58.41, 15.62], 12); }
  if (element.hasAttribute("data-pick")) { pickOnMap(map, element.closest("form")); }
  if (element.hasAttribute("data-route")) { drawRoute(map, element.closest("form")); }
}

// Planning a trygghetsvandring: each click adds a point to the route (one "lat, lon" line in the
// route field, which can also be typed) and the line is drawn as it grows.
function drawRoute(map, form) {
  "use strict";
  if (!form) { return; }
  var field = form.querySelector("textarea[name=rutt]");
  var line = L.polyline([], { color: "#9b1c1c", weight: 4 }).addTo(map);
  function read() {
    return field.value.split("\n").map(function (row) { return row.split(",").map(parseFloat); })
      .filter(function (point) { return point.length === 2 && isFinite(point[0]) && isFinite(point[1]); });
  }
  function redraw() { line.setLatLngs(read()); }
  redraw();
  field.addEventListener("change", redraw);
  function add(latlng) {
    field.value = (field.value.trim() ? field.value.trim() + "\n" : "") + latlng.lat.toFixed(6) + ", " + latlng.lng.toFixed(6);
    redraw();
    announce(form, "Punkt " + read().length + " är tillagd i rutten.");
  }
  map.on("click", function (event) { add(event.latlng); });
  markWithKeyboard(map, add);
}

// Not only by pointer (WCAG 2.1.1): the map pans with the arrow keys and zooms with + and −
// (Leaflet's own keyboard handling), a crosshair marks its centre while it has focus, and Enter
// or the space bar marks the centre as a click would.
function markWithKeyboard(map, mark) {
  "use strict";
  var container = map.getContainer(), moving = false;
  container.classList.add("keyboard-pick");
  map.on("movestart", function () { moving = true; });
  map.on("moveend", function () { moving = false; });
  container.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target === container) {
      event.preventDefault();
      // While an arrow key's pan glides on, the centre under the crosshair is where it stops.
      if (moving) { map.once("moveend", function () { mark(map.getCenter()); }); } else { mark(map.getCenter()); }
    }
  });
}

// Says what the map did in the form's status line, for those who do not see the map.
function announce(form, text) {
  "use strict";
  var status = form.querySelector("[data-map-status]") || form.querySelector("[data-position-status]");
  if (status) { status.textContent = text; }
}

// In a report form: a click (or tap) on the map fills in latitude and longitude and shows a
// marker; typed coordinates or "Använd min position" move the marker.
function pickOnMap(map, form) {
  "use strict";
  if (!form) { return; }
  var lat = form.querySelector("input[name=lat]"), lon = form.querySelector("input[name=lon]"), marker = null;
  function show(latitude, longitude) {
    if (!isFinite(latitude) || !isFinite(longitude)) { return; }
    if (marker) { marker.setLatLng([latitude, longitude]); } else {
      marker = L.circleMarker([latitude, longitude], { radius: 9, color: "#0b4f8a", weight: 3, fillColor: "#ffffff", fillOpacity: 0.9, className: "picked-point" }).addTo(map);
    }
  }
  var read = function () { return [parseFloat(lat.value.replace(",", ".")), parseFloat(lon.value.replace(",", "."))]; };
  if (lat.value && lon.value) { show.apply(null, read()); }
  [lat, lon].forEach(function (input) { input.addEventListener("change", function () { show.apply(null, read()); }); });
  function pick(latlng) {
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    show(latlng.lat, latlng.lng);
    var area = form.querySelector("select[name=omrade]");
    if (area) { area.value = ""; }
    announce(form, map.getContainer().dataset.marked || "Platsen är markerad på kartan.");
  }
  map.on("click", function (event) { pick(event.latlng); });
  markWithKeyboard(map, pick);
}
// The events' density: counts per cell of about 150 × 150 m, darker where more happened. A grid
// rather than a blurred kernel keeps each cell's count readable (its tooltip says it).
function heatLayer(events, unit) {
  "use strict";
  var cellLat = 0.00135, cellLon = 0.0026, cells = {}, most = 0;
  events.forEach(function (event) {
    var key = Math.floor(event.lat / cellLat) + ":" + Math.floor(event.lon / cellLon);
    cells[key] = (cells[key] || 0) + 1;
    most = Math.max(most, cells[key]);
  });
  var colours = ["#fde0c5", "#f9b384", "#e8743b", "#b3261e"];
  var layer = L.layerGroup();
  Object.keys(cells).forEach(function (key) {
    var parts = key.split(":"), south = parts[0] * cellLat, west = parts[1] * cellLon, count = cells[key];
    var step = Math.min(colours.length - 1, Math.floor((count / most) * colours.length - 0.001));
    L.rectangle([[south, west], [south + cellLat, west + cellLon]], { stroke: false, fillColor: colours[step], fillOpacity: 0.7, className: "heat-cell" })
      .bindTooltip(count === 1 ? "1 " + unit[0] : count + " " + unit[1]).addTo(layer);
  });
  return layer;
}
// After the whole page is read: the SVG map a map replaces may come later in the page.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-interactive-map]").forEach(showInteractiveMap);
});
