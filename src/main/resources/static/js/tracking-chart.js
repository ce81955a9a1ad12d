// Draws the partner's clicks, counted clicks and orders of the last days (data in #tracking-chart-data).
document.addEventListener('DOMContentLoaded', function () {
  // axis labels and tooltips in the page's language (its <html lang>), e.g. 1 234,5 in French
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var number = function (value) { return typeof value === 'number' ? numbers.format(value) : value; };
  var element = document.getElementById('tracking-chart');
  var data = document.getElementById('tracking-chart-data');
  if (!element || !data || !window.echarts) {
    return;
  }
  var spec = JSON.parse(data.textContent);
  var chart = window.echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: number },
    legend: { data: [spec.names.clicks, spec.names.counted, spec.names.orders] },
    xAxis: { type: 'category', data: spec.labels },
    yAxis: [{ type: 'value', name: spec.names.clicks, axisLabel: { formatter: number } },
      { type: 'value', name: spec.names.orders, axisLabel: { formatter: number } }],
    series: [
      { name: spec.names.clicks, type: 'bar', data: spec.clicks },
      { name: spec.names.counted, type: 'bar', data: spec.counted },
      { name: spec.names.orders, type: 'line', yAxisIndex: 1, data: spec.sales }
    ]
  });
  element.setAttribute('data-chart-ready', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
});
