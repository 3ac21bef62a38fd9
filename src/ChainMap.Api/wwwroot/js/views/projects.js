// 项目: the investment projects (GET /api/projects) with their stage and owning team, filtered by
// team, stage and chain, and each team's results (GET /api/results?by=team) for the leaders.
// A project's name opens its page (#/project?id=); projects are created with 立项 on a target.
// Route: #/projects?team=csj&stage=signed&chain=ZQ&page=1

import * as api from '../api.js';
import * as router from '../router.js';
import { h, replace, select, money, number } from '../dom.js';
import { loading, empty, errorBlock, pager, generations } from '../ui.js';
import { STAGES } from '../project-terms.js';

const PAGE_SIZE = 50;

export function mount(root, initial) {
  const page = h('section', { class: 'view-projects' });
  replace(root, page);
  const toolbar = h('div', { class: 'toolbar' });
  const note = h('div', { class: 'note-row' });
  const list = h('div', { class: 'table-area' });
  const side = h('aside', { class: 'side-panel', id: 'results-panel' });
  page.append(toolbar, note, h('div', { class: 'split' }, list, side));
  const nextList = generations();
  let params = {};

  update(initial);
  renderResults();
  return { update };

  async function update(next) {
    params = next;
    try {
      const [teams, chains] = await Promise.all([api.teams(), api.listChains()]);
      renderToolbar(teams, chains);
    } catch (error) {
      replace(toolbar, h('h1', {}, '项目'), errorBlock(error));
    }
    renderList();
  }

  function renderToolbar(teams, chains) {
    replace(toolbar,
      h('h1', {}, '项目'),
      h('label', { class: 'inline-field' }, '专班',
        select({ id: 'project-team', onchange: (e) => router.setParams({ team: e.target.value || null }) },
          [{ value: '', label: '全部专班' }, ...teams.map((t) => ({ value: t.id, label: t.name }))], params.team ?? '')),
      h('label', { class: 'inline-field' }, '阶段',
        select({ id: 'project-stage', onchange: (e) => router.setParams({ stage: e.target.value || null }) },
          [{ value: '', label: '全部阶段' }, ...STAGES], params.stage ?? '')),
      h('label', { class: 'inline-field' }, '产业链',
        select({ id: 'project-chain', onchange: (e) => router.setParams({ chain: e.target.value || null }) },
          [{ value: '', label: '全部产业链' }, ...chains.map((c) => ({ value: c.code, label: c.name }))], params.chain ?? '')));
  }

  async function renderList() {
    const isLatest = nextList();
    const pageNumber = Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
    replace(list, loading('正在读取项目…'));
    try {
      const result = await api.projects({ team: params.team, stage: params.stage, chain: params.chain, page: pageNumber, pageSize: PAGE_SIZE });
      if (!isLatest()) {
        return;
      }
      replace(note, h('span', {}, '共 ', h('strong', { id: 'project-total' }, number(result.total)), ' 个项目'),
        h('span', { class: 'muted' }, ' · 点击项目名称查看和推进项目；在招商目标、专班页和产业链图谱中点「立项」新建项目'));
      if (result.items.length === 0) {
        replace(list, empty(params.team || params.stage || params.chain
          ? '没有符合条件的项目。可以放宽专班、阶段或产业链。'
          : '还没有项目。专班把招商目标立项后，项目会按阶段显示在这里。'));
        return;
      }
      replace(list,
        h('table', { class: 'data', id: 'projects-table' },
          h('thead', {}, h('tr', {},
            h('th', {}, '项目'), h('th', {}, '企业'), h('th', {}, '产业链'), h('th', {}, '阶段'), h('th', {}, '专班'),
            h('th', {}, '承接单位'), h('th', { class: 'num' }, '计划投资'), h('th', { class: 'num' }, '待解决'), h('th', {}, '更新'))),
          h('tbody', {}, result.items.map((p) => h('tr', { dataset: { id: p.id } },
            h('td', {}, p.isKey ? h('span', { class: 'tag key' }, '重点') : null, h('a', { href: router.href('project', { id: p.id }) }, p.name)),
            h('td', {}, h('a', { href: router.href('companies', { id: p.company.id }) }, p.company.name)),
            h('td', {}, p.chain.name, p.segment ? h('div', { class: 'muted small' }, p.segment.name) : null),
            h('td', { class: 'stage', dataset: { stage: p.stage } }, p.stageName, h('div', { class: 'muted small' }, p.stageDate)),
            h('td', {}, p.team.name),
            h('td', {}, p.unit.name),
            h('td', { class: 'num' }, money(p.plannedInvestment)),
            h('td', { class: 'num' }, p.openBlockers > 0 ? h('span', { class: 'blockers' }, p.openBlockers) : '0'),
            h('td', { class: 'date' }, p.updatedBy, h('div', { class: 'muted small' }, new Date(p.updatedAt).toLocaleDateString('zh-CN'))))))),
        h('div', { class: 'table-foot' }, pager(result, (n) => router.setParams({ page: n }))));
    } catch (error) {
      if (isLatest()) {
        replace(list, errorBlock(error, { retry: renderList }));
      }
    }
  }

  async function renderResults() {
    replace(side, h('h2', {}, '各专班实绩'), loading('正在统计实绩…'));
    try {
      const report = await api.results({ by: 'team' });
      const shownStages = STAGES.filter((s) => s.value !== 'terminated');
      const reached = (group, stage) => group.stages.find((s) => s.stage === stage)?.projects ?? 0;
      const invested = (group, stage) => group.stages.find((s) => s.stage === stage)?.plannedInvestment ?? 0;
      replace(side,
        h('h2', {}, '各专班实绩'),
        h('p', { class: 'muted small' }, `${report.from} 至 ${report.to}：进入各阶段的项目数（以实绩论英雄）`),
        report.groups.length === 0
          ? empty('这段时间还没有项目进入任何阶段。')
          : h('table', { class: 'data results', id: 'results-table' },
            h('thead', {}, h('tr', {}, h('th', {}, '专班'), shownStages.map((s) => h('th', { class: 'num' }, s.label)), h('th', { class: 'num', title: '进入签约阶段的项目计划投资' }, '签约额'))),
            h('tbody', {}, report.groups.map((g) => h('tr', {},
              h('th', { title: g.name }, g.name.replace(/驻点招商专班$/, '')),
              shownStages.map((s) => h('td', { class: 'num' }, number(reached(g, s.value)))),
              h('td', { class: 'num' }, money(invested(g, 'signed')))))),
            h('tfoot', {}, h('tr', {},
              h('th', {}, '合计'),
              shownStages.map((s) => h('td', { class: 'num' }, number(reached(report.total, s.value)))),
              h('td', { class: 'num' }, money(invested(report.total, 'signed')))))));
    } catch (error) {
      replace(side, h('h2', {}, '各专班实绩'), errorBlock(error, { retry: renderResults }));
    }
  }
}
