// The dashboard: three pages (sweeps, a sweep, a trial) chosen by the address's #fragment, each redrawn from the
// read-only JSON API every two seconds, so a sweep that is running shows its trials as they finish.
'use strict';

const POLL_MS = 2000;
// The leaderboard's rows before 'show all': a sweep of hundreds of trials would push its charts out of sight.
const LEADERBOARD_ROWS = 50;
const charts = {};
const state = { sort: null, descending: true, where: '', stateFilter: '', picked: new Set(), showAll: false };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function fmt(v, digits = 4) {
  if (v == null) return '-';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  return String(v);
}

function duration(seconds) {
  if (seconds == null) return '-';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.floor(s % 3600 / 60)} min` : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

// Every chart is redrawn at each poll: without animation, so that it never shows a half-drawn line.
function chart(id, container) {
  let c = charts[id];
  if (!c || c.getDom() !== container) {
    c = echarts.init(container, null, { renderer: 'canvas' });
    charts[id] = c;
  }
  return { setOption: (option, replace) => c.setOption(Object.assign({ animation: false }, option), replace) };
}

function table(header, rows, onSort) {
  return el('table', {},
    el('tr', {}, header.map(h => el('th', { class: h.text ? 'text' : '', onclick: () => onSort && onSort(h.key) }, h.label))),
    rows);
}

// ---- Sweeps page

function sweepsPage(main, sweeps) {
  document.body.dataset.page = 'sweeps';
  document.getElementById('where-am-i').textContent = '';
  const header = [{ label: 'sweep', text: true }, { label: 'architecture', text: true }, { label: 'sampler', text: true },
    { label: 'pruner', text: true }, { label: 'state', text: true }, { label: 'progress' }, { label: 'running' }, { label: 'best' },
    { label: 'elapsed' }, { label: 'left' }];
  const rows = sweeps.map(s => el('tr', { class: s.state },
    el('td', { class: 'text' }, el('a', { href: '#/sweep/' + encodeURIComponent(s.name) }, s.name)),
    el('td', { class: 'text' }, s.architecture), el('td', { class: 'text' }, s.strategy), el('td', { class: 'text' }, s.pruner || '-'),
    el('td', { class: 'text' }, s.state),
    el('td', {}, `${s.done} of ${s.planned}`), el('td', {}, s.counts.RUNNING),
    el('td', {}, `${fmt(s.best)} ${s.metric}`), el('td', {}, duration(s.elapsed_seconds)), el('td', {}, duration(s.left_seconds))));
  main.replaceChildren(el('h2', {}, `${sweeps.length} sweeps`), el('div', { id: 'sweeps-table' }, table(header, rows)));
}

// ---- Sweep page

function sweepPage(main, sweep, curves, importance) {
  document.body.dataset.page = 'sweep';
  document.body.dataset.completed = sweep.counts.COMPLETE;
  document.getElementById('where-am-i').textContent = '/ ' + sweep.name;
  let skeleton = document.getElementById('sweep-page');
  if (!skeleton || skeleton.dataset.sweep !== sweep.name) {
    skeleton = el('div', { id: 'sweep-page', 'data-sweep': sweep.name },
      el('h2', {}, sweep.name), el('div', { class: 'summary', id: 'summary' }),
      el('div', { class: 'controls' }, 'where ', el('input', { id: 'where', placeholder: "val_accuracy > 0.9 and optimizer = 'adam'",
        value: state.where, onchange: e => { state.where = e.target.value; refresh(); } }), ' state ',
      el('select', { id: 'state-filter', onchange: e => { state.stateFilter = e.target.value; refresh(); } },
        ['', 'COMPLETE', 'PRUNED', 'FAILED', 'RUNNING', 'INTERRUPTED'].map(s => el('option', { value: s }, s || 'any'))),
      el('span', { id: 'where-error', class: 'error' })),
      el('div', { id: 'leaderboard' }),
      el('h3', {}, 'Optimization history and learning curves'),
      el('div', { class: 'charts' }, el('div', { class: 'chart', id: 'history-chart' }), el('div', { class: 'chart', id: 'curves-chart' })),
      el('div', { id: 'architectures', style: 'display: none' }, el('h3', {}, 'Architectures compared'),
        el('div', { class: 'charts' }, el('div', { class: 'chart', id: 'by-architecture' }), el('div', { class: 'chart', id: 'by-size' }))),
      el('h3', {}, 'Parallel coordinates and the timeline of trials'),
      el('div', { class: 'charts' }, el('div', { class: 'chart', id: 'parallel-chart' }), el('div', { class: 'chart', id: 'timeline-chart' })),
      el('h3', {}, 'Parameter importance and the objective against each searched parameter'),
      el('div', { class: 'charts' }, el('div', { class: 'chart small', id: 'importance-chart' })),
      el('div', { class: 'charts', id: 'parameter-charts' }));
    main.replaceChildren(skeleton);
  }
  const c = sweep.counts;
  document.getElementById('summary').replaceChildren(
    el('span', {}, `${sweep.architecture}, ${sweep.strategy}${sweep.pruner ? ', pruner ' + sweep.pruner : ''}`), el('span', {}, `state ${sweep.state}`),
    el('span', { id: 'completed-count' }, `${c.COMPLETE} complete`), el('span', {}, `${c.PRUNED} pruned`),
    el('span', {}, `${c.FAILED} failed`), el('span', {}, `${c.RUNNING} running`), el('span', {}, `of ${sweep.planned}`),
    el('span', {}, `best ${fmt(sweep.best)} ${sweep.metric}`), el('span', {}, `elapsed ${duration(sweep.elapsed_seconds)}`),
    el('span', {}, `left ${duration(sweep.left_seconds)}`));
  leaderboard(sweep);
  history(sweep);
  // When the page first stood complete, for the benchmark of a large sweep (time to first paint).
  if (!document.body.dataset.drawnMs) setTimeout(() => { document.body.dataset.drawnMs = Math.round(performance.now()); }, 0);
  learningCurves(sweep, curves);
  parameterCharts(sweep);
  importanceChart(importance);
  parallelCoordinates(sweep);
  timeline(sweep);
  architectures(sweep);
}

// For a sweep over several architectures: each one's trials and median, and the objective against the weights.
function architectures(sweep) {
  const names = [...new Set(sweep.trials.map(t => t.architecture))];
  const section = document.getElementById('architectures');
  section.style.display = names.length > 1 ? '' : 'none';
  if (names.length < 2) return;
  const complete = sweep.trials.filter(t => t.state === 'COMPLETE' && t.objective != null);
  const median = values => { const v = values.slice().sort((a, b) => a - b); const n = v.length;
    return n ? (n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2) : null; };
  chart('by-architecture', document.getElementById('by-architecture')).setOption({
    title: { text: `${sweep.metric} by architecture (bar: median)`, textStyle: { fontSize: 14 } }, tooltip: {},
    xAxis: { type: 'category', data: names }, yAxis: { type: 'value', scale: true, name: sweep.metric },
    series: [{ type: 'scatter', data: complete.map(t => [t.architecture, t.objective]) },
      { type: 'bar', barWidth: '40%', itemStyle: { opacity: 0.3 }, data: names.map(a => median(complete.filter(t => t.architecture === a).map(t => t.objective))) }],
  }, true);
  chart('by-size', document.getElementById('by-size')).setOption({
    title: { text: `${sweep.metric} against trainable parameters`, textStyle: { fontSize: 14 } }, tooltip: {}, legend: { top: 24 }, grid: { top: 70 },
    xAxis: { type: 'log', name: 'parameters' }, yAxis: { type: 'value', scale: true, name: sweep.metric },
    series: names.map(a => ({ name: a, type: 'scatter',
      data: complete.filter(t => t.architecture === a && t.parameter_count > 0).map(t => [t.parameter_count, t.objective]) })),
  }, true);
}

// One axis per searched parameter (log where the values span two decades, categories for text), then the objective.
function parallelCoordinates(sweep) {
  const trials = sweep.trials.filter(t => t.objective != null);
  const axes = sweep.searched.map((p, dim) => {
    const values = trials.map(t => t.params[p]).filter(v => v != null);
    const numeric = values.every(v => !isNaN(Number(v)));
    const positive = values.map(Number).filter(v => v > 0);
    const log = numeric && positive.length > 1 && Math.max(...positive) / Math.min(...positive) >= 100;
    return numeric ? { dim, name: p, type: log ? 'log' : 'value', scale: true } : { dim, name: p, type: 'category', data: [...new Set(values)] };
  });
  axes.push({ dim: axes.length, name: sweep.metric, type: 'value', scale: true });
  const data = trials.map(t => sweep.searched.map((p, i) => t.params[p] == null ? null : axes[i].type === 'category' ? t.params[p] : Number(t.params[p]))
    .concat([t.objective]));
  const objectives = trials.map(t => t.objective);
  chart('parallel', document.getElementById('parallel-chart')).setOption({
    title: { text: 'Parallel coordinates (colour: ' + sweep.metric + ')', textStyle: { fontSize: 14 } },
    parallel: { left: 60, right: 80, top: 60 }, parallelAxis: axes,
    visualMap: objectives.length ? { show: false, dimension: axes.length - 1, min: Math.min(...objectives), max: Math.max(...objectives),
      inRange: { color: sweep.maximize ? ['#d94e5d', '#eac736', '#50a3ba'] : ['#50a3ba', '#eac736', '#d94e5d'] } } : undefined,
    series: [{ type: 'parallel', lineStyle: { width: 1.5, opacity: 0.6 }, data }],
  }, true);
}

// Each trial a bar from its start to its end (now, if running), laid into as few lanes as never overlap: the slots in
// use, so that idle slots, parallelism and pruning show.
function timeline(sweep) {
  const now = Date.now();
  const trials = sweep.trials.filter(t => t.started).map(t => ({ t, start: Date.parse(t.started),
    end: t.finished ? Date.parse(t.finished) : now })).sort((a, b) => a.start - b.start);
  const laneEnds = [];
  trials.forEach(r => {
    let lane = laneEnds.findIndex(end => end <= r.start);
    if (lane < 0) { lane = laneEnds.length; laneEnds.push(0); }
    laneEnds[lane] = r.end;
    r.lane = lane;
  });
  const origin = trials.length ? trials[0].start : now;
  const colours = { COMPLETE: '#50a3ba', PRUNED: '#eac736', FAILED: '#d94e5d', RUNNING: '#9a60b4', INTERRUPTED: '#999' };
  chart('timeline', document.getElementById('timeline-chart')).setOption({
    title: { text: 'Trials over time, one lane per slot in use', textStyle: { fontSize: 14 } },
    tooltip: { formatter: p => `trial ${p.value[3]} (#${p.value[4]}), ${p.value[5]}, ${duration((p.value[2] - p.value[1]) / 1000)}` },
    xAxis: { name: 'seconds', type: 'value', min: 0 }, yAxis: { name: 'slot', type: 'category', data: laneEnds.map((_, i) => String(i + 1)) },
    series: [{ type: 'custom', encode: { x: [1, 2], y: 0 }, renderItem: (params, api) => {
      const start = api.coord([api.value(1), api.value(0)]), end = api.coord([api.value(2), api.value(0)]);
      const height = api.size([0, 1])[1] * 0.6;
      return { type: 'rect', shape: { x: start[0], y: start[1] - height / 2, width: Math.max(1, end[0] - start[0]), height },
        style: { fill: colours[trials[params.dataIndex].t.state] || '#999' } };
    }, data: trials.map(r => [r.lane, (r.start - origin) / 1000, (r.end - origin) / 1000, r.t.id, r.t.number, r.t.state]) }],
  }, true);
}

function importanceChart(importance) {
  const names = Object.keys(importance);
  chart('importance', document.getElementById('importance-chart')).setOption({
    title: { text: names.length ? 'Parameter importance (PED-ANOVA)' : 'Parameter importance: too few complete trials yet', textStyle: { fontSize: 13 } },
    tooltip: {}, grid: { left: 110 },
    xAxis: { type: 'value', max: 1 }, yAxis: { type: 'category', data: names.slice().reverse() },
    series: [{ type: 'bar', data: names.slice().reverse().map(n => importance[n]) }],
  }, true);
}

function leaderboard(sweep) {
  const columns = [{ key: 'id', label: 'trial' }, { key: 'number', label: '#' }, { key: 'state', label: 'state', text: true },
    { key: 'objective', label: 'objective' }, { key: 'val_accuracy', label: 'val_acc' }, { key: 'test_accuracy', label: 'test_acc' },
    { key: 'epochs_done', label: 'epochs' }, { key: 'train_seconds', label: 'train_s' }, { key: 'basis', label: 'basis', text: true }]
    .concat(sweep.searched.map(p => ({ key: 'param:' + p, label: p, text: true })));
  const value = (t, key) => key.startsWith('param:') ? t.params[key.slice(6)] : t[key];
  let trials = sweep.trials.filter(t => !state.stateFilter || t.state === state.stateFilter);
  const key = state.sort || 'objective';
  const sign = (state.sort ? state.descending : sweep.maximize) ? -1 : 1;
  trials = trials.slice().sort((a, b) => {
    const x = value(a, key), y = value(b, key);
    if (x == null) return 1; if (y == null) return -1;
    const nx = Number(x), ny = Number(y);
    return sign * (!isNaN(nx) && !isNaN(ny) ? nx - ny : String(x).localeCompare(String(y)));
  });
  const shown = state.showAll ? trials : trials.slice(0, LEADERBOARD_ROWS);
  const rows = shown.map(t => el('tr', { class: t.state },
    el('td', {}, el('input', Object.assign({ type: 'checkbox', class: 'pick', 'data-trial': t.id,
      onchange: e => { if (e.target.checked) state.picked.add(t.id); else state.picked.delete(t.id); compareLink(); } },
      state.picked.has(t.id) ? { checked: 'checked' } : {}))),
    columns.map(col => el('td', { class: col.text ? 'text' : '' }, col.key === 'id'
      ? el('a', { href: '#/trial/' + t.id }, t.id) : fmt(value(t, col.key))))));
  const more = trials.length > shown.length
    ? el('a', { href: 'javascript:void 0', id: 'show-all', onclick: () => { state.showAll = true; refresh(); } }, `show all ${trials.length} trials`)
    : '';
  document.getElementById('leaderboard').replaceChildren(el('div', { id: 'compare-link' }), table([{ label: '' }].concat(columns), rows, k => {
    state.descending = state.sort === k ? !state.descending : true;
    state.sort = k;
    refresh();
  }), more);
  compareLink();
}

function compareLink() {
  const picked = [...state.picked];
  const link = document.getElementById('compare-link');
  if (link) link.replaceChildren(picked.length >= 2 ? el('a', { href: '#/compare/' + picked.join(','), id: 'compare-selected' },
    `compare the ${picked.length} selected trials`) : 'tick two or more trials to compare them');
}

function history(sweep) {
  const scored = sweep.trials.filter(t => t.objective != null && (t.state === 'COMPLETE' || t.state === 'PRUNED'))
    .sort((a, b) => a.number - b.number);
  const groups = {};
  scored.forEach(t => (groups[t.state === 'PRUNED' ? 'pruned' : (t.basis || 'trial')] ||= []).push([t.number, t.objective]));
  let best = null;
  const bestLine = scored.filter(t => t.state === 'COMPLETE').map(t => {
    best = best == null || (sweep.maximize ? t.objective > best : t.objective < best) ? t.objective : best;
    return [t.number, best];
  });
  chart('history', document.getElementById('history-chart')).setOption({
    title: { text: 'Optimization history', textStyle: { fontSize: 14 } }, tooltip: {}, legend: { top: 24 }, grid: { top: 70 },
    xAxis: { name: 'trial number', type: 'value', minInterval: 1 }, yAxis: { name: sweep.metric, type: 'value', scale: true },
    series: Object.entries(groups).map(([name, data]) => ({ name, type: 'scatter', data }))
      .concat([{ name: 'best so far', type: 'line', step: 'end', showSymbol: false, data: bestLine }]),
  }, true);
}

function learningCurves(sweep, curves) {
  const byId = Object.fromEntries(sweep.trials.map(t => [String(t.id), t]));
  const series = Object.entries(curves).filter(([id, epochs]) => byId[id] && epochs.length).map(([id, epochs]) => {
    const t = byId[id];
    const data = epochs.filter(e => e.val_accuracy != null).map(e => [e.epoch, e.val_accuracy]);
    return { name: `trial ${id}`, type: 'line', data, showSymbol: false, lineStyle: { width: 1, type: t.state === 'RUNNING' ? 'dashed' : 'solid' },
      markPoint: t.state === 'PRUNED' && data.length ? { symbol: 'pin', symbolSize: 28, label: { formatter: 'pruned' }, data: [{ coord: data[data.length - 1] }] } : undefined };
  });
  chart('curves', document.getElementById('curves-chart')).setOption({
    title: { text: 'Validation accuracy per epoch (pins: pruned here)', textStyle: { fontSize: 14 } }, tooltip: { trigger: 'item' },
    xAxis: { name: 'epoch', type: 'value', minInterval: 1 }, yAxis: { name: 'val_accuracy', type: 'value', scale: true }, series,
  }, true);
}

function parameterCharts(sweep) {
  const container = document.getElementById('parameter-charts');
  sweep.searched.forEach(p => {
    let div = document.getElementById('param-' + p);
    if (!div) { div = el('div', { class: 'chart small', id: 'param-' + p }); container.append(div); }
    const points = sweep.trials.filter(t => t.objective != null && t.params[p] != null);
    const numeric = points.every(t => !isNaN(Number(t.params[p])));
    const values = points.map(t => Number(t.params[p])).filter(v => v > 0);
    const log = numeric && values.length > 1 && Math.max(...values) / Math.min(...values) >= 100;
    chart('param-' + p, div).setOption({
      title: { text: `${sweep.metric} against ${p}`, textStyle: { fontSize: 13 } }, tooltip: {},
      xAxis: numeric ? { name: p, type: log ? 'log' : 'value', scale: true } : { name: p, type: 'category', data: [...new Set(points.map(t => t.params[p]))] },
      yAxis: { type: 'value', scale: true },
      series: [{ type: 'scatter', data: points.map(t => [numeric ? Number(t.params[p]) : t.params[p], t.objective]) }],
    }, true);
  });
}

// ---- Trial page

function trialPage(main, trial) {
  document.body.dataset.page = 'trial';
  document.body.dataset.epochs = trial.epochs.length;
  document.getElementById('where-am-i').textContent = `/ ${trial.sweep} / trial ${trial.id}`;
  let skeleton = document.getElementById('trial-page');
  if (!skeleton || skeleton.dataset.trial !== String(trial.id)) {
    skeleton = el('div', { id: 'trial-page', 'data-trial': trial.id },
      el('h2', {}, el('a', { href: '#/sweep/' + encodeURIComponent(trial.sweep) }, trial.sweep), ` / trial ${trial.id} (candidate #${trial.number})`),
      el('div', { class: 'summary', id: 'trial-summary' }),
      el('div', { class: 'charts' }, el('div', { class: 'chart', id: 'trial-accuracy' }), el('div', { class: 'chart', id: 'trial-loss' })),
      el('div', { class: 'charts' }, el('div', { id: 'trial-parameters' }), el('div', { id: 'trial-metrics' }), el('div', { id: 'trial-epochs' })),
      el('div', { class: 'charts' }, el('div', { class: 'chart', id: 'trial-confusion' }),
        el('div', { id: 'trial-pictures' })),
      el('p', { id: 'trial-downloads' }),
      el('h3', {}, 'As a sweep-file snippet (enqueue it, or run it again)'), el('pre', { id: 'trial-snippet' }));
    main.replaceChildren(skeleton);
  }
  document.getElementById('trial-summary').replaceChildren(el('span', {}, `state ${trial.state}`), el('span', {}, `architecture ${trial.architecture}`),
    el('span', {}, `objective ${fmt(trial.objective)}`), el('span', {}, `worker ${trial.worker || '-'}`),
    trial.error ? el('span', { class: 'error' }, trial.error) : '');
  document.getElementById('trial-parameters').replaceChildren(table([{ label: 'parameter', text: true }, { label: 'value', text: true }, { label: 'source', text: true }],
    trial.parameters.map(p => el('tr', {}, el('td', { class: 'text' }, p.name), el('td', { class: 'text' }, p.value), el('td', { class: 'text' }, p.source)))));
  document.getElementById('trial-metrics').replaceChildren(table([{ label: 'metric', text: true }, { label: 'value' }],
    Object.entries(trial.metrics).map(([k, v]) => el('tr', {}, el('td', { class: 'text' }, k), el('td', {}, fmt(v))))));
  document.getElementById('trial-epochs').replaceChildren(table(['epoch', 'train_loss', 'train_acc', 'val_loss', 'val_acc', 'seconds'].map(label => ({ label })),
    trial.epochs.map(e => el('tr', {}, [e.epoch, e.train_loss, e.train_accuracy, e.val_loss, e.val_accuracy, e.seconds].map(v => el('td', {}, fmt(v)))))));
  document.getElementById('trial-downloads').replaceChildren(trial.has_model
    ? el('span', {}, 'Download ', el('a', { href: `/api/trials/${trial.id}/model.zip`, id: 'model-download' }, 'the model zip'),
      ' and ', el('a', { href: `/api/trials/${trial.id}/provenance.json` }, 'its provenance'), ' (as ./sweep export writes them)')
    : 'No model stored for this trial.');
  confusion(trial.test_confusion);
  const pictures = document.getElementById('trial-pictures');
  if (trial.has_model && trial.state === 'COMPLETE' && !pictures.dataset.asked) {
    // Asked once per trial page: the model runs on the test images for them, and a network without convolutions has
    // no filters to show.
    pictures.dataset.asked = 'yes';
    getJson(`/api/trials/${trial.id}/pictures`).then(available => Object.entries(available).filter(([, has]) => has)
      .forEach(([which]) => pictures.append(el('img', { id: 'trial-' + which, alt: which, class: 'picture',
        src: `/api/trials/${trial.id}/${which}.png` }))));
  }
  const searched = trial.parameters.filter(p => p.source === 'searched');
  document.getElementById('trial-snippet').textContent = 'enqueue:\n  - {' + searched.map(p => `${p.name}: ${p.value}`).join(', ') + '}';
  for (const [id, quantity] of [['trial-accuracy', 'accuracy'], ['trial-loss', 'loss']]) {
    chart(id, document.getElementById(id)).setOption({
      title: { text: `${quantity} per epoch (dashed: training)`, textStyle: { fontSize: 14 } }, tooltip: { trigger: 'axis' }, legend: { top: 24 }, grid: { top: 70 },
      xAxis: { name: 'epoch', type: 'value', minInterval: 1 }, yAxis: { name: quantity, type: 'value', scale: true },
      series: [{ name: 'validation', type: 'line', data: trial.epochs.map(e => [e.epoch, e['val_' + quantity]]) },
        { name: 'training', type: 'line', lineStyle: { type: 'dashed' }, data: trial.epochs.map(e => [e.epoch, e['train_' + quantity]]) }],
    }, true);
  }
}

function confusion(matrix) {
  const div = document.getElementById('trial-confusion');
  div.style.display = matrix ? '' : 'none';
  if (!matrix) return;
  const n = matrix.length, data = [];
  let max = 1;
  matrix.forEach((row, t) => row.forEach((count, p) => { data.push([p, n - 1 - t, count]); max = Math.max(max, count); }));
  chart('confusion', div).setOption({
    title: { text: 'Confusion matrix, test images (rows: true class)', textStyle: { fontSize: 14 } }, tooltip: {},
    xAxis: { name: 'predicted', type: 'category', data: [...Array(n).keys()].map(String) },
    yAxis: { name: 'true', type: 'category', data: [...Array(n).keys()].reverse().map(String) },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#ffffff', '#2f6db5'] } },
    series: [{ type: 'heatmap', data, label: { show: true, fontSize: 9 } }],
  }, true);
}

// ---- Compare page

function comparePage(main, trials) {
  document.body.dataset.page = 'compare';
  document.getElementById('where-am-i').textContent = '/ compare ' + trials.map(t => t.id).join(', ');
  let skeleton = document.getElementById('compare-page');
  if (!skeleton) {
    skeleton = el('div', { id: 'compare-page' }, el('h2', {}, 'Trials compared'), el('div', { id: 'compare-table' }),
      el('div', { class: 'charts' }, el('div', { class: 'chart', id: 'compare-curves' })));
    main.replaceChildren(skeleton);
  }
  const names = [...new Set(trials.flatMap(t => t.parameters.map(p => p.name)))];
  const metrics = ['objective', 'val_accuracy', 'test_accuracy', 'epochs_done', 'train_seconds'];
  const rows = metrics.map(m => [m, trials.map(t => fmt(t[m]))]).concat(names.map(n => [n, trials.map(t => {
    const p = t.parameters.find(q => q.name === n);
    return p ? p.value : '-';
  })]));
  document.getElementById('compare-table').replaceChildren(table([{ label: '', text: true }].concat(trials.map(t => ({ label: `trial ${t.id}` }))),
    rows.map(([name, values]) => el('tr', { class: new Set(values).size > 1 ? 'differs' : '' },
      el('td', { class: 'text' }, (new Set(values).size > 1 ? '* ' : '') + name), values.map(v => el('td', {}, v))))));
  chart('compare-curves', document.getElementById('compare-curves')).setOption({
    title: { text: 'Validation accuracy per epoch', textStyle: { fontSize: 14 } }, tooltip: { trigger: 'axis' }, legend: { top: 24 }, grid: { top: 70 },
    xAxis: { name: 'epoch', type: 'value', minInterval: 1 }, yAxis: { name: 'val_accuracy', type: 'value', scale: true },
    series: trials.map(t => ({ name: `trial ${t.id}`, type: 'line', data: t.epochs.map(e => [e.epoch, e.val_accuracy]) })),
  }, true);
}

// ---- Routing and polling

async function refresh() {
  const main = document.getElementById('main');
  const route = location.hash.replace(/^#\/?/, '').split('/');
  try {
    if (route[0] === 'sweep' && route[1]) {
      const name = decodeURIComponent(route[1]);
      const query = state.where ? '?where=' + encodeURIComponent(state.where) : '';
      try {
        const [sweep, curves, importance] = await Promise.all([getJson(`/api/sweeps/${encodeURIComponent(name)}${query}`),
          getJson(`/api/sweeps/${encodeURIComponent(name)}/curves`), getJson(`/api/sweeps/${encodeURIComponent(name)}/importance`)]);
        sweepPage(main, sweep, curves, importance);
        const error = document.getElementById('where-error');
        if (error) error.textContent = '';
      } catch (e) {
        const error = document.getElementById('where-error');
        if (state.where && error) { error.textContent = e.message; return; }
        throw e;
      }
    } else if (route[0] === 'compare' && route[1]) {
      const ids = route[1].split(',').filter(id => /^\d+$/.test(id));
      comparePage(main, await Promise.all(ids.map(id => getJson('/api/trials/' + id))));
    } else if (route[0] === 'trial' && route[1]) {
      trialPage(main, await getJson('/api/trials/' + encodeURIComponent(route[1])));
    } else {
      sweepsPage(main, await getJson('/api/sweeps'));
    }
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    main.replaceChildren(el('p', { class: 'error' }, e.message));
  }
}

window.addEventListener('hashchange', () => { state.sort = null; state.where = ''; state.stateFilter = ''; state.showAll = false; refresh(); });
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
refresh();
setInterval(refresh, POLL_MS);
