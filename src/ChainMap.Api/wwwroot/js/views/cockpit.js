// 驾驶舱: the leaders' view. Each chain's segments by gap rating (优势/潜力/薄弱/空白), the pipeline by
// stage (a funnel), planned and signed investment, key projects, open blockers by age and owner unit, and
// the results (以实绩论英雄) by team, unit, chain or channel over a chosen period, counted by the service
// (GET /api/results, the rules of docs/projects.md). 导出 CSV saves every table shown.
// Route: #/cockpit?from=2026-01-01&to=2026-12-04&by=team

import * as api from '../api.js';
import * as router from '../router.js';
import * as charts from '../charts.js';
import * as session from '../session.js';
import { h, replace, select, money, number } from '../dom.js';
import { loading, empty, errorBlock, generations } from '../ui.js';
import { ORDERED_STAGES, SIGNED_OR_LATER, STAGES, daysBetween, today } from '../project-terms.js';

const BY = [
  { value: 'team', label: '按专班' },
  { value: 'unit', label: '按承接单位' },
  { value: 'chain', label: '按产业链' },
  { value: 'channel', label: '按渠道' },
];
const RATINGS = [
  { value: 'strong', label: '优势' },
  { value: 'potential', label: '潜力' },
  { value: 'weak', label: '薄弱' },
  { value: 'missing', label: '空白' },
];
const AGES = [
  { label: '7 天内', max: 7 },
  { label: '8–30 天', max: 30 },
  { label: '31–90 天', max: 90 },
  { label: '90 天以上', max: Infinity },
];

export function mount(root, initial) {
  const page = h('section', { class: 'view-cockpit' });
  replace(root, page);
  const next = generations();
  /** What is shown, table by table, for the CSV export: [{ title, rows: [[cell]] }]. */
  let shown = [];
  let chart = null;
  update(initial);
  return { update, unmount: () => chart?.dispose() };

  async function update(params) {
    const isLatest = next();
    const to = params.to ?? today();
    const from = params.from ?? `${to.slice(0, 4)}-01-01`;
    const by = BY.some((b) => b.value === params.by) ? params.by : 'team';
    const fromInput = h('input', { type: 'date', id: 'cockpit-from', value: from, 'aria-label': '开始日期' });
    const toInput = h('input', { type: 'date', id: 'cockpit-to', value: to, 'aria-label': '结束日期' });
    const period = h('form', { class: 'inline-form', id: 'cockpit-period' },
      h('label', { class: 'inline-field' }, '实绩期间', fromInput, '至', toInput),
      h('button', { type: 'submit', id: 'cockpit-apply' }, '查看'));
    period.addEventListener('submit', (e) => {
      e.preventDefault();
      router.setParams({ from: fromInput.value || null, to: toInput.value || null });
    });
    const exportNote = h('span', { class: 'export-note muted' });
    const cards = {
      figures: h('div', { class: 'card wide', id: 'cockpit-figures' }, loading()),
      ratings: h('div', { class: 'card', id: 'cockpit-ratings' }, loading('正在读取各产业链的缺口评级…')),
      funnel: h('div', { class: 'card', id: 'cockpit-funnel' }, loading()),
      results: h('div', { class: 'card wide', id: 'cockpit-results' }, loading('正在统计实绩…')),
      key: h('div', { class: 'card', id: 'cockpit-key' }, loading()),
      blockers: h('div', { class: 'card', id: 'cockpit-blockers' }, loading()),
    };
    chart?.dispose();
    chart = null;
    replace(page,
      h('div', { class: 'toolbar' },
        h('h1', {}, '驾驶舱'),
        period,
        h('label', { class: 'inline-field' }, '分组',
          select({ id: 'cockpit-by', onchange: (e) => router.setParams({ by: e.target.value }) }, BY, by)),
        h('button', { type: 'button', id: 'cockpit-export', onclick: exportShown }, '导出 CSV'),
        session.can.export()
          ? h('button', { type: 'button', id: 'cockpit-export-xlsx', onclick: (e) => exportResults(e.currentTarget, { by, from, to }) }, '实绩 Excel')
          : null,
        exportNote),
      h('div', { class: 'dashboard' }, cards.figures, cards.results, cards.funnel, cards.ratings, cards.key, cards.blockers));
    shown = [];
    try {
      const [projects, chains] = await Promise.all([api.allProjects(), api.listChains()]);
      if (!isLatest()) {
        return;
      }
      const parts = {};
      parts.figures = renderFigures(cards.figures, projects);
      parts.funnel = renderFunnel(cards.funnel, projects);
      parts.key = renderKey(cards.key, projects);
      const [results, ratings, blockers] = await Promise.allSettled([
        renderResults(cards.results, { from, to, by }),
        renderRatings(cards.ratings, chains),
        renderBlockers(cards.blockers, projects),
      ]);
      if (!isLatest()) {
        return;
      }
      for (const [name, outcome] of [['results', results], ['ratings', ratings], ['blockers', blockers]]) {
        if (outcome.status === 'fulfilled') {
          parts[name] = outcome.value;
        } else {
          replace(cards[name], errorBlock(outcome.reason));
        }
      }
      shown = ['figures', 'results', 'funnel', 'ratings', 'key', 'blockers'].map((k) => parts[k]).filter(Boolean);
    } catch (error) {
      if (isLatest()) {
        replace(cards.figures, errorBlock(error, { retry: () => update(params) }));
      }
    }

    function exportShown() {
      if (shown.length === 0) {
        replace(exportNote, '还没有可导出的内容。');
        return;
      }
      const lines = [];
      for (const table of shown) {
        lines.push([table.title], ...table.rows, []);
      }
      const csv = `\uFEFF${lines.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
      const name = `驾驶舱_${from}_${to}.csv`;
      const link = h('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })), download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      replace(exportNote, `已下载 ${name}`);
    }

    async function exportResults(button, query) {
      button.disabled = true;
      try {
        const saved = await api.download(api.resultsExportPath({ ...query, format: 'xlsx' }), 'results.xlsx');
        replace(exportNote, `已下载 ${saved.name}`);
      } catch (error) {
        replace(exportNote, errorBlock(error, { explain: '导出失败。' }));
      } finally {
        button.disabled = false;
      }
    }
  }

  function renderFigures(card, projects) {
    const live = projects.filter((p) => p.stage !== 'terminated');
    const signed = live.filter((p) => SIGNED_OR_LATER.includes(p.stage));
    const figures = [
      ['在库项目', number(live.length), '个（不含终止）'],
      ['计划投资', money(sum(live)), '在库项目合计'],
      ['已签约投资', money(sum(signed)), `${number(signed.length)} 个项目在签约及以后阶段`],
      ['重点项目', number(live.filter((p) => p.isKey).length), '个'],
      ['未解决问题', number(live.reduce((n, p) => n + p.openBlockers, 0)), '项要素保障'],
    ];
    replace(card, h('div', { class: 'figures' }, figures.map(([label, value, note]) => h('div', { class: 'figure', dataset: { figure: label } },
      h('span', {}, label), h('strong', {}, value), h('span', {}, note)))));
    return { title: '概况', rows: [['指标', '数值', '说明'], ...figures] };
  }

  function renderFunnel(card, projects) {
    const live = projects.filter((p) => p.stage !== 'terminated');
    const rank = (stage) => ORDERED_STAGES.findIndex((s) => s.value === stage);
    const rows = ORDERED_STAGES.map((s, i) => ({
      stage: s, now: live.filter((p) => p.stage === s.value).length, atOrPast: live.filter((p) => rank(p.stage) >= i).length,
      invest: sum(live.filter((p) => p.stage === s.value)),
    }));
    const terminated = projects.length - live.length;
    const holder = h('div', {});
    replace(card,
      h('h2', {}, '项目管道（按当前阶段）'),
      holder,
      h('table', { class: 'data results', id: 'cockpit-pipeline' },
        h('thead', {}, h('tr', {}, h('th', {}, '阶段'), h('th', { class: 'num' }, '当前'), h('th', { class: 'num' }, '到达及以后'), h('th', { class: 'num' }, '计划投资'))),
        h('tbody', {}, rows.map((r) => h('tr', { dataset: { stage: r.stage.value } },
          h('th', {}, r.stage.label), h('td', { class: 'num' }, number(r.now)), h('td', { class: 'num' }, number(r.atOrPast)), h('td', { class: 'num' }, money(r.invest)))),
        h('tr', { dataset: { stage: 'terminated' } }, h('th', {}, '终止'), h('td', { class: 'num' }, number(terminated)), h('td', {}), h('td', {})))));
    if (live.length > 0 && charts.available()) {
      chart = charts.funnel(holder, rows.map((r) => ({ name: r.stage.label, value: r.atOrPast })));
    } else if (live.length === 0) {
      replace(holder, empty('还没有在库项目。'));
    }
    return {
      title: '项目管道',
      rows: [['阶段', '当前项目数', '到达及以后', '计划投资(万元)'], ...rows.map((r) => [r.stage.label, r.now, r.atOrPast, r.invest]), ['终止', terminated, '', '']],
    };
  }

  async function renderResults(card, { from, to, by }) {
    const report = await api.results({ by, from, to });
    const stage = (g, s) => g.stages.find((x) => x.stage === s);
    const header = ['分组', ...STAGES.map((s) => `${s.label}项目数`), '签约计划投资(万元)', '洽谈→签约转化率', '活动数'];
    const conversion = (g) => g.conversions.find((c) => c.from === 'negotiating')?.rate;
    const line = (g) => [g.name, ...STAGES.map((s) => stage(g, s.value)?.projects ?? 0), stage(g, 'signed')?.plannedInvestment ?? 0, conversion(g) ?? '', g.activities];
    const row = (g, cell) => [
      cell('th', {}, g.name),
      STAGES.map((s) => cell('td', { class: 'num', dataset: { stage: s.value } }, number(stage(g, s.value)?.projects ?? 0))),
      cell('td', { class: 'num', dataset: { stage: 'signed-investment' } }, money(stage(g, 'signed')?.plannedInvestment ?? 0)),
      cell('td', { class: 'num' }, conversion(g) === null || conversion(g) === undefined ? '—' : `${(conversion(g) * 100).toFixed(1)}%`),
      cell('td', { class: 'num', dataset: { stage: 'activities' } }, number(g.activities)),
    ];
    replace(card,
      h('h2', {}, `实绩：${report.from} 至 ${report.to}（${BY.find((b) => b.value === report.by)?.label ?? report.by}）`),
      h('p', { class: 'muted small' }, '进入各阶段的项目按第一次到达的日期计入期间，跳过的阶段也算到达；退回或终止不扣减（docs/projects.md）。'),
      h('table', { class: 'data results', id: 'cockpit-results-table' },
        h('thead', {}, h('tr', {}, header.map((t, i) => h('th', { class: i === 0 ? null : 'num' }, t.replace('项目数', ''))))),
        h('tbody', {}, report.groups.map((g) => h('tr', { dataset: { key: g.key } }, row(g, h)))),
        h('tfoot', {}, h('tr', { dataset: { key: '*' } }, row(report.total, h)))));
    return { title: `实绩 ${report.from} 至 ${report.to} ${BY.find((b) => b.value === report.by)?.label ?? ''}`, rows: [header, ...report.groups.map(line), ['合计', ...line(report.total).slice(1)]] };
  }

  async function renderRatings(card, chains) {
    const maps = await Promise.all(chains.map((c) => api.investmentSummary(c.code)));
    const count = (summary, rating) => summary.find((s) => s.rating === rating)?.segments ?? 0;
    replace(card,
      h('h2', {}, '各产业链环节评级'),
      h('table', { class: 'data results', id: 'cockpit-ratings-table' },
        h('thead', {}, h('tr', {}, h('th', {}, '产业链'), RATINGS.map((r) => h('th', { class: 'num', dataset: { rating: r.value } }, r.label)))),
        h('tbody', {}, chains.map((c, i) => h('tr', { dataset: { chain: c.code } },
          h('th', {}, h('a', { href: router.href('map', { chain: c.code }) }, c.name)),
          RATINGS.map((r) => h('td', { class: 'num', dataset: { rating: r.value } }, number(count(maps[i], r.value)))))))));
    return {
      title: '各产业链环节评级',
      rows: [['产业链', ...RATINGS.map((r) => r.label)], ...chains.map((c, i) => [c.name, ...RATINGS.map((r) => count(maps[i], r.value))])],
    };
  }

  function renderKey(card, projects) {
    const key = projects.filter((p) => p.isKey);
    replace(card,
      h('h2', {}, `重点项目（${number(key.length)}）`),
      key.length === 0
        ? empty('没有标为重点的项目。')
        : h('table', { class: 'data', id: 'cockpit-key-table' },
          h('thead', {}, h('tr', {}, h('th', {}, '项目'), h('th', {}, '阶段'), h('th', {}, '专班'), h('th', { class: 'num' }, '计划投资'), h('th', { class: 'num' }, '待解决'))),
          h('tbody', {}, key.map((p) => h('tr', { dataset: { id: p.id } },
            h('td', {}, h('a', { href: router.href('project', { id: p.id }) }, p.name)),
            h('td', {}, p.stageName), h('td', {}, p.team.name.replace(/驻点招商专班$/, '')),
            h('td', { class: 'num' }, money(p.plannedInvestment)), h('td', { class: 'num' }, number(p.openBlockers)))))));
    return { title: '重点项目', rows: [['项目', '阶段', '专班', '计划投资(万元)', '未解决问题'], ...key.map((p) => [p.name, p.stageName, p.team.name, p.plannedInvestment ?? '', p.openBlockers])] };
  }

  async function renderBlockers(card, projects) {
    const details = await inBatches(projects.filter((p) => p.openBlockers > 0), 6, (p) => api.project(p.id));
    const now = today();
    const open = details.flatMap((d) => d.blockers.filter((b) => b.status === 'open').map((b) => ({ owner: b.owner ?? '未指定', age: daysBetween(b.openedOn, now) })));
    const owners = [...new Set(open.map((b) => b.owner))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    const bucket = (age) => AGES.findIndex((a) => age <= a.max);
    const cells = owners.map((o) => AGES.map((_, i) => open.filter((b) => b.owner === o && bucket(b.age) === i).length));
    replace(card,
      h('h2', {}, `未解决的要素保障（${number(open.length)}）`),
      open.length === 0
        ? empty('没有未解决的问题。')
        : h('table', { class: 'data results', id: 'cockpit-blockers-table' },
          h('thead', {}, h('tr', {}, h('th', {}, '责任单位'), AGES.map((a) => h('th', { class: 'num' }, a.label)), h('th', { class: 'num' }, '合计'))),
          h('tbody', {}, owners.map((o, i) => h('tr', {},
            h('th', {}, o), cells[i].map((n) => h('td', { class: 'num' }, number(n))), h('td', { class: 'num' }, number(cells[i].reduce((a, b) => a + b, 0))))))));
    return { title: '未解决的要素保障（按已过天数）', rows: [['责任单位', ...AGES.map((a) => a.label), '合计'], ...owners.map((o, i) => [o, ...cells[i], cells[i].reduce((a, b) => a + b, 0)])] };
  }
}

/** Planned investment in 万元 summed to whole cents (the service keeps it exactly; this is for display). */
function sum(projects) {
  return Math.round(projects.reduce((n, p) => n + (p.plannedInvestment ?? 0), 0) * 100) / 100;
}

async function inBatches(items, size, work) {
  const results = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  }
  return results;
}

/** A CSV cell; text that a spreadsheet would run as a formula gets a leading ' (as the service's exports do). */
function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
