// Collects page errors in window.__errors (read by the browser test and
// handy in a console). Loaded first, as a classic script, so it also sees
// errors of the scripts after it and resources that fail to load.
(function () {
  "use strict";
  var errors = (window.__errors = window.__errors || []);
  window.addEventListener(
    "error",
    function (e) {
      var t = e.target;
      if (t && t !== window && (t.src || t.href)) {
        errors.push("failed to load " + (t.src || t.href));
      } else {
        errors.push(String(e.message || e.error) + (e.filename ? " at " + e.filename + ":" + e.lineno : ""));
      }
    },
    true,
  );
  window.addEventListener("unhandledrejection", function (e) {
    var r = e.reason;
    errors.push("unhandled rejection: " + (r && r.message ? r.message : String(r)));
  });
  var orig = console.error;
  console.error = function () {
    errors.push(Array.prototype.map.call(arguments, String).join(" "));
    return orig.apply(console, arguments);
  };
})();
