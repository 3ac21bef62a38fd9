// 我的专班: a resident team's working page. Its region group's ranked targets (with 立项), its projects by
// stage, this month's activities, the next steps due within a week or overdue (by the service's date), and
// the open blockers (要素保障) of its projects, oldest first, overdue ones marked by the service.
// Route: #/team?team=csj&chain=ZQ (a team member lands on their own team).

import * as api from '../api.js';
import * as router from '../router.js';
import * as session from '../session.js';
import { h, replace, select, money, number } from '../dom.js';
import { loading, empty, errorBlock, generations } from '../ui.js';
import { STAGES, daysBetween, launchControl, projectsByCompany, today } from '../project-terms.js';

export function mount(root, initial) {
  const page = h('section', { class: 'view-team' });
  replace(root, page);
  const next = generations();
  update(initial);
  return { update };

  async function update(params) {
    const isLatest = next();
    try {
      const [teams, chains] = await Promise.all([api.teams(), api.listChains()]);
      const me = session.user();
      if (!params.team) {
        router.setParams({ team: (me?.team && teams.some((t) => t.id === me.team) ? me.team : teams[0]?.id) ?? null }, { replace: true });
        return;
      }
      const team = teams.find((t) => t.id === params.team);
      if (!team) {
        replace(page, h('h1', {}, '我的专班'), errorBlock({ status: 404, detail: `没有专班「${params.team}」。` }));
        return;
      }
      const targets = h('div', { class: 'card wide', id: 'team-targets' }, loading('正在查找本专班的招商目标…'));
      const board = h('div', { class: 'card wide', id: 'team-projects' }, loading('正在读取项目…'));
      const month = h('div', { class: 'card', id: 'team-activities' }, loading('正在读取本月活动…'));
      const blockers = h('div', { class: 'card', id: 'team-blockers' }, loading('正在读取要素保障…'));
      const steps = h('div', { class: 'card', id: 'team-next-steps' }, loading('正在读取下一步…'));
      replace(page,
        h('div', { class: 'toolbar' },
          h('h1', {}, team.name),
          h('label', { class: 'inline-field' }, '专班',
            select({ id: 'team-select', onchange: (e) => router.setParams({ team: e.target.value }) }, teams.map((t) => ({ value: t.id, label: t.name })), team.id)),
          h('label', { class: 'inline-field' }, '产业链',
            select({ id: 'team-chain', onchange: (e) => router.setParams({ chain: e.target.value || null }) },
              [{ value: '', label: '全部产业链' }, ...chains.map((c) => ({ value: c.code, label: c.name }))], params.chain ?? '')),
          h('span', { class: 'muted small' }, `驻点地区：${team.regionGroup}（${team.members.map((m) => m.name).join('、')}）`)),
        h('div', { class: 'dashboard' }, board, steps, blockers, month, targets));
      const projects = await api.allProjects({ team: team.id });
      if (!isLatest()) {
        return;
      }
      renderBoard(board, projects);
      renderTargets(targets, team, params, chains);
      renderMonth(month, team);
      renderNextSteps(steps, team);
      renderBlockers(blockers, projects);
    } catch (error) {
      if (isLatest()) {
        replace(page, h('h1', {}, '我的专班'), errorBlock(error, { retry: () => update(params) }));
      }
    }
  }

  function renderBoard(card, projects) {
    replace(card,
      h('h2', {}, `本专班项目（${number(projects.length)}）`),
      projects.length === 0
        ? empty('本专班还没有项目。在下面的招商目标中点「立项」开始。')
        : h('div', { class: 'kanban' }, STAGES.map((s) => {
          const here = projects.filter((p) => p.stage === s.value);
          return h('div', { class: 'kanban-col', dataset: { stage: s.value } },
            h('h3', {}, `${s.label} `, h('span', { class: 'count' }, number(here.length))),
            h('ul', {}, here.map((p) => h('li', { dataset: { id: p.id } },
              p.isKey ? h('span', { class: 'tag key' }, '重点') : null,
              h('a', { href: router.href('project', { id: p.id }) }, p.name),
              h('div', { class: 'muted' }, `${money(p.plannedInvestment)}${p.openBlockers ? ` · 待解决 ${p.openBlockers}` : ''}`)))));
        })));
  }

  async function renderTargets(card, team, params, chains) {
    try {
      const [result, existing] = await Promise.all([
        api.teamTargets(team.id, { chain: params.chain, pageSize: 15, paths: 1 }),
        projectsByCompany(),
      ]);
      replace(card,
        h('h2', {}, `${team.regionGroup}的招商目标（前 ${result.items.length} 名，共 ${number(result.total)} 家）`,
          h('a', { class: 'more', href: router.href('targets', { chain: params.chain ?? chains[0]?.code, region: team.regionGroup }) }, '全部目标 →')),
        result.items.length === 0
          ? empty(result.reason ?? '没有招商目标。')
          : h('table', { class: 'data', id: 'team-targets-table' },
            h('thead', {}, h('tr', {}, h('th', { class: 'num' }, '排名'), h('th', {}, '企业'), h('th', {}, '地区'), h('th', {}, '环节'), h('th', { class: 'num' }, '得分'), h('th', {}, '首要理由'), h('th', {}, '项目'))),
            h('tbody', {}, result.items.map((t) => h('tr', { dataset: { id: t.companyId } },
              h('td', { class: 'num' }, t.rank),
              h('td', {}, h('a', { href: router.href('companies', { id: t.companyId }) }, t.name)),
              h('td', { class: 'region' }, t.regionName),
              h('td', {}, t.segment.name),
              h('td', { class: 'num' }, t.score.toFixed(1)),
              h('td', { class: 'small' }, t.reasons[0] ?? '—'),
              h('td', { class: 'launch-cell' }, launchControl(t, existing, { chain: t.segment.chain, segment: t.segment.code, team: team.id })))))));
    } catch (error) {
      replace(card, h('h2', {}, '招商目标'), errorBlock(error));
    }
  }

  async function renderMonth(card, team) {
    const to = today();
    const from = `${to.slice(0, 8)}01`;
    try {
      const result = await api.activities({ team: team.id, from, to, pageSize: 200 });
      replace(card,
        h('h2', {}, `本月活动（${from.slice(0, 7)}，${number(result.total)} 次）`),
        result.items.length === 0
          ? empty('本月还没有记录活动。')
          : h('ol', { class: 'activity-list' }, result.items.map((a) => h('li', { dataset: { id: a.id } },
            h('div', {}, h('strong', {}, a.title ?? a.kindName), h('span', { class: 'muted small' }, ` ${a.date} · ${a.kindName}`)),
            h('div', { class: 'small' }, a.projectId ? h('a', { href: router.href('project', { id: a.projectId }) }, a.company.name) : a.company.name,
              a.peopleMet.length ? ` · 对方：${a.peopleMet.join('、')}` : ''),
            a.notes ? h('div', { class: 'small muted pre' }, a.notes) : null))));
    } catch (error) {
      replace(card, h('h2', {}, '本月活动'), errorBlock(error));
    }
  }

  async function renderNextSteps(card, team) {
    try {
      const result = await api.nextSteps({ team: team.id, days: 7 });
      replace(card,
        h('h2', {}, `待办：到期和逾期的下一步（${number(result.items.length)}）`),
        h('p', { class: 'muted small' }, `截至 ${result.today}（服务器日期），7 天内到期或已逾期；同一项目以最近一次活动的下一步为准。`),
        result.items.length === 0
          ? empty('没有 7 天内到期或逾期的下一步。')
          : h('table', { class: 'data', id: 'team-next-steps-table' },
            h('thead', {}, h('tr', {}, h('th', {}, '项目 / 企业'), h('th', {}, '下一步'), h('th', {}, '期限'), h('th', {}, '状态'))),
            h('tbody', {}, result.items.map((s) => h('tr', { class: s.overdue ? 'overdue' : null, dataset: { id: s.activity.id } },
              h('td', {}, s.activity.projectId
                ? h('a', { href: router.href('project', { id: s.activity.projectId }) }, s.activity.company.name)
                : s.activity.company.name),
              h('td', {}, s.nextStep, h('div', { class: 'muted small' }, `${s.activity.date} ${s.activity.title ?? s.activity.kindName}（${s.activity.by}）`)),
              h('td', { class: 'due' }, s.due),
              h('td', { class: 'status' }, s.overdue ? `逾期 ${number(-s.daysLeft)} 天` : s.daysLeft === 0 ? '今天到期' : `${number(s.daysLeft)} 天后到期`))))));
    } catch (error) {
      replace(card, h('h2', {}, '下一步'), errorBlock(error));
    }
  }

  async function renderBlockers(card, projects) {
    try {
      const withBlockers = projects.filter((p) => p.openBlockers > 0);
      const details = await Promise.all(withBlockers.map((p) => api.project(p.id)));
      const now = today();
      const open = details.flatMap((d) => d.blockers.filter((b) => b.status === 'open').map((b) => ({ ...b, project: d.project, age: daysBetween(b.openedOn, now) })))
        .sort((a, b) => b.age - a.age);
      replace(card,
        h('h2', {}, `未解决的要素保障（${number(open.length)}）`),
        h('p', { class: 'muted small' }, '最久的在前；过了解决期限的标红（按服务器日期）。'),
        open.length === 0
          ? empty('本专班的项目没有未解决的问题。')
          : h('table', { class: 'data', id: 'team-blockers-table' },
            h('thead', {}, h('tr', {}, h('th', {}, '项目'), h('th', {}, '问题'), h('th', {}, '责任单位'), h('th', {}, '期限'), h('th', { class: 'num' }, '已过天数'))),
            h('tbody', {}, open.map((b) => h('tr', { class: b.overdue ? 'overdue' : null, dataset: { id: b.id } },
              h('td', {}, h('a', { href: router.href('project', { id: b.project.id }) }, b.project.name)),
              h('td', {}, `${b.kindName}：${b.description}`),
              h('td', {}, b.owner ?? '未指定'),
              h('td', { class: 'due' }, b.dueOn ? (b.overdue ? `${b.dueOn}（已逾期）` : b.dueOn) : '—'),
              h('td', { class: 'num' }, number(b.age)))))));
    } catch (error) {
      replace(card, h('h2', {}, '要素保障'), errorBlock(error));
    }
  }
}

