// Draws the partner's clicks, counted clicks and orders of the last days (data in #tracking-chart-data).
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('tracking-chart');
  var data = document.getElementById('tracking-chart-data');
  if (!element || !data || !window.echarts) {
    return;
  }
  var spec = JSON.parse(data.textContent);
  var chart = window.echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [spec.names.clicks, spec.names.counted, spec.names.orders] },
    xAxis: { type: 'category', data: spec.labels },
    yAxis: [{ type: 'value', name: spec.names.clicks }, { type: 'value', name: spec.names.orders }],
    series: [
      { name: spec.names.clicks, type: 'bar', data: spec.clicks },
      { name: spec.names.counted, type: 'bar', data: spec.counted },
      { name: spec.names.orders, type: 'line', yAxisIndex: 1, data: spec.sales }
    ]
  });
  element.setAttribute('data-chart-ready', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
});
