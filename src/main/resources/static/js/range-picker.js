// The date-range picker of the statistics pages (templates/fragments/range.html): the start may not
// pass the end and the end may not come before the start, so the browser says so before the server.
document.addEventListener('DOMContentLoaded', function () {
  var from = document.getElementById('range-from');
  var to = document.getElementById('range-to');
  if (!from || !to) {
    return;
  }
  function keepInOrder() {
    if (from.value) {
      to.min = from.value;
    }
    if (to.value) {
      from.max = to.value;
    }
  }
  from.addEventListener('change', keepInOrder);
  to.addEventListener('change', keepInOrder);
  keepInOrder();
});
