// Draws every element with a data-chart attribute (JSON: categories, series) with ECharts.
document.addEventListener('DOMContentLoaded', function () {
  // axis labels and tooltips in the page's language (its <html lang>), e.g. 1 234,5 in French
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var number = function (value) { return typeof value === 'number' ? numbers.format(value) : value; };
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var spec = JSON.parse(element.getAttribute('data-chart'));
    var chart = window.echarts.init(element);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: number },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value', axisLabel: { formatter: number } },
      series: spec.series.map(function (s) {
        return { name: s.name, type: spec.type || 'bar', stack: spec.stacked ? 'total' : undefined,
          data: s.data.map(Number) };
      })
    });
    element.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
