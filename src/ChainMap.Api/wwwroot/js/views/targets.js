// 招商目标: companies outside the home region worth attracting for a chain in a region, ranked by
// GET /api/targets with their score, reasons and introduction paths; filters, paging and exports;
// and where the chain's companies concentrate (bar chart).
// Route: #/targets?chain=ZQ&region=长三角&segment=ZQ-HYD&tags=专精特新&minCapital=5000&page=2&pageSize=20

import * as api from '../api.js';
import * as router from '../router.js';
import * as charts from '../charts.js';
import { h, replace, select, money, number, splitList } from '../dom.js';
import { regionPicker } from '../region-picker.js';
import { classOf, gap } from '../colouring.js';
import * as session from '../session.js';
import { loading, empty, errorBlock, pager, generations } from '../ui.js';
import { launchControl, projectsByCompany } from '../project-terms.js';

const PAGE_SIZES = [20, 50, 100];
/** Tags the demo data and most lists use; the field takes any tag. */
const COMMON_TAGS = ['专精特新', '小巨人', '高新技术企业', '上市', '瞪羚企业', '单项冠军'];
/** Reasons shown at once; the rest behind 更多. */
const REASONS_SHOWN = 2;
/** Paths shown per row. */
const PATHS_SHOWN = 2;

export function mount(root, initial) {
  const page = h('section', { class: 'view-targets' });
  replace(root, page);
  const nextList = generations();
  const nextChart = generations();
  let params = {};
  let bars = null;
  const toolbar = h('div', { class: 'toolbar' });
  const filters = h('div', { class: 'toolbar filters' });
  const note = h('div', { class: 'note-row' });
  const table = h('div', { class: 'table-area' });
  const side = h('aside', { class: 'side-panel' });
  page.append(toolbar, filters, note, h('div', { class: 'split' }, table, side));

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
      if (['chain', 'region', 'segment', 'tags', 'minCapital'].some((k) => previous[k] !== next[k]) || !toolbar.hasChildNodes()) {
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
    const tags = h('input', {
      type: 'search', id: 'target-tags', value: params.tags ?? '', placeholder: '如 专精特新、上市', list: 'target-tag-options', 'aria-label': '企业标签', size: 14,
    });
    tags.addEventListener('change', () => router.setParams({ tags: splitList(tags.value).join(',') || null }));
    const capital = h('input', {
      type: 'number', id: 'target-min-capital', min: 0, step: 100, value: params.minCapital ?? '', placeholder: '不限', 'aria-label': '最低注册资本（万元）', class: 'narrow',
    });
    capital.addEventListener('change', () => {
      const value = Number(capital.value);
      router.setParams({ minCapital: capital.value !== '' && value > 0 ? String(value) : null });
    });
    const links = api.exportLinks('targets', { chain: map.code, segment: params.segment, region: params.region, tags: params.tags, minCapital: params.minCapital });
    replace(toolbar,
      h('h1', {}, '招商目标'),
      h('label', { class: 'inline-field' }, '产业链',
        select({ id: 'chain-select', onchange: (e) => router.setParams({ chain: e.target.value, segment: null }) },
          chains.map((c) => ({ value: c.code, label: c.name })), map.code)),
      h('div', { class: 'inline-field' }, h('span', {}, '地区'),
        regionPicker({ value: params.region ?? '', onChange: (region) => router.setParams({ region }) })),
      session.can.export()
        ? h('span', { class: 'exports', title: '导出当前筛选的全部招商目标（最多 10,000 家）' }, links.map((l) => h('button', {
          type: 'button', class: 'export', dataset: { format: l.format }, onclick: (e) => exportFile(e.currentTarget, l),
        }, l.label)))
        : null);
    replace(filters,
      h('label', { class: 'inline-field' }, '环节',
        select({ id: 'segment-select', onchange: (e) => router.setParams({ segment: e.target.value || null }) }, [
          { value: '', label: '全部环节' },
          ...map.tiers.map((t) => ({ group: t.label, options: t.segments.map((s) => ({ value: s.code, label: `${s.parent ? '　' : ''}${s.name}` })) })),
        ], params.segment ?? '')),
      h('label', { class: 'inline-field' }, '标签', tags,
        h('datalist', { id: 'target-tag-options' }, COMMON_TAGS.map((t) => h('option', { value: t })))),
      h('label', { class: 'inline-field' }, '注册资本不低于', capital, '万元'),
      params.segment || params.tags || params.minCapital
        ? h('button', { type: 'button', class: 'link', id: 'clear-filters', onclick: () => router.setParams({ segment: null, tags: null, minCapital: null }) }, '清除筛选')
        : null);
  }

  async function exportFile(button, link) {
    button.disabled = true;
    const label = button.textContent;
    button.textContent = '正在导出…';
    try {
      const saved = await api.download(link.path, link.filename);
      replace(note.querySelector('.export-note') ?? note.appendChild(h('span', { class: 'export-note muted' })), `已下载 ${saved.name}`);
    } catch (error) {
      replace(note, errorBlock(error, { explain: '导出失败。' }));
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  }

  /** When the gap ratings and home ties behind the list were read; "更新中" while a background refresh runs (ADR 0210). */
  function freshness(result) {
    if (!result.asOf) {
      return null;
    }
    const at = new Date(result.asOf);
    const time = at.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    return h('span', { class: 'muted small', id: 'targets-freshness', title: result.stale ? '数据有更新，后台正在重算；稍后刷新可看到最新结果' : '缺口评级与本地关联的计算时间' },
      result.stale ? ` · 数据截至 ${time}，更新中` : ` · 数据截至 ${time}`);
  }

  async function renderList(map) {
    const isLatest = nextList();
    const pageNumber = Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
    const pageSize = PAGE_SIZES.includes(Number(params.pageSize)) ? Number(params.pageSize) : PAGE_SIZES[0];
    replace(table, loading('正在查找招商目标…'));
    let result;
    let existing;
    try {
      [result, existing] = await Promise.all([
        api.targets({
          chain: map.code, segment: params.segment, region: params.region, tags: params.tags, minCapital: params.minCapital, page: pageNumber, pageSize,
        }),
        projectsByCompany(),
      ]);
    } catch (error) {
      if (isLatest()) {
        replace(note);
        replace(table, errorBlock(error, { retry: () => renderList(map) }));
      }
      return;
    }
    if (!isLatest()) {
      return;
    }
    const filterWords = [
      params.segment ? segmentName(map, params.segment) ?? params.segment : null,
      params.tags ? `标签 ${params.tags.split(',').join('、')}` : null,
      params.minCapital ? `注册资本 ≥ ${money(Number(params.minCapital))}` : null,
    ].filter(Boolean);
    replace(note,
      h('span', {}, `${map.name} · ${result.region?.name ?? '全国'}${filterWords.length ? ` · ${filterWords.join(' · ')}` : ''}：${map.homeName}以外的招商目标共 `,
        h('strong', { id: 'target-total' }, number(result.total)), ' 家'),
      h('span', { class: 'muted' }, ' · 按得分排序（缺口 40 + 企业实力 30 + 本地关联 20 + 引荐渠道 10）'),
      freshness(result));
    if (result.items.length === 0) {
      replace(table, h('div', { class: 'state state-empty', id: 'targets-empty' },
        h('strong', {}, '没有符合条件的招商目标。'),
        h('p', { class: 'empty-reason' }, result.reason ?? '可以放宽地区、环节、标签或注册资本。')));
      return;
    }
    replace(table,
      h('table', { class: 'data targets', id: 'targets-table' },
        h('thead', {}, h('tr', {},
          h('th', { class: 'num' }, '排名'), h('th', {}, '企业'), h('th', {}, '所在地区'), h('th', {}, '环节'),
          h('th', { class: 'num' }, '得分'), h('th', {}, '推荐理由'), h('th', {}, '引荐路径'), h('th', {}, '项目'))),
        h('tbody', {}, result.items.map((r) => targetRow(r, existing)))),
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

  function targetRow(r, existing) {
    const colour = classOf(gap, r.segment);
    const parts = r.scoreParts;
    return h('tr', { dataset: { id: r.companyId } },
      h('td', { class: 'num rank' }, r.rank),
      h('td', { class: 'company' },
        h('a', { href: router.href('companies', { id: r.companyId }) }, r.name),
        h('div', { class: 'muted small' }, `注册资本 ${money(r.registeredCapital)}${r.employees ? ` · 员工 ${number(r.employees)}` : ''}`),
        r.tags.length ? h('div', {}, r.tags.map((t) => h('span', { class: 'tag' }, t))) : null),
      h('td', { class: 'region' }, r.regionName),
      h('td', { class: 'segment' },
        h('div', {}, r.segment.name),
        h('span', { class: 'rating', dataset: { rating: r.segment.rating }, style: `background:${colour.fill};color:${colour.text}` },
          `${r.segment.ratingLabel} · ${r.segment.actionLabel}`)),
      h('td', { class: 'num score', title: `缺口 ${parts.gap} + 实力 ${parts.strength} + 本地关联 ${parts.links} + 引荐渠道 ${parts.channels}` },
        h('strong', {}, r.score.toFixed(1)),
        h('div', { class: 'muted small score-parts' }, `缺口 ${fmt(parts.gap)} · 实力 ${fmt(parts.strength)}`),
        h('div', { class: 'muted small score-parts' }, `关联 ${fmt(parts.links)} · 渠道 ${fmt(parts.channels)}`)),
      h('td', { class: 'reasons' }, reasonList(r.reasons)),
      h('td', { class: 'paths' }, pathList(r)),
      h('td', { class: 'launch-cell' }, launchControl(r, existing, { chain: params.chain, segment: params.segment })));
  }
}

function fmt(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function reasonList(reasons) {
  if (reasons.length === 0) {
    return h('span', { class: 'muted' }, '—');
  }
  const shown = h('ul', { class: 'reason-list' }, reasons.slice(0, REASONS_SHOWN).map((r) => h('li', {}, r)));
  if (reasons.length <= REASONS_SHOWN) {
    return shown;
  }
  return [shown, h('details', { class: 'more-reasons' },
    h('summary', {}, `更多理由（${reasons.length - REASONS_SHOWN}）`),
    h('ul', { class: 'reason-list' }, reasons.slice(REASONS_SHOWN).map((r) => h('li', {}, r))))];
}

/** Who can introduce: each path as target → (relation) → node … → home, at most PATHS_SHOWN of them. */
export function pathList(target) {
  if (target.paths.length === 0) {
    return h('span', { class: 'muted small' }, '暂无已知引荐路径');
  }
  return h('ol', { class: 'path-list' }, target.paths.slice(0, PATHS_SHOWN).map((p) => h('li', { title: p.summary },
    h('span', { class: 'hops' }, `${p.hops} 步`),
    p.steps.map((step) => [h('span', { class: 'path-arrow', title: step.label }, ' → '), node(step.to)]))),
  target.paths.length > PATHS_SHOWN ? h('li', { class: 'muted small' }, `另有 ${target.paths.length - PATHS_SHOWN} 条`) : null);
}

function node(n) {
  const label = n.kind === 'channel' ? `【${n.name}】` : n.name;
  return h('span', { class: `path-node ${n.kind}${n.isHome ? ' home' : ''}` }, label);
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
