// Progressive enhancement of the report forms: a click on the server-rendered map fills in the
// latitude and longitude fields. Without JavaScript the fields are typed in or the area chosen.
(function () {
  "use strict";
  document.querySelectorAll("svg.map.pickable").forEach(function (svg) {
    var form = svg.closest("form");
    if (!form) { return; }
    var lat = form.querySelector("input[name=lat]");
    var lon = form.querySelector("input[name=lon]");
    var d = svg.dataset;
    var marker = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    marker.setAttribute("r", "7");
    marker.setAttribute("class", "dot picked");
    function place(x, y) {
      marker.setAttribute("cx", x);
      marker.setAttribute("cy", y);
      if (!marker.parentNode) { svg.appendChild(marker); }
    }
    function toXY(latitude, longitude) {
      return [Number(d.margin) + (longitude - Number(d.lon0)) * Number(d.squash) * Number(d.scale),
              Number(d.height) - Number(d.margin) - (latitude - Number(d.lat0)) * Number(d.scale)];
    }
    if (lat.value && lon.value) { var xy = toXY(Number(lat.value), Number(lon.value)); place(xy[0], xy[1]); }
    svg.addEventListener("click", function (event) {
      var point = svg.createSVGPoint();
      point.x = event.clientX; point.y = event.clientY;
      var local = point.matrixTransform(svg.getScreenCTM().inverse());
      var latitude = Number(d.lat0) + (Number(d.height) - Number(d.margin) - local.y) / Number(d.scale);
      var longitude = Number(d.lon0) + (local.x - Number(d.margin)) / (Number(d.squash) * Number(d.scale));
      lat.value = latitude.toFixed(6);
      lon.value = longitude.toFixed(6);
      place(local.x, local.y);
      var area = form.querySelector("select[name=omrade]");
      if (area) { area.value = ""; }
    });
  });
})();

// "Använd min position" on a phone: the device's position fills in the fields (and the map's
// marker through the same inputs). Shown only where the browser can tell its position.
(function () {
  "use strict";
  if (!("geolocation" in navigator)) { return; }
  document.querySelectorAll("[data-use-position]").forEach(function (button) {
    var form = button.closest("form");
    var lat = form.querySelector("input[name=lat]");
    var lon = form.querySelector("input[name=lon]");
    var status = form.querySelector("[data-position-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      if (status) { status.textContent = "Hämtar din position …"; }
      navigator.geolocation.getCurrentPosition(function (position) {
        lat.value = position.coords.latitude.toFixed(6);
        lon.value = position.coords.longitude.toFixed(6);
        // Moves the marker of the interactive map, when there is one.
        lat.dispatchEvent(new Event("change"));
        var area = form.querySelector("select[name=omrade]");
        if (area) { area.value = ""; }
        if (status) { status.textContent = "Positionen är ifylld (noggrannhet cirka " + Math.round(position.coords.accuracy) + " meter)."; }
      }, function () {
        if (status) { status.textContent = "Positionen kunde inte hämtas. Klicka på kartan eller välj område i stället."; }
      }, { enableHighAccuracy: true, timeout: 10000 });
    });
  });
})();

// The end of a period is asked for only when the time is a period: otherwise the two fields are
// hidden and not sent. Without JavaScript they stay, with the hint that says when to fill them in.
(function () {
  "use strict";
  document.querySelectorAll("[data-period-end]").forEach(function (end) {
    var form = end.closest("form");
    var precision = form && form.querySelector("select[name=precision]");
    if (!precision) { return; }
    function fit() {
      var period = precision.value === "period";
      end.hidden = !period;
      end.querySelectorAll("input").forEach(function (input) { input.disabled = !period; });
    }
    precision.addEventListener("change", fit);
    fit();
  });
}());
