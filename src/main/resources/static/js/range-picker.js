// The date-range picker of the statistics pages (templates/fragments/range.html): a custom range whose
// end lies before its start is stopped here, with the server's own words (data-order-message), before
// the request; the server checks the same (kernel.DateRange).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('custom-range');
  var from = document.getElementById('range-from');
  var to = document.getElementById('range-to');
  if (!form || !from || !to) {
    return;
  }
  function clear() {
    to.setCustomValidity('');
  }
  from.addEventListener('input', clear);
  to.addEventListener('input', clear);
  form.addEventListener('submit', function (event) {
    clear();
    if (from.value && to.value && to.value < from.value) {
      to.setCustomValidity(form.getAttribute('data-order-message') || '');
      to.reportValidity();
      event.preventDefault();
    }
  });
});
