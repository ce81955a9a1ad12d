// Copy buttons of the material library: copies the code of the textarea the button names.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.copy-code');
  if (!button) {
    return;
  }
  var area = document.getElementById(button.getAttribute('data-copy-target'));
  var status = button.parentElement.querySelector('.copy-status');
  var done = function () {
    if (status) {
      status.textContent = button.getAttribute('data-copied');
    }
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(area.value).then(done, function () {
      area.select();
      document.execCommand('copy');
      done();
    });
  } else {
    area.select();
    document.execCommand('copy');
    done();
  }
});
