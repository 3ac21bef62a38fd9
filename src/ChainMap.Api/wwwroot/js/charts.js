// Apache ECharts charts (lib/echarts.min.js, loaded as a classic script before the modules).
// Drawn with the SVG renderer: crisp at any zoom, and the labels are real text a browser test can read.

import { h } from './dom.js';
import { classOf } from './colouring.js';

const echarts = () => globalThis.echarts;

/** False when lib/ was not filled by scripts/web-assets.sh; the views then say so instead of drawing. */
export function available() {
  return typeof echarts()?.init === 'function';
}

export function missingLibrary() {
  return h('p', { class: 'state state-error', role: 'alert' },
    '图表库未安装：请在服务器上运行 scripts/web-assets.sh（把 ECharts 复制到 wwwroot/lib）后刷新页面。');
}

function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// Geometry of the chain map, in CSS pixels.
const NODE_HEIGHT = 26;
const ROW = 34;
const TOP = 14;
const GUTTER = 30;
const INDENT = 16;
const SELECTED = '#9c36b5';

/**
 * Places the segments: one column per tier, in the order the chain lists them, each sub-segment
 * right under its parent and indented. → { width, height, boxes: Map(code → { x, y, w, column }) }
 */
function layout(map, width) {
  const columnWidth = width / map.tiers.length;
  const nodeWidth = Math.min(columnWidth - 2 * GUTTER, 220);
  const boxes = new Map();
  let rows = 0;
  map.tiers.forEach((tier, column) => {
    const inTier = new Set(tier.segments.map((s) => s.code));
    const children = new Map();
    for (const s of tier.segments) {
      const parent = s.parent && inTier.has(s.parent) ? s.parent : null;
      if (!children.has(parent)) {
        children.set(parent, []);
      }
      children.get(parent).push(s);
    }
    let row = 0;
    const place = (segment, depth) => {
      const indent = Math.min(depth, 3) * INDENT;
      boxes.set(segment.code, {
        x: column * columnWidth + GUTTER + indent,
        y: TOP + row * ROW,
        w: nodeWidth - indent,
        column,
        depth,
      });
      row++;
      for (const child of children.get(segment.code) ?? []) {
        place(child, depth + 1);
      }
    };
    for (const top of children.get(null) ?? []) {
      place(top, 0);
    }
    rows = Math.max(rows, row);
  });
  return { width, height: TOP * 2 + Math.max(rows, 1) * ROW, columnWidth, boxes };
}

function graphOption(map, scheme, selectedCode, geometry) {
  // A code that is not a segment of this chain (a stale link) selects nothing.
  const selected = geometry.boxes.has(selectedCode) ? selectedCode : null;
  const segments = map.tiers.flatMap((t) => t.segments.map((s) => ({ ...s, tierLabel: t.label })));
  const byCode = new Map(segments.map((s) => [s.code, s]));
  const nodes = [];
  const port = (id, x, y) => ({
    id, name: id, x, y, kind: 'port', symbol: 'circle', symbolSize: 1,
    itemStyle: { opacity: 0 }, label: { show: false }, tooltip: { show: false }, emphasis: { disabled: true },
  });
  // Two invisible corners make the graph's bounding box the whole canvas, so one data unit is one pixel.
  nodes.push(port('corner:a', 0, 0), port('corner:b', geometry.width, geometry.height));
  const adjacent = new Set();
  for (const f of map.flows) {
    if (f.from === selected) {
      adjacent.add(f.to);
    }
    if (f.to === selected) {
      adjacent.add(f.from);
    }
  }
  for (const s of segments) {
    const box = geometry.boxes.get(s.code);
    if (!box) {
      continue;
    }
    const colour = classOf(scheme, s);
    const cy = box.y + NODE_HEIGHT / 2;
    const isSelected = s.code === selected;
    const faded = selected && !isSelected && !adjacent.has(s.code);
    nodes.push({
      id: s.code,
      name: s.name,
      x: box.x + box.w / 2,
      y: cy,
      kind: 'segment',
      segment: s,
      symbol: 'rect',
      symbolSize: [box.w, NODE_HEIGHT],
      // No border: a symbol's stroke is scaled with its box and would come out thick on the sides.
      itemStyle: {
        color: isSelected ? SELECTED : colour.fill,
        borderWidth: 0,
        opacity: faded ? 0.55 : 1,
      },
      label: {
        show: true, position: 'inside', color: isSelected ? '#ffffff' : colour.text, fontSize: 12, fontWeight: box.depth === 0 ? 600 : 400,
        width: box.w - 12, overflow: 'truncate', opacity: faded ? 0.7 : 1,
      },
    });
    nodes.push(port(`${s.code}>in`, box.x, cy), port(`${s.code}>out`, box.x + box.w, cy));
  }
  const links = [];
  for (const f of map.flows) {
    const a = geometry.boxes.get(f.from);
    const b = geometry.boxes.get(f.to);
    if (!a || !b) {
      continue;
    }
    const touches = selected && (f.from === selected || f.to === selected);
    const sameColumn = a.column === b.column;
    // Within a column the edge leaves and enters on the right and bulges into the gutter.
    const dy = b.y - a.y;
    const curveness = sameColumn ? Math.sign(dy || 1) * Math.min(0.5, Math.max(0.12, 90 / Math.max(Math.abs(dy), 1))) : 0;
    links.push({
      source: `${f.from}>out`,
      target: sameColumn ? `${f.to}>out` : `${f.to}>in`,
      kind: 'flow',
      flow: { ...f, fromName: byCode.get(f.from)?.name ?? f.from, toName: byCode.get(f.to)?.name ?? f.to },
      lineStyle: {
        color: touches ? SELECTED : '#7b8794',
        width: touches ? 2 : 1,
        opacity: selected ? (touches ? 0.95 : 0.1) : 0.45,
        curveness,
      },
      z: touches ? 3 : 1,
    });
  }
  const bands = map.tiers.map((t, i) => ({
    type: 'rect', silent: true, z: -10,
    shape: { x: i * geometry.columnWidth + 6, y: 0, width: geometry.columnWidth - 12, height: geometry.height },
    style: { fill: i % 2 === 0 ? '#f6f8fb' : '#eef2f7' },
  }));
  const counts = map.tiers.map((t) => `${t.label}${t.segments.length}个环节`).join('，');
  return {
    animation: false,
    aria: { enabled: true, label: { description: `${map.name}产业链图谱：${counts}，${map.flows.length}条供给关系。` } },
    graphic: bands,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p) => {
        if (p.dataType === 'node' && p.data.kind === 'segment') {
          const s = p.data.segment;
          return `<b>${escapeHtml(s.name)}</b>（${escapeHtml(s.code)}）<br>${escapeHtml(s.tierLabel)} · 本地企业 ${s.localCompanies} 家`
            + (s.rating ? `<br>缺口评级：${escapeHtml(s.rating)}` : '');
        }
        if (p.dataType === 'edge') {
          const f = p.data.flow;
          return `${escapeHtml(f.fromName)} → ${escapeHtml(f.toName)}${f.description ? `<br>${escapeHtml(f.description)}` : ''}`;
        }
        return '';
      },
    },
    series: [{
      type: 'graph',
      layout: 'none',
      left: 0,
      top: 0,
      width: geometry.width,
      height: geometry.height,
      roam: false,
      edgeSymbol: ['none', 'arrow'],
      edgeSymbolSize: [0, 7],
      emphasis: { scale: false, label: { show: true } },
      data: nodes,
      links,
    }],
  };
}

/**
 * The chain map: tiers as columns, segments as boxes coloured by the scheme, flow edges as arrows.
 * onSelect(code) fires when a segment is clicked. Returns { select(code), dispose() }.
 */
export function chainGraph(container, { map, scheme, selected = null, onSelect }) {
  const canvas = h('div', { class: 'chain-canvas' });
  container.replaceChildren(canvas);
  let current = selected;
  let geometry = null;
  let chart = null;

  const draw = () => {
    const width = Math.max(container.clientWidth, 600);
    geometry = layout(map, width);
    canvas.style.height = `${geometry.height}px`;
    canvas.style.width = `${width}px`;
    if (!chart) {
      chart = echarts().init(canvas, null, { renderer: 'svg', width, height: geometry.height });
      chart.on('click', (p) => {
        if (p.dataType === 'node' && p.data?.kind === 'segment') {
          onSelect?.(p.data.id);
        }
      });
    } else {
      chart.resize({ width, height: geometry.height });
    }
    chart.setOption(graphOption(map, scheme, current, geometry), { notMerge: true });
  };
  draw();

  let lastWidth = container.clientWidth;
  const observer = new ResizeObserver(() => {
    if (Math.abs(container.clientWidth - lastWidth) > 4) {
      lastWidth = container.clientWidth;
      draw();
    }
  });
  observer.observe(container);

  return {
    select(code) {
      current = code;
      chart.setOption(graphOption(map, scheme, current, geometry), { notMerge: true });
    },
    dispose() {
      observer.disconnect();
      chart?.dispose();
    },
  };
}

/**
 * A ranked horizontal bar chart of counts by region: rows [{ code, name, count }] largest first.
 * onClick(row) fires when a bar is clicked. Returns { dispose() }.
 */
export function regionBars(container, rows, { unit = '家', limit = 15, onClick } = {}) {
  const shown = rows.slice(0, limit);
  const height = 24 + shown.length * 24;
  const canvas = h('div', { class: 'bar-canvas', style: `height:${height}px` });
  container.replaceChildren(canvas);
  const chart = echarts().init(canvas, null, { renderer: 'svg', height });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v} ${unit}` },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category', inverse: true, data: shown.map((r) => r.name),
      axisTick: { show: false }, axisLine: { show: false }, axisLabel: { fontSize: 12, color: '#334' },
    },
    series: [{
      type: 'bar', data: shown.map((r) => r.count), barMaxWidth: 14, itemStyle: { color: '#4a8ac7', borderRadius: [0, 3, 3, 0] },
      label: { show: true, position: 'right', fontSize: 11, color: '#334', formatter: (p) => `${p.value}` },
    }],
  });
  if (onClick) {
    chart.on('click', (p) => onClick(shown[p.dataIndex]));
  }
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(canvas);
  return {
    dispose() {
      observer.disconnect();
      chart.dispose();
    },
  };
}

/** A funnel of stages: rows [{ name, value }] from the widest down. */
export function funnel(container, rows, { unit = '个' } = {}) {
  const canvas = h('div', { class: 'funnel' });
  container.replaceChildren(canvas);
  const chart = echarts().init(canvas, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: (p) => `${escapeHtml(p.name)}：${p.value} ${unit}` },
    series: [{
      type: 'funnel', sort: 'none', left: 10, right: 10, top: 6, bottom: 6, minSize: '8%', gap: 2,
      label: { show: true, position: 'inside', formatter: (p) => `${p.name} ${p.value}`, fontSize: 12 },
      data: rows,
    }],
  });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(canvas);
  return {
    dispose() {
      observer.disconnect();
      chart.dispose();
    },
  };
}

const loadedMaps = new Map();

/**
 * The GeoJSON of China ('china') or of a province's cities (its code, '320000') from lib/maps (copied there by
 * scripts/web-assets.sh); each feature carries its division code as properties.code. → the map's name, or null
 * when there is no map for that code.
 */
export async function loadMap(code) {
  const name = code === 'china' ? 'china' : `p${code}`;
  if (!loadedMaps.has(name)) {
    const file = code === 'china' ? 'lib/maps/china.json' : `lib/maps/province/${code}.json`;
    loadedMaps.set(name, fetch(file).then(async (response) => {
      if (!response.ok) {
        return null;
      }
      echarts().registerMap(name, await response.json());
      return name;
    }).catch(() => null));
  }
  return loadedMaps.get(name);
}

/**
 * A choropleth: the regions of map `name` coloured by count (rows [{ code, name, count }]), white to blue.
 * A click on a region calls onClick(code). selected: the code drawn with a border.
 */
export function choropleth(container, name, rows, { unit = '家', selected = null, onClick } = {}) {
  const canvas = h('div', { class: 'china-canvas' });
  container.replaceChildren(canvas);
  const chart = echarts().init(canvas, null, { renderer: 'svg' });
  const names = new Map(rows.map((r) => [r.code, r.name]));
  const max = Math.max(1, ...rows.map((r) => r.count));
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: rows.length ? `按地区着色：${rows.slice(0, 10).map((r) => `${r.name}${r.count}${unit}`).join('，')}` : '没有数据' } },
    tooltip: {
      trigger: 'item',
      formatter: (p) => `${escapeHtml(names.get(p.name) ?? p.data?.label ?? '')}：${Number.isFinite(p.value) ? p.value : 0} ${unit}`,
    },
    visualMap: {
      min: 0, max, left: 8, bottom: 8, calculable: false, itemHeight: 90, text: ['多', '少'],
      inRange: { color: ['#eef4fb', '#9ec5ea', '#2f6fb3', '#123e73'] },
    },
    series: [{
      type: 'map', map: name, nameProperty: 'code', roam: false, selectedMode: false, layoutCenter: ['52%', '50%'], layoutSize: '95%',
      label: { show: false },
      emphasis: { label: { show: true, fontSize: 11 }, itemStyle: { areaColor: '#ffd8a8' } },
      itemStyle: { borderColor: '#8aa1b8', borderWidth: 0.6, areaColor: '#f7f9fb' },
      data: rows.map((r) => ({
        name: r.code, value: r.count, label: r.name,
        itemStyle: r.code === selected ? { borderColor: '#9c36b5', borderWidth: 2 } : undefined,
      })),
    }],
  });
  if (onClick) {
    chart.on('click', (p) => onClick(p.name));
  }
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(canvas);
  return {
    chart,
    dispose() {
      observer.disconnect();
      chart.dispose();
    },
  };
}
