// Text boxes grow with their text, so a clause is read whole, not through a three-line window. The stylesheet
// does it (`field-sizing: content`) where the browser supports it; elsewhere this fits each box to its text as it
// is typed. Without either, the boxes keep their rows and can be resized by hand.
(function () {
  "use strict";
  if (window.CSS && window.CSS.supports && window.CSS.supports("field-sizing", "content")) { return; }

  function fit(box) {
    box.style.height = "auto";
    box.style.height = (box.scrollHeight + box.offsetHeight - box.clientHeight) + "px";
  }

  var boxes = document.querySelectorAll(".step-form textarea");
  Array.prototype.forEach.call(boxes, fit);
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (box.matches && box.matches(".step-form textarea")) { fit(box); }
  });
})();
