// 招商目标: companies to attract for a chain in a region, ranked, with paging, filters, exports and
// where they concentrate. The rows come from api.targets(), which round 2 points at /api/targets.
// Route: #/targets?chain=ZQ&region=长三角&segment=ZQ-HYD&q=&page=2&pageSize=20

import * as api from '../api.js';
import * as router from '../router.js';
import * as charts from '../charts.js';
import { h, replace, select, money, number } from '../dom.js';
import { regionPicker } from '../region-picker.js';
import * as session from '../session.js';
import { loading, empty, errorBlock, pager, pending, generations } from '../ui.js';

const PAGE_SIZES = [20, 50, 100];

export function mount(root, initial) {
  const page = h('section', { class: 'view-targets' });
  replace(root, page);
  const nextList = generations();
  const nextChart = generations();
  let params = {};
  let bars = null;
  const toolbar = h('div', { class: 'toolbar' });
  const note = h('div', { class: 'note-row' });
  const table = h('div', { class: 'table-area' });
  const side = h('aside', { class: 'side-panel' });
  page.append(toolbar, note, h('div', { class: 'split' }, table, side));

  update(initial);
  return { update, unmount: () => bars?.dispose() };

  async function update(next) {
    const previous = params;
    params = next;
    try {
      const chains = await api.listChains();
      if (chains.length === 0) {
        replace(table, empty('还没有任何产业链。'));
        return;
      }
      if (!params.chain) {
        router.setParams({ chain: chains[0].code }, { replace: true });
        return;
      }
      const map = await api.getChainMap(params.chain);
      if (['chain', 'region', 'segment', 'q'].some((k) => previous[k] !== next[k]) || !toolbar.hasChildNodes()) {
        renderToolbar(chains, map);
      }
      renderList(map);
      if (previous.chain !== next.chain || previous.segment !== next.segment || previous.region !== next.region || !bars) {
        renderChart(map);
      }
    } catch (error) {
      replace(table, errorBlock(error, { retry: () => update(params) }));
    }
  }

  function renderToolbar(chains, map) {
    const q = h('input', { type: 'search', id: 'target-q', value: params.q ?? '', placeholder: '企业名称（简繁均可）', 'aria-label': '企业名称' });
    q.addEventListener('change', () => router.setParams({ q: q.value.trim() || null }));
    const links = api.exportLinks('targets', { chain: map.code, segment: params.segment, region: params.region, q: params.q });
    replace(toolbar,
      h('h1', {}, '招商目标'),
      h('label', { class: 'inline-field' }, '产业链',
        select({ id: 'chain-select', onchange: (e) => router.setParams({ chain: e.target.value, segment: null }) },
          chains.map((c) => ({ value: c.code, label: c.name })), map.code)),
      h('div', { class: 'inline-field' }, h('span', {}, '地区'),
        regionPicker({ value: params.region ?? '', onChange: (region) => router.setParams({ region }) })),
      h('label', { class: 'inline-field' }, '环节',
        select({ id: 'segment-select', onchange: (e) => router.setParams({ segment: e.target.value || null }) }, [
          { value: '', label: '全部环节' },
          ...map.tiers.map((t) => ({ group: t.label, options: t.segments.map((s) => ({ value: s.code, label: `${s.parent ? '　' : ''}${s.name}` })) })),
        ], params.segment ?? '')),
      h('label', { class: 'inline-field' }, '名称', q),
      session.can.export() && links.length > 0
        ? h('span', { class: 'exports' }, links.map((l) => h('button', {
          type: 'button', onclick: (e) => exportFile(e.target, l),
        }, l.label)))
        : null);
  }

  async function exportFile(button, link) {
    button.disabled = true;
    try {
      await api.download(link.path, link.filename);
    } catch (error) {
      replace(note, errorBlock(error));
    } finally {
      button.disabled = false;
    }
  }

  async function renderList(map) {
    const isLatest = nextList();
    const pageNumber = Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
    const pageSize = PAGE_SIZES.includes(Number(params.pageSize)) ? Number(params.pageSize) : PAGE_SIZES[0];
    replace(table, loading('正在查找招商目标…'));
    let result;
    try {
      result = await api.targets({ chain: map.code, segment: params.segment, region: params.region, q: params.q, page: pageNumber, pageSize });
    } catch (error) {
      if (isLatest()) {
        replace(table, errorBlock(error, { retry: () => renderList(map) }));
      }
      return;
    }
    if (!isLatest()) {
      return;
    }
    const area = await api.resolveRegion(params.region).catch(() => null);
    replace(note,
      h('span', {}, `${map.name} · ${area?.label ?? params.region ?? '全国'}${params.segment ? ` · ${segmentName(map, params.segment) ?? params.segment}` : ''}：共 `, h('strong', { id: 'target-total' }, number(result.total)), ' 家'),
      h('span', { class: 'muted' }, ` · ${result.ranking}`),
      api.features.targets ? null : pending('目标评分、推荐理由和引荐路径将在目标发现接口上线后显示。'));
    if (result.items.length === 0) {
      replace(table, empty('没有符合条件的企业。可以放宽地区或环节，或清空名称。'));
      return;
    }
    const withReasons = result.items.some((r) => r.reasons.length > 0);
    const withPaths = result.items.some((r) => r.paths.length > 0);
    const offset = (result.page - 1) * result.pageSize;
    replace(table,
      h('table', { class: 'data', id: 'targets-table' },
        h('thead', {}, h('tr', {},
          h('th', { class: 'num' }, '排名'), h('th', {}, '企业名称'), h('th', {}, '所在地区'), h('th', {}, '环节'),
          h('th', { class: 'num' }, '注册资本'), h('th', { class: 'num' }, '员工'), h('th', {}, '标签'),
          withReasons ? h('th', {}, '推荐理由') : null, withPaths ? h('th', {}, '引荐路径') : null)),
        h('tbody', {}, result.items.map((r, i) => h('tr', {},
          h('td', { class: 'num' }, offset + i + 1),
          h('td', {}, h('a', { href: router.href('companies', { id: r.id }) }, r.name)),
          h('td', { class: 'region' }, r.regionName),
          h('td', {}, r.segments.map((s) => segmentName(map, s)).filter(Boolean).join('、')),
          h('td', { class: 'num' }, money(r.registeredCapital)),
          h('td', { class: 'num' }, number(r.employees)),
          h('td', {}, r.tags.map((t) => h('span', { class: 'tag' }, t))),
          withReasons ? h('td', {}, r.reasons.join('；')) : null,
          withPaths ? h('td', {}, r.paths.join('；')) : null)))),
      h('div', { class: 'table-foot' },
        pager(result, (p) => router.setParams({ page: p })),
        h('label', { class: 'inline-field' }, '每页',
          select({ onchange: (e) => router.setParams({ pageSize: e.target.value }) }, PAGE_SIZES.map((n) => ({ value: n, label: `${n} 条` })), pageSize))));
  }

  async function renderChart(map) {
    const isLatest = nextChart();
    bars?.dispose();
    bars = null;
    const holder = h('div', { class: 'panel-chart', id: 'distribution' }, loading('正在统计地区分布…'));
    const area = await api.resolveRegion(params.region).catch(() => null);
    replace(side,
      h('h2', {}, '地区分布'),
      h('p', { class: 'muted small' }, `${map.name}${params.segment ? ` · ${segmentName(map, params.segment) ?? params.segment}` : ''}企业在${area?.label ?? '所选地区'}的分布（点击条形可进入该地区）`),
      holder);
    try {
      const rows = await api.distribution({ chain: map.code, segment: params.segment, region: params.region });
      if (!isLatest()) {
        return;
      }
      if (rows.length === 0) {
        replace(holder, empty('所选地区没有该产业链的企业。'));
      } else if (!charts.available()) {
        replace(holder, charts.missingLibrary());
      } else {
        const single = area?.kind === 'division' && area.parts.length === 1 && area.parts[0].code === area.value;
        bars = charts.regionBars(holder, rows, { limit: 20, onClick: single ? null : (row) => router.setParams({ region: row.code }) });
      }
    } catch (error) {
      if (isLatest()) {
        replace(holder, errorBlock(error));
      }
    }
  }
}

/** The name of a segment of this chain, or null for a segment of another chain. */
function segmentName(map, code) {
  for (const t of map.tiers) {
    const s = t.segments.find((x) => x.code === code);
    if (s) {
      return s.name;
    }
  }
  return null;
}
