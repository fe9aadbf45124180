// The page's one script, as text (the page is one file). It builds the table of findings from the JSON data
// block with textContent only (never innerHTML: every value stays text), sorts it when a column heading is
// clicked, filters it as the reader types, and draws the timeline's bars. It fetches nothing; the page's
// Content-Security-Policy allows this script by its hash and nothing else.
export const SCRIPT = `
'use strict';
(function () {
  var data = JSON.parse(document.getElementById('keywarden-data').textContent);
  var table = document.getElementById('findings');
  if (!table) return;
  var body = table.tBodies[0];
  var count = document.getElementById('shown');
  var filter = document.getElementById('filter');
  var rows = data.rows.map(function (values) {
    var tr = document.createElement('tr');
    for (var i = 0; i < values.length; i++) {
      var td = document.createElement('td');
      td.textContent = values[i];
      if (data.columns[i].numeric) td.className = 'num';
      tr.appendChild(td);
    }
    return { tr: tr, values: values, text: values.join('\\u0000').toLowerCase() };
  });
  var order = rows.slice();
  function render() {
    var query = filter.value.trim().toLowerCase();
    var shown = 0;
    var fragment = document.createDocumentFragment();
    for (var i = 0; i < order.length; i++) {
      var match = query === '' || order[i].text.indexOf(query) !== -1;
      order[i].tr.hidden = !match;
      if (match) shown++;
      fragment.appendChild(order[i].tr);
    }
    body.appendChild(fragment);
    count.textContent = data.words.shown.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
  }
  var sorted = { column: -1, direction: 1 };
  var buttons = table.tHead.querySelectorAll('button[data-column]');
  Array.prototype.forEach.call(buttons, function (button) {
    button.addEventListener('click', function () {
      var column = Number(button.getAttribute('data-column'));
      sorted.direction = sorted.column === column ? -sorted.direction : 1;
      sorted.column = column;
      var numeric = data.columns[column].numeric;
      order.sort(function (a, b) {
        var x = a.values[column], y = b.values[column];
        var c = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
        return c * sorted.direction;
      });
      Array.prototype.forEach.call(buttons, function (other) {
        other.parentNode.setAttribute('aria-sort', other === button ? (sorted.direction === 1 ? 'ascending' : 'descending') : 'none');
      });
      render();
    });
  });
  filter.addEventListener('input', render);
  render();
  Array.prototype.forEach.call(document.querySelectorAll('.timeline .bar'), function (bar) {
    var position = Number(bar.getAttribute('data-position'));
    bar.style.marginLeft = 'calc(' + (position * 100).toFixed(2) + '% - ' + (position * 0.7).toFixed(3) + 'rem)';
  });
})();
`;
