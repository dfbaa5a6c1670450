// The week's interactive map on Leaflet (Debian's libjs-leaflet, served by Trygg): the areas as
// outlines, the events clustered, hot places as labelled circles. Without Leaflet or without
// JavaScript the server-drawn SVG above stays; with it, the SVG gives way to this map.
function showWeekMap() {
  "use strict";
  var element = document.getElementById("veckokarta");
  var source = document.getElementById("veckokarta-data");
  if (!element || !source || typeof L === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  element.hidden = false;
  var fallback = document.querySelector("figure.week-map");
  if (fallback) { fallback.hidden = true; }
  // maxZoom on the map itself: clustering needs it, also when there is no tile layer to give it.
  var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 });
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 19, attribution: data.attribution }).addTo(map);
  }
  var bounds = L.latLngBounds([]);
  data.areas.forEach(function (area) {
    var outline = L.polygon(area.rings, { color: "#0b4f8a", weight: 2, fillOpacity: 0.05 }).addTo(map);
    outline.bindTooltip(area.name, { permanent: true, direction: "center", className: "area-label" });
    bounds.extend(outline.getBounds());
  });
  var events = typeof L.markerClusterGroup === "function" ? L.markerClusterGroup({ maxClusterRadius: 40 }) : L.layerGroup();
  data.events.forEach(function (event) {
    events.addLayer(L.circleMarker([event.lat, event.lon], { radius: 6, color: "#33393f", weight: 1, fillColor: "#b35c00", fillOpacity: 0.9 }).bindPopup(event.title));
    bounds.extend([event.lat, event.lon]);
  });
  events.addTo(map);
  data.hotPlaces.forEach(function (place) {
    L.circle([place.lat, place.lon], { radius: 100, color: "#9b1c1c", weight: 3, fillOpacity: 0.15 })
      .bindTooltip(place.title, { permanent: true, direction: "top" }).addTo(map);
  });
  data.priorityPlaces.forEach(function (place) {
    L.circleMarker([place.lat, place.lon], { radius: 9, color: "#1d5e2f", weight: 3, fillOpacity: 0 }).bindPopup(place.title).addTo(map);
  });
  if (bounds.isValid()) { map.fitBounds(bounds, { padding: [20, 20] }); } else { map.setView([58.41, 15.62], 12); }
}
// After the whole page is read: the SVG map it replaces comes later in the page.
document.addEventListener("DOMContentLoaded", showWeekMap);
