// The scanner page: uploads the chosen file to the scan API with a progress bar, then
// shows the verdict. Texts come from the form's data- attributes (the page's language).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('scan-form');
  if (!form) {
    return;
  }
  var progress = document.getElementById('scan-progress');
  var status = document.getElementById('scan-status');
  var verdict = document.getElementById('scan-verdict');
  var verdictText = document.getElementById('scan-verdict-text');
  var verdictDetails = document.getElementById('scan-verdict-details');
  var submit = document.getElementById('scan-submit');
  var texts = form.dataset;

  function show(kind, text, details) {
    verdict.hidden = false;
    verdict.className = 'alert ' + kind;
    verdict.dataset.verdict = kind;
    verdictText.textContent = text;
    verdictDetails.textContent = details || '';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('scan-file').files[0];
    if (!file) {
      return;
    }
    verdict.hidden = true;
    if (file.size > Number(texts.maxBytes)) {
      show('error', texts.tooLarge);
      return;
    }
    var data = new FormData();
    // the partner first, so the server knows it before the file streams past
    form.querySelectorAll('input[type=hidden]').forEach(function (input) {
      data.append(input.name, input.value);
    });
    data.append('file', file);
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.responseType = 'json';
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
        status.textContent = e.loaded < e.total ? texts.uploading : texts.scanning;
      }
    });
    request.addEventListener('load', function () {
      submit.disabled = false;
      progress.hidden = true;
      status.textContent = '';
      var body = request.response || {};
      if (request.status === 200 && body.verdict === 'CLEAN') {
        show('success', texts.clean, texts.details + ' ' + body.engine + ' ' + body.signatures + ' · SHA-256 ' + body.sha256);
      } else if (request.status === 200) {
        show('error', texts.infected + ' ' + (body.threats || []).join(', '), 'SHA-256 ' + body.sha256);
      } else if (request.status === 413) {
        show('error', texts.tooLarge);
      } else {
        show('error', body.detail || texts.failed);
      }
    });
    request.addEventListener('error', function () {
      submit.disabled = false;
      progress.hidden = true;
      show('error', texts.failed);
    });
    submit.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    status.textContent = texts.uploading;
    request.send(data);
  });
});
