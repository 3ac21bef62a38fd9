// 地图: a map of China with the provinces coloured by how many companies (or ranked targets) of a chain or
// segment they hold; a click on a province shows its cities, coloured the same way, and filters the list beside
// the map to that province or city. The maps are GeoJSON files served from lib/maps (scripts/web-assets.sh).
// Route: #/geo?chain=ZQ&segment=ZQ-HYD&what=companies|targets&province=320000&region=320500

import * as api from '../api.js';
import * as router from '../router.js';
import * as charts from '../charts.js';
import { h, replace, select, money, number } from '../dom.js';
import { loading, empty, errorBlock, generations } from '../ui.js';
import { launchControl, projectsByCompany } from '../project-terms.js';

const WHAT = [
  { value: 'companies', label: '企业' },
  { value: 'targets', label: '招商目标' },
];
const LIST_SIZE = 20;

export function mount(root, initial) {
  const page = h('section', { class: 'view-geo' });
  replace(root, page);
  const toolbar = h('div', { class: 'toolbar' });
  const note = h('div', { class: 'note-row' });
  const board = h('div', { class: 'map-board', id: 'geo-map' });
  const side = h('aside', { class: 'side-panel', id: 'geo-list' });
  page.append(toolbar, note, h('div', { class: 'split geo-split' }, board, side));
  const nextMap = generations();
  const nextList = generations();
  let drawn = null;
  let params = {};
  update(initial);
  return { update, unmount: () => drawn?.dispose() };

  async function update(next) {
    const previous = params;
    params = next;
    try {
      const chains = await api.listChains();
      if (!params.chain) {
        router.setParams({ chain: chains[0]?.code ?? null }, { replace: true });
        return;
      }
      const chain = await api.getChain(params.chain);
      const provinces = await api.provinces();
      renderToolbar(chains, chain, provinces, params.province ? await citiesOf(params.province) : []);
      if (['chain', 'segment', 'what', 'province', 'region'].some((k) => previous[k] !== next[k]) || !drawn) {
        renderMap(chain, provinces);
      }
      renderList(chain);
    } catch (error) {
      replace(board, errorBlock(error, { retry: () => update(params) }));
    }
  }

  function what() {
    return params.what === 'targets' ? 'targets' : 'companies';
  }

  /** The parts of a province drawn on its map: its cities, or a municipality's districts. */
  async function citiesOf(province) {
    const area = await api.resolveRegion(province);
    const single = area.parts.length === 1 && area.parts[0].code !== area.value ? area.parts[0].code : null;
    return single ? (await api.resolveRegion(single)).parts : area.parts;
  }

  function renderToolbar(chains, chain, provinces, cities) {
    replace(toolbar,
      h('h1', {}, '地图'),
      h('label', { class: 'inline-field' }, '产业链',
        select({ id: 'geo-chain', onchange: (e) => router.setParams({ chain: e.target.value, segment: null }) }, chains.map((c) => ({ value: c.code, label: c.name })), chain.code)),
      h('label', { class: 'inline-field' }, '环节',
        select({ id: 'geo-segment', onchange: (e) => router.setParams({ segment: e.target.value || null }) },
          [{ value: '', label: '全部环节' }, ...chain.segments.map((s) => ({ value: s.code, label: `${s.parent ? '　' : ''}${s.name}` }))], params.segment ?? '')),
      h('label', { class: 'inline-field' }, '着色',
        select({ id: 'geo-what', onchange: (e) => router.setParams({ what: e.target.value }) }, WHAT, what())),
      h('label', { class: 'inline-field' }, '省份',
        select({ id: 'geo-province', onchange: (e) => router.setParams({ province: e.target.value || null, region: e.target.value || null }) },
          [{ value: '', label: '全国' }, ...provinces.map((p) => ({ value: p.code, label: p.name }))], params.province ?? '')),
      params.province && cities.length > 0
        ? h('label', { class: 'inline-field' }, '城市',
          select({ id: 'geo-city', onchange: (e) => router.setParams({ region: e.target.value || params.province }) },
            [{ value: '', label: '全省' }, ...cities.map((c) => ({ value: c.code, label: c.name }))], params.region !== params.province ? params.region ?? '' : ''))
        : null,
      params.province ? h('button', { type: 'button', id: 'geo-back', onclick: () => router.setParams({ province: null, region: null }) }, '‹ 返回全国') : null);
  }

  async function renderMap(chain, provinces) {
    const isLatest = nextMap();
    drawn?.dispose();
    drawn = null;
    const holder = h('div', { class: 'china-map' }, loading(`正在统计${params.province ? '各市' : '各省'}的${what() === 'targets' ? '招商目标' : '企业'}…`));
    const segmentName = chain.segments.find((s) => s.code === params.segment)?.name;
    const provinceName = provinces.find((p) => p.code === params.province)?.name;
    replace(board, h('div', { class: 'board-tools legend' },
      h('span', { class: 'legend-title' }, `${chain.name}${segmentName ? ` · ${segmentName}` : ''}${what() === 'targets' ? '招商目标' : '企业'}`),
      h('span', {}, `按${params.province ? `${provinceName ?? params.province}各市` : '省份'}着色，颜色越深越多`),
      h('span', { class: 'legend-hint' }, params.province ? '点击城市筛选右侧名单' : '点击省份查看其城市并筛选右侧名单')), holder);
    if (!charts.available()) {
      replace(holder, charts.missingLibrary());
      return;
    }
    try {
      // A municipality (北京市) has one city-level part (市辖区) and its map shows districts: count those.
      const area = params.province ? await api.resolveRegion(params.province) : null;
      const single = area?.parts.length === 1 && area.parts[0].code !== area.value ? area.parts[0].code : null;
      const query = { chain: chain.code, segment: params.segment, region: single ?? params.province ?? '' };
      const [mapName, rows] = await Promise.all([
        charts.loadMap(params.province ?? 'china'),
        what() === 'targets' ? api.targetDistribution(query) : api.distribution(query),
      ]);
      if (!isLatest()) {
        return;
      }
      if (!mapName) {
        replace(holder, h('p', { class: 'state state-error', role: 'alert' }, `没有${provinceName ?? params.province}的地图文件：请在服务器上运行 scripts/web-assets.sh。`));
        return;
      }
      holder.dataset.map = mapName;
      holder.dataset.counts = rows.map((r) => `${r.code}:${r.count}`).join(',');
      drawn = charts.choropleth(holder, mapName, rows, {
        selected: params.region,
        onClick: (code) => (params.province
          ? router.setParams({ region: code === params.region ? params.province : code })
          : router.setParams({ province: code, region: code })),
      });
    } catch (error) {
      if (isLatest()) {
        replace(holder, errorBlock(error));
      }
    }
  }

  async function renderList(chain) {
    const isLatest = nextList();
    const region = params.region ?? params.province ?? null;
    replace(side, loading('正在读取名单…'));
    try {
      const area = await api.resolveRegion(region ?? '');
      const targets = what() === 'targets';
      const [result, existing] = await Promise.all([
        targets
          ? api.targets({ chain: chain.code, segment: params.segment, region, pageSize: LIST_SIZE, paths: 0 })
          : api.companies({ chain: chain.code, segment: params.segment, region, pageSize: LIST_SIZE }),
        targets ? projectsByCompany() : null,
      ]);
      if (!isLatest()) {
        return;
      }
      const more = targets
        ? router.href('targets', { chain: chain.code, segment: params.segment, region: region ?? null })
        : router.href('companies', { chain: chain.code, region: region ?? null });
      replace(note, h('span', {}, `${area.label}：${chain.name}${targets ? '招商目标' : '企业'}共 `, h('strong', { id: 'geo-total' }, number(result.total)), ' 家'));
      replace(side,
        h('div', { class: 'panel-head' }, h('h2', { id: 'geo-list-title', dataset: { region: region ?? '' } }, area.label),
          h('a', { class: 'more', href: more }, '查看全部 →')),
        result.items.length === 0
          ? empty(result.reason ?? `${area.label}没有${targets ? '招商目标' : '该产业链的企业'}。`)
          : h('ol', { class: 'company-list', id: 'geo-items' }, result.items.map((item) => targets
            ? h('li', { dataset: { id: item.companyId, region: item.regionCode } },
              h('a', { href: router.href('companies', { id: item.companyId }) }, item.name),
              h('span', { class: 'muted region' }, ` ${item.regionName}`), h('span', { class: 'muted' }, ` · ${item.score.toFixed(1)} 分 `),
              launchControl(item, existing, { chain: chain.code, segment: params.segment }))
            : h('li', { dataset: { id: item.id, region: item.regionCode } },
              h('a', { href: router.href('companies', { id: item.id }) }, item.name),
              h('span', { class: 'muted region' }, ` ${item.regionName}`), h('span', { class: 'muted' }, ` · ${money(item.registeredCapital)}`)))),
        result.total > result.items.length ? h('p', { class: 'muted small' }, `显示前 ${result.items.length} 家，共 ${number(result.total)} 家。`) : null);
    } catch (error) {
      if (isLatest()) {
        replace(side, errorBlock(error, { retry: () => renderList(chain) }));
      }
    }
  }
}
