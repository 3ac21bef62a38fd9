// 产业链图谱: one chain's segments by tier with flow edges, coloured by their gap rating (investment
// map); a click on a segment opens its panel (rating and why, home-region companies, top targets,
// where its companies are). Export buttons download the chain map in the export formats.
// Route: #/map?chain=ZQ&segment=ZQ-HYD&region=长三角

import * as api from '../api.js';
import * as router from '../router.js';
import * as charts from '../charts.js';
import { schemeFor, classOf, gap } from '../colouring.js';
import { h, replace, select, money, number } from '../dom.js';
import { regionPicker } from '../region-picker.js';
import { loading, empty, errorBlock, pending, generations } from '../ui.js';
import * as session from '../session.js';
import { pathList } from './targets.js';
import { launchControl, projectsByCompany } from '../project-terms.js';

const TOP_TARGETS = 8;

export function mount(root, initial) {
  const page = h('section', { class: 'view-map' });
  replace(root, page);
  const nextMap = generations();
  const nextPanel = generations();
  let params = {};
  let map = null;
  let graph = null;
  let bars = null;
  const toolbar = h('div', { class: 'toolbar' });
  const legend = h('div', { class: 'legend', 'aria-label': '图例' });
  const board = h('div', { class: 'map-board' });
  const panel = h('aside', { class: 'side-panel', 'aria-label': '环节详情', 'aria-live': 'polite' });
  page.append(toolbar, h('div', { class: 'map-layout' }, h('div', { class: 'map-main' }, legend, board), panel));

  update(initial);
  return { update, unmount };

  function unmount() {
    graph?.dispose();
    bars?.dispose();
  }

  async function update(next) {
    const previous = params;
    params = next;
    if (map && previous.chain === next.chain) {
      if (previous.region !== next.region) {
        renderToolbar();
      }
      graph?.select(next.segment ?? null);
      if (previous.segment !== next.segment || previous.region !== next.region) {
        renderPanel();
      }
      return;
    }
    await loadChain();
  }

  async function loadChain() {
    const isLatest = nextMap();
    graph?.dispose();
    graph = null;
    map = null;
    replace(legend);
    replace(board, loading('正在加载产业链图谱…'));
    replace(panel);
    try {
      const chains = await api.listChains();
      if (!isLatest()) {
        return;
      }
      if (chains.length === 0) {
        replace(toolbar);
        replace(board, empty('还没有任何产业链。请在“产业链维护”中创建，或导入默认数据。'));
        return;
      }
      if (!params.chain) {
        router.setParams({ chain: chains[0].code }, { replace: true });
        return;
      }
      renderToolbar(chains);
      const loaded = await api.getChainMap(params.chain);
      if (!isLatest()) {
        return;
      }
      map = loaded;
      renderToolbar(chains);
      renderBoard();
      renderPanel();
    } catch (error) {
      if (isLatest()) {
        replace(board, errorBlock(error, { retry: loadChain }));
      }
    }
  }

  async function renderToolbar(chainList) {
    const chains = chainList ?? (await api.listChains());
    const selected = map?.code ?? chains.find((c) => c.code === params.chain || c.name === params.chain)?.code ?? params.chain;
    replace(toolbar,
      h('h1', {}, '产业链图谱'),
      h('label', { class: 'inline-field' }, '产业链',
        select({ id: 'chain-select', onchange: (e) => router.setParams({ chain: e.target.value, segment: null }) },
          chains.map((c) => ({ value: c.code, label: c.name })), selected)),
      h('div', { class: 'inline-field' }, h('span', {}, '目标地区'),
        regionPicker({ value: params.region ?? '', onChange: (region) => router.setParams({ region }) })),
      map && session.can.export() ? exportTools() : null);
  }

  /** The most useful chain exports as buttons, the other formats in a select. */
  function exportTools() {
    const links = api.exportLinks('chain', { chain: map.code });
    const first = links.slice(0, 3);
    const others = links.slice(3);
    const more = select({ id: 'chain-export-format', 'aria-label': '其他导出格式' },
      [{ value: '', label: '其他格式…' }, ...others.map((l) => ({ value: l.format, label: l.label }))], '');
    const status = h('span', { class: 'export-note muted', 'aria-live': 'polite' });
    const run = async (button, link) => {
      button.disabled = true;
      status.textContent = `正在导出 ${link.label}…`;
      try {
        const saved = await api.download(link.path, link.filename);
        status.textContent = `已下载 ${saved.name}`;
      } catch (error) {
        replace(status, errorBlock(error, { explain: '导出失败。' }));
      } finally {
        button.disabled = false;
      }
    };
    const moreButton = h('button', {
      type: 'button', id: 'chain-export-more', onclick: (e) => {
        const link = others.find((l) => l.format === more.value);
        if (link) {
          run(e.currentTarget, link);
        } else {
          status.textContent = '请先选择一种格式。';
        }
      },
    }, '导出');
    return h('span', { class: 'exports', 'aria-label': '导出产业链图谱' },
      h('span', { class: 'muted' }, '导出：'),
      first.map((l) => h('button', { type: 'button', class: 'export', dataset: { format: l.format }, onclick: (e) => run(e.currentTarget, l) }, l.label)),
      more, moreButton, status);
  }

  function renderBoard() {
    const scheme = schemeFor(map);
    const counts = new Map(scheme.classes.map((c) => [c.key, 0]));
    const all = map.tiers.flatMap((t) => t.segments);
    for (const s of all) {
      const key = classOf(scheme, s).key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    replace(legend,
      h('span', { class: 'legend-title' }, `${scheme.title}（${map.homeName}）：`),
      scheme.classes.map((c) => h('span', { class: 'legend-item', dataset: { rating: c.key } },
        h('i', { class: 'swatch', style: `background:${c.fill};border-color:${c.border}` }), `${c.label} `, h('span', { class: 'legend-count' }, counts.get(c.key)))),
      h('span', { class: 'legend-hint' }, `共 ${all.length} 个环节、${map.flows.length} 条供给关系 · 点击环节查看企业`));
    if (all.length === 0) {
      replace(board, empty('这条产业链还没有环节。请在“产业链维护”中添加。'));
      return;
    }
    if (!charts.available()) {
      replace(board, charts.missingLibrary());
      return;
    }
    const columns = h('div', { class: 'tier-heads' }, map.tiers.map((t) =>
      h('div', { class: 'tier-head' }, h('strong', {}, t.label), h('span', {}, ` ${t.segments.length} 个环节`))));
    const canvas = h('div', { id: 'chain-graph', class: 'chain-graph' });
    const picker = select({ id: 'segment-select', 'aria-label': '选择环节', onchange: (e) => router.setParams({ segment: e.target.value || null }) }, [
      { value: '', label: '选择环节…' },
      ...map.tiers.map((t) => ({ group: t.label, options: t.segments.map((s) => ({ value: s.code, label: `${s.parent ? '　' : ''}${s.name}` })) })),
    ], params.segment ?? '');
    replace(board, h('div', { class: 'board-tools' }, picker), h('div', { class: 'chain-scroll' }, columns, canvas));
    graph = charts.chainGraph(canvas, {
      map,
      scheme,
      selected: params.segment ?? null,
      onSelect: (code) => router.setParams({ segment: code === params.segment ? null : code }),
    });
  }

  function findSegment(code) {
    for (const tier of map.tiers) {
      const s = tier.segments.find((x) => x.code === code);
      if (s) {
        return { ...s, tier: tier.tier, tierLabel: tier.label };
      }
    }
    return null;
  }

  function segmentLink(code) {
    const s = findSegment(code);
    return h('button', { type: 'button', class: 'chip', onclick: () => router.setParams({ segment: code }) }, s?.name ?? code);
  }

  async function renderPanel() {
    const isLatest = nextPanel();
    bars?.dispose();
    bars = null;
    const segmentSelect = board.querySelector('#segment-select');
    if (segmentSelect) {
      segmentSelect.value = params.segment ?? '';
    }
    if (!map) {
      return;
    }
    if (!params.segment) {
      replace(panel, chainSummary());
      return;
    }
    const segment = findSegment(params.segment);
    if (!segment) {
      replace(panel, errorBlock({ status: 404, title: '环节不存在', detail: `产业链 ${map.name} 中没有编码为 ${params.segment} 的环节。` }));
      return;
    }
    const parent = segment.parent ? findSegment(segment.parent) : null;
    const from = map.flows.filter((f) => f.to === segment.code).map((f) => f.from);
    const to = map.flows.filter((f) => f.from === segment.code).map((f) => f.to);
    const homeList = h('div', { class: 'panel-list' }, loading());
    const targetList = h('div', { class: 'panel-list' }, loading());
    const chart = h('div', { class: 'panel-chart' }, loading('正在统计地区分布…'));
    const targetsHref = router.href('targets', { chain: map.code, segment: segment.code, region: params.region });
    replace(panel,
      h('div', { class: 'panel-head' },
        h('h2', { id: 'segment-title' }, segment.name),
        h('button', { type: 'button', class: 'link close', 'aria-label': '关闭', onclick: () => router.setParams({ segment: null }) }, '×')),
      h('p', { class: 'muted' }, `${segment.tierLabel} · ${segment.code}${parent ? ` · 属于 ${parent.name}` : ''}`),
      h('p', {}, `${map.homeName}本地企业 `, h('strong', {}, number(segment.localCompanies)), ' 家，注册资本合计 ', h('strong', {}, money(segment.localRegisteredCapital))),
      segment.unconfirmed || segment.unconfirmedAll
        ? h('p', { class: 'small muted', id: 'segment-unconfirmed' },
          h('span', { class: 'tag unconfirmed' }, '待确认'),
          ` 另有本地 ${number(segment.unconfirmed ?? 0)} 家、全国 ${number(segment.unconfirmedAll ?? 0)} 家企业归入本环节尚待分析员确认，不计入上面的数字、缺口评级和招商目标。`)
        : null,
      segment.rating ? ratingLine(segment) : null,
      segment.explanation ? h('p', { class: 'small explanation' }, segment.explanation) : null,
      from.length > 0 ? h('p', { class: 'chips' }, h('span', { class: 'muted' }, '上游来源：'), from.map(segmentLink)) : null,
      to.length > 0 ? h('p', { class: 'chips' }, h('span', { class: 'muted' }, '下游去向：'), to.map(segmentLink)) : null,
      h('h3', {}, `本地企业（${map.homeName}）`),
      homeList,
      h('h3', {}, `招商目标（${params.region ? '所选地区' : '全国'}，前 ${TOP_TARGETS} 名）`, h('a', { class: 'more', id: 'segment-targets-link', href: targetsHref }, '在招商目标中查看全部 →')),
      targetList,
      h('h3', {}, `地区分布（${params.region ? '所选地区' : '全国'}）`),
      chart);

    const [homeResult, targetResult, projectResult] = await Promise.allSettled([
      api.companies({ segment: segment.code, region: map.homeRegion, pageSize: 50 }),
      api.targets({ chain: map.code, segment: segment.code, region: params.region, page: 1, pageSize: TOP_TARGETS, paths: 1 }),
      projectsByCompany(),
    ]);
    if (!isLatest()) {
      return;
    }
    if (homeResult.status === 'rejected') {
      replace(homeList, errorBlock(homeResult.reason));
    } else if (homeResult.value.items.length === 0) {
      replace(homeList, empty(`${map.homeName}暂无该环节企业——这是一个空白环节。`));
    } else {
      replace(homeList, companyList(homeResult.value.items, homeResult.value.total));
    }
    if (targetResult.status === 'rejected') {
      replace(targetList, errorBlock(targetResult.reason));
    } else if (targetResult.value.items.length === 0) {
      replace(targetList, empty(targetResult.value.reason ?? '所选地区没有该环节的招商目标。'));
    } else {
      replace(targetList, targetItems(targetResult.value.items, targetResult.value.total, projectResult.value ?? null));
    }

    try {
      const rows = await api.distribution({ chain: map.code, segment: segment.code, region: params.region });
      if (!isLatest()) {
        return;
      }
      if (rows.length === 0) {
        replace(chart, empty('所选地区没有该环节的企业。'));
      } else if (charts.available()) {
        bars = charts.regionBars(chart, rows, { limit: 10 });
      } else {
        replace(chart, charts.missingLibrary());
      }
    } catch (error) {
      if (isLatest()) {
        replace(chart, errorBlock(error));
      }
    }
  }

  function companyList(items, total) {
    // Home companies by their county (曾都区), others by their full place.
    const place = (name) => {
      const at = name.indexOf(map.homeName);
      return at >= 0 && name.length > at + map.homeName.length ? name.slice(at + map.homeName.length) : name;
    };
    return h('ol', { class: 'company-list' },
      items.map((c) => h('li', {},
        h('a', { href: router.href('companies', { id: c.id }) }, c.name),
        h('span', { class: 'muted' }, ` ${place(c.regionName)} · ${money(c.registeredCapital)}`),
        c.tags?.length ? h('span', { class: 'tags' }, c.tags.map((t) => h('span', { class: 'tag' }, t))) : null)),
      total && total > items.length ? h('li', { class: 'muted' }, `……共 ${number(total)} 家`) : null);
  }

  function ratingLine(segment) {
    const colour = classOf(gap, segment);
    return h('p', { class: 'rating-line' }, '缺口评级：',
      h('span', { class: 'rating', id: 'segment-rating', dataset: { rating: segment.rating }, style: `background:${colour.fill};color:${colour.text}` }, segment.ratingLabel ?? colour.label),
      segment.actionLabel ? ` · 建议${segment.actionLabel}` : null,
      segment.candidates !== null && segment.candidates !== undefined ? h('span', { class: 'muted' }, ` · 外地候选企业 ${number(segment.candidates)} 家`) : null);
  }

  function targetItems(items, total, existing) {
    return h('ol', { class: 'company-list target-list' },
      items.map((t) => h('li', { dataset: { id: t.companyId } },
        h('a', { href: router.href('companies', { id: t.companyId }) }, t.name), ' ',
        launchControl(t, existing, { chain: map.code, segment: params.segment }),
        h('span', { class: 'muted' }, ` ${t.regionName} · ${t.score.toFixed(1)} 分`),
        t.paths.length ? h('div', { class: 'small' }, '引荐：', pathList({ paths: t.paths.slice(0, 1) })) : null)),
      total > items.length ? h('li', { class: 'muted' }, `……共 ${number(total)} 家`) : null);
  }

  function chainSummary() {
    const all = map.tiers.flatMap((t) => t.segments);
    const scheme = schemeFor(map);
    const order = ['missing', 'weak', 'potential', 'strong'];
    const groups = scheme === gap
      ? order.map((key) => ({ cls: scheme.classes.find((c) => c.key === key), segments: all.filter((s) => classOf(scheme, s).key === key) }))
      : [{ cls: null, segments: all.filter((s) => (s.localCompanies ?? 0) === 0) }];
    return h('div', { class: 'chain-summary' },
      h('h2', {}, map.name),
      h('p', { class: 'muted' }, `本地：${map.homeName} · 代码 ${map.code}`),
      h('ul', {}, map.tiers.map((t) => {
        const unconfirmed = t.segments.reduce((n, s) => n + (s.unconfirmed ?? 0), 0);
        return h('li', {}, `${t.label}：${t.segments.length} 个环节，本地企业 ${number(t.segments.reduce((n, s) => n + (s.localCompanies ?? 0), 0))} 家`,
          unconfirmed > 0 ? h('span', { class: 'muted' }, `（另有 ${number(unconfirmed)} 家待确认）`) : null);
      })),
      chainLevelLine(),
      h('div', { id: 'segments-by-rating' }, groups.map(({ cls, segments }) => [
        h('h3', {}, cls ? `${cls.label}环节（${segments.length}）` : `无本地企业的环节（${segments.length}）`),
        segments.length === 0
          ? empty(cls ? `没有评为${cls.label}的环节。` : '每个环节都有本地企业。')
          : h('p', { class: 'chips' }, segments.map((s) => segmentChip(s, cls))),
      ])),
      pending('点击图中的环节，查看缺口评级、本地企业、招商目标和地区分布。'));
  }

  /** 环节待定 N: the chain-level memberships waiting for a segment (ADR 0370, 0405), linked to them in the review queue. */
  function chainLevelLine() {
    if (!map.chainLevel) {
      return null;
    }
    return h('p', { id: 'chain-level-pending' },
      h('span', { class: 'tag unconfirmed' }, '环节待定'), ' ',
      session.can.editChains()
        ? h('a', { href: router.href('review', { chain: map.code, chainLevel: '1', status: 'all' }) }, `${number(map.chainLevel)} 家`)
        : h('strong', {}, `${number(map.chainLevel)} 家`),
      h('span', { class: 'small muted' }, ' 企业（全国）只知属于本链、未定环节，不计入环节数字、缺口评级和招商目标，待分析员在审核中定环节。'));
  }

  function segmentChip(segment, cls) {
    return h('button', {
      type: 'button', class: 'chip', dataset: { code: segment.code, rating: segment.rating ?? '' },
      style: cls ? `background:${cls.fill};color:${cls.text}` : null,
      onclick: () => router.setParams({ segment: segment.code }),
    }, segment.name);
  }
}
