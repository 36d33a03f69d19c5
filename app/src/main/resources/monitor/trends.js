// Trends: events per hour by type or by actor (/api/trends) as a stacked bar chart drawn in SVG,
// and who acts on whom for one actor (/api/trends/pairs).
(() => {
  const { el, svg, get, query, PALETTE } = nf;
  const params = new URLSearchParams(location.search);
  const state = { hours: params.get('hours') || '24', by: params.get('by') || 'event', actor: params.get('actor') || '' };

  const chart = el('div', { class: 'chart', id: 'trend-chart' });
  const legend = el('div', { class: 'legend' });
  const totals = el('div', { class: 'chart', id: 'totals' });
  const actorSelect = el('select', { id: 'pair-actor', onchange: () => { state.actor = actorSelect.value; sync(); loadPairs(); } });
  const pairs = el('div', { class: 'chart', id: 'pairs' });
  const chartTitle = el('h2');

  function toggle(key, choices) {
    const box = el('div', { class: 'toggle', id: 'toggle-' + key });
    for (const [value, label] of choices) {
      box.append(el('button', { 'data-value': value, class: state[key] === value ? 'on' : null,
        onclick: () => { state[key] = value; sync(); load(); } }, label));
    }
    return box;
  }

  function sync() {
    history.replaceState(null, '', location.pathname + query(state));
    for (const key of ['hours', 'by']) {
      for (const b of document.querySelectorAll('#toggle-' + key + ' button')) b.classList.toggle('on', b.dataset.value === state[key]);
    }
  }

  document.getElementById('main').append(
    el('h1', {}, 'Trends'),
    el('p', { class: 'sub' }, 'Events reported per hour, by the hour the article was fetched. Copies of a story do not count it twice.'),
    el('div', { class: 'panel' }, el('div', { class: 'toolbar' },
      toggle('hours', [['24', 'Last 24 hours'], ['168', 'Last 7 days']]),
      toggle('by', [['event', 'By event type'], ['actor', 'By actor']]))),
    el('div', { class: 'panel' }, chartTitle, chart, legend),
    el('div', { class: 'row' },
      el('div', { class: 'panel' }, el('h2', {}, 'Totals'), totals),
      el('div', { class: 'panel' }, el('h2', {}, 'Who acts on whom'),
        el('div', { class: 'toolbar', style: 'margin-bottom:12px' }, el('label', {}, 'Actor', actorSelect)), pairs)));

  function label(iso, hours) {
    const d = new Date(iso);
    const hh = String(d.getUTCHours()).padStart(2, '0') + ':00';
    return hours > 24 ? d.toISOString().slice(5, 10) : hh;
  }

  function stackedBars(trend) {
    const W = 1000, H = 280, L = 40, B = 26, T = 10;
    const n = trend.hours;
    const layers = trend.series.map((s, i) => ({ key: s.key, counts: s.counts, color: PALETTE[i % PALETTE.length] }));
    if (trend.others.some(v => v > 0)) layers.push({ key: 'others', counts: trend.others, color: '#c3c8d2' });
    const sums = Array.from({ length: n }, (_, h) => layers.reduce((t, l) => t + l.counts[h], 0));
    const max = Math.max(1, ...sums);
    const step = niceStep(max);
    const top = Math.ceil(max / step) * step;
    const bw = (W - L) / n;
    const y = v => T + (H - T - B) * (1 - v / top);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'events per hour' });
    for (let v = 0; v <= top; v += step) {
      root.append(svg('line', { x1: L, x2: W, y1: y(v), y2: y(v), stroke: '#e3e6ec' }),
        svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, v));
    }
    for (let h = 0; h < n; h++) {
      let base = 0;
      for (const l of layers) {
        const v = l.counts[h];
        if (!v) continue;
        root.append(svg('rect', { class: 'bar', x: L + h * bw + bw * 0.12, width: Math.max(1, bw * 0.76), y: y(base + v),
          height: y(base) - y(base + v), fill: l.color, rx: 1.5 }, svg('title', {}, `${l.key}: ${v} (${label(trend.buckets[h], 24)} UTC)`)));
        base += v;
      }
      const every = n > 24 ? 24 : 3;
      if (h % every === 0) {
        root.append(svg('text', { x: L + h * bw + bw / 2, y: H - 8, 'text-anchor': 'middle' }, label(trend.buckets[h], n)));
      }
    }
    root.append(svg('line', { x1: L, x2: W, y1: y(0), y2: y(0), stroke: '#9aa3b2' }));
    legend.replaceChildren(...layers.map(l => el('span', {}, el('i', { style: 'background:' + l.color }), l.key)));
    return root;
  }

  function niceStep(max) {
    const raw = max / 4;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    return Math.max(1, [1, 2, 5, 10].map(m => m * p).find(s => s >= raw));
  }

  function hbars(rows, color, unit) {
    if (!rows.length) return el('p', { class: 'empty' }, 'Nothing in this period.');
    const W = 460, R = 24, L = 90;
    const max = Math.max(...rows.map(r => r.value));
    const root = svg('svg', { viewBox: `0 0 ${W} ${rows.length * R + 4}` });
    rows.forEach((r, i) => {
      const w = Math.max(2, (W - L - 50) * r.value / max);
      root.append(
        svg('text', { x: L - 8, y: i * R + 16, 'text-anchor': 'end', style: 'fill:#1d2330;font-weight:600' }, r.label),
        svg('rect', { class: 'bar', x: L, y: i * R + 4, width: w, height: R - 8, rx: 3, fill: r.color || color },
          svg('title', {}, `${r.label}: ${r.value} ${unit}`)),
        svg('text', { x: L + w + 6, y: i * R + 16 }, r.value));
    });
    return root;
  }

  async function load() {
    chartTitle.textContent = (state.by === 'event' ? 'Events per hour by type' : 'Events per hour by actor')
      + (state.hours === '24' ? ', last 24 hours' : ', last 7 days');
    try {
      const trend = await get('/api/trends' + query({ hours: state.hours, by: state.by, top: 8 }));
      const total = trend.series.reduce((t, s) => t + s.total, 0) + trend.others.reduce((a, b) => a + b, 0);
      chart.replaceChildren(total ? stackedBars(trend) : el('p', { class: 'empty' }, 'No events in this period yet.'));
      if (!total) legend.replaceChildren();
      totals.replaceChildren(hbars(trend.series.map((s, i) => ({ label: s.key, value: s.total, color: PALETTE[i % PALETTE.length] })), '#2f5bea', 'events'));
      const actors = state.by === 'actor' ? trend : await get('/api/trends' + query({ hours: state.hours, by: 'actor', top: 20 }));
      const codes = actors.series.map(s => s.key);
      if (!state.actor && codes.length) state.actor = codes[0];
      if (state.actor && !codes.includes(state.actor)) codes.unshift(state.actor);
      actorSelect.replaceChildren(...codes.map(c => el('option', { value: c }, c)));
      actorSelect.value = state.actor;
      loadPairs();
    } catch (e) {
      chart.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  }

  async function loadPairs() {
    if (!state.actor) {
      pairs.replaceChildren(el('p', { class: 'empty' }, 'No actors in this period yet.'));
      return;
    }
    try {
      const p = await get('/api/trends/pairs' + query({ actor: state.actor, hours: state.hours }));
      pairs.replaceChildren(
        el('h3', { style: 'font-size:13px;margin:4px 0' }, p.actor + ' acts on'),
        hbars(p.outgoing.map(c => ({ label: c.actor, value: c.events })), '#19a979', 'events'),
        el('h3', { style: 'font-size:13px;margin:14px 0 4px' }, 'Acting on ' + p.actor),
        hbars(p.incoming.map(c => ({ label: c.actor, value: c.events })), '#e8743b', 'events'));
    } catch (e) {
      pairs.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  }

  load();
  setInterval(load, 30000);
})();
