// The page's one script, as text (the page is one file). It shows the findings from the JSON data block a page
// of rows at a time (a table of 10,000 rows laid out at once takes the browser seconds), builds each row's
// cells with textContent only (never innerHTML: every value stays text), sorts when a column heading is
// clicked, filters as the reader types, and draws the timeline's dots. It fetches nothing; the page's
// Content-Security-Policy allows this script by its hash and nothing else.
export const SCRIPT = `
'use strict';
(function () {
  var data = JSON.parse(document.getElementById('keywarden-data').textContent);
  var table = document.getElementById('findings');
  Array.prototype.forEach.call(document.querySelectorAll('.timeline .bar'), function (bar) {
    var position = Number(bar.getAttribute('data-position'));
    bar.style.marginLeft = 'calc(' + (position * 100).toFixed(2) + '% - ' + (position * 0.7).toFixed(3) + 'rem)';
  });
  if (!table) return;
  var body = table.tBodies[0];
  var count = document.getElementById('shown');
  var filter = document.getElementById('filter');
  var previous = document.getElementById('previous');
  var next = document.getElementById('next');
  var size = data.pageSize;
  var rows = data.rows.map(function (values) {
    return { values: values, text: values.join('\\u0000').toLowerCase(), tr: null };
  });
  var order = rows.slice();
  var matching = order;
  var page = 0;
  function element(row) {
    if (row.tr) return row.tr;
    var tr = document.createElement('tr');
    for (var i = 0; i < row.values.length; i++) {
      var td = document.createElement('td');
      td.textContent = row.values[i];
      if (data.columns[i].numeric) td.className = 'num';
      tr.appendChild(td);
    }
    row.tr = tr;
    return tr;
  }
  function refilter() {
    var query = filter.value.trim().toLowerCase();
    matching = query === '' ? order : order.filter(function (row) { return row.text.indexOf(query) !== -1; });
  }
  function render() {
    var pages = Math.max(1, Math.ceil(matching.length / size));
    page = Math.min(Math.max(page, 0), pages - 1);
    var from = page * size;
    var to = Math.min(from + size, matching.length);
    var fragment = document.createDocumentFragment();
    for (var i = from; i < to; i++) fragment.appendChild(element(matching[i]));
    body.replaceChildren(fragment);
    var words = matching.length === rows.length ? data.words.shown : data.words.shownFiltered;
    count.textContent = words.replace('{from}', String(matching.length === 0 ? 0 : from + 1)).replace('{to}', String(to)).replace('{count}', String(matching.length)).replace('{total}', String(rows.length));
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
    previous.hidden = next.hidden = pages === 1;
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
      refilter();
      page = 0;
      render();
    });
  });
  filter.addEventListener('input', function () { refilter(); page = 0; render(); });
  previous.addEventListener('click', function () { page--; render(); });
  next.addEventListener('click', function () { page++; render(); });
  render();
})();
`;
