// The dashboard's chart (data in #dashboard-chart-data) and the copy buttons beside links and codes.
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('dashboard-chart');
  var data = document.getElementById('dashboard-chart-data');
  if (element && data && window.echarts) {
    var spec = JSON.parse(data.textContent);
    var chart = window.echarts.init(element);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [spec.names.clicks, spec.names.counted, spec.names.orders] },
      xAxis: { type: 'category', data: spec.labels },
      yAxis: [{ type: 'value', name: spec.names.clicks, minInterval: 1 }, { type: 'value', name: spec.names.orders, minInterval: 1 }],
      series: [
        { name: spec.names.clicks, type: 'bar', data: spec.clicks },
        { name: spec.names.counted, type: 'bar', data: spec.counted },
        { name: spec.names.orders, type: 'line', yAxisIndex: 1, data: spec.orders }
      ]
    });
    element.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var status = document.getElementById('copy-status');
  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand('copy'); } catch (e) { done = false; }
    document.body.removeChild(area);
    return done;
  }
  function report(button, done) {
    var message = done ? button.getAttribute('data-copied') : button.getAttribute('data-failed');
    button.setAttribute('data-copy-state', done ? 'copied' : 'failed');
    if (status) {
      status.textContent = message;
    }
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var text = button.getAttribute('data-copy');
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { report(button, true); },
          function () { report(button, fallback(text)); });
      } else {
        report(button, fallback(text));
      }
    });
  });
});
