// The trainer's check-in screen: fetch a fresh QR code every 60 seconds (the token rotates every minute).
// Without JavaScript the "New code" link does the same by hand.
(function () {
  var seconds = parseInt(document.documentElement.getAttribute("data-refresh-seconds") || "60", 10);
  var figure = document.querySelector(".checkin-code__qr");
  if (!figure || !window.fetch) {
    return;
  }
  window.setInterval(function () {
    fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        ["checkin-code__qr", "checkin-code__link"].forEach(function (name) {
          var next = fresh.querySelector("." + name);
          var current = document.querySelector("." + name);
          if (next && current) { current.replaceWith(next); }
        });
      });
  }, seconds * 1000);
})();
