// On a phone the menu (eleven links and who is logged in) would fill the first screen of every
// page: there it folds behind a "Meny" button. Without JavaScript, or on a wider screen, the
// menu stays open as before.
(function () {
  "use strict";
  var button = document.querySelector(".menu-toggle");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu || !window.matchMedia) return;
  var narrow = window.matchMedia("(max-width: 40rem)");
  var show = function (open) {
    menu.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  var fit = function () {
    button.hidden = !narrow.matches;
    show(!narrow.matches);
  };
  button.addEventListener("click", function () { show(menu.hidden); });
  if (narrow.addEventListener) { narrow.addEventListener("change", fit); } else { narrow.addListener(fit); }
  fit();
}());
