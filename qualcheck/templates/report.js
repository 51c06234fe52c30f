(function () {
  "use strict";
  var verdict = document.getElementById("filter-verdict");
  var code = document.getElementById("filter-code");
  var counter = document.getElementById("filter-count");
  var docs = document.querySelectorAll("article.doc");
  function apply() {
    var shown = 0;
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      var codes = (d.getAttribute("data-codes") || "").split(" ");
      var ok = (!verdict.value || d.getAttribute("data-verdict") === verdict.value) &&
        (!code.value || codes.indexOf(code.value) !== -1);
      d.hidden = !ok;
      if (ok) { shown++; }
    }
    counter.textContent = shown + " shown";
  }
  if (verdict && code && counter) {
    verdict.addEventListener("change", apply);
    code.addEventListener("change", apply);
    apply();
  }
})();
