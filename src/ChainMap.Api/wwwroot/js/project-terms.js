// The project vocabulary of docs/projects.md in Chinese, and the 立项 control that turns a target into
// a project (谋划) or, when the company already has one, links to it.

import * as api from './api.js';
import * as router from './router.js';
import * as session from './session.js';
import { h } from './dom.js';

/** The lifecycle in order (docs/projects.md), then 终止. */
export const STAGES = [
  { value: 'planning', label: '谋划' },
  { value: 'negotiating', label: '洽谈' },
  { value: 'signed', label: '签约' },
  { value: 'landed', label: '落地' },
  { value: 'started', label: '开工' },
  { value: 'producing', label: '投产' },
  { value: 'effective', label: '达效' },
  { value: 'terminated', label: '终止' },
];

export const ORDERED_STAGES = STAGES.filter((s) => s.value !== 'terminated');

export function stageLabel(stage) {
  return STAGES.find((s) => s.value === stage)?.label ?? stage;
}

/** Stages at or past 签约 (a signed project counts as signed investment while it is in one of them). */
export const SIGNED_OR_LATER = ['signed', 'landed', 'started', 'producing', 'effective'];

/** What each kind of move is called and what it needs (ADR 0040). */
export const MOVE_KINDS = {
  forward: '推进一步',
  skip: '跨阶段推进（需说明理由）',
  backward: '退回（需说明理由）',
  terminate: '终止（需说明理由）',
  reopen: '重新启动（需说明理由）',
  created: '立项',
};

/** The rules of a refused stage change (409 rule) in words. */
export const RULES = {
  'same-stage': '项目已经在这个阶段，这不是一次变更。',
  'date-before-previous': '变更日期不能早于上一次阶段变更的日期。',
  'skip-needs-reason': '跨阶段推进需要说明理由。',
  'backward-needs-reason': '退回到前面的阶段需要说明理由。',
  'terminate-needs-reason': '终止项目需要说明理由。',
  'reopen-needs-reason': '重新启动已终止的项目需要说明理由。',
  'version-conflict': '有人刚刚修改了这个项目；请点「重试」读取最新内容后再改。',
  'company-has-open-project': '这家企业已有未终止的项目，一家企业同时只能有一个项目。',
};

export const CHANNELS = [
  { value: 'resident-team', label: '驻点专班' },
  { value: 'relatives', label: '亲友' },
  { value: 'hometown', label: '老乡' },
  { value: 'chamber', label: '商会' },
  { value: 'association', label: '行业协会' },
  { value: 'alumni', label: '校友' },
  { value: 'business-referral', label: '以商招商' },
  { value: 'ambassador', label: '招商大使' },
  { value: 'other', label: '其他' },
];

/**
 * The activities a team logs. The service knows four kinds (visit, call, meeting, event); 推介会 is an
 * event and 来访 (the company visits us) a meeting, each with its name as the title.
 */
export const ACTIVITY_KINDS = [
  { value: 'visit', label: '走访', kind: 'visit', title: null },
  { value: 'call', label: '电话', kind: 'call', title: null },
  { value: 'meeting', label: '会议', kind: 'meeting', title: null },
  { value: 'promotion', label: '推介会', kind: 'event', title: '推介会' },
  { value: 'incoming', label: '来访', kind: 'meeting', title: '来访' },
];

export const BLOCKER_KINDS = [
  { value: 'land', label: '用地' },
  { value: 'energy', label: '能耗' },
  { value: 'financing', label: '融资' },
  { value: 'permits', label: '审批' },
  { value: 'other', label: '其他' },
];

/** Today in the browser's time zone as yyyy-MM-dd. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Whole days from yyyy-MM-dd a to b. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

/**
 * Why the signed-in user may not change a project of team teamCode, or null when they may
 * (admins change any project, team members their own team's: docs/access.md). teams: [{ id, name }] to name the user's team.
 */
export function whyReadOnly(teamCode, teamName, teams = []) {
  const me = session.user();
  if (!session.can.changeProjects()) {
    return `只有驻点专班成员和管理员可以修改项目，你当前的角色不能修改。`;
  }
  if (me?.role === 'team-member' && teamCode && me.team !== teamCode) {
    const own = teams.find((t) => t.id === me.team)?.name ?? me.team ?? '未指定专班';
    return `此项目属于「${teamName ?? teamCode}」；你只能修改本专班（${own}）的项目。`;
  }
  return null;
}

/** The projects of these filters by company id, to show 已立项 next to a target. */
export async function projectsByCompany() {
  try {
    const items = await api.allProjects();
    return new Map(items.map((p) => [p.company.id, p]));
  } catch {
    // The list still shows; 立项 asks the service for the company's project before it creates one.
    return null;
  }
}

const DRAFT = 'chainmap.projectDraft';

/** The target a 立项 started from (its reasons become the rationale): kept for the tab only. */
export function readDraft(companyId) {
  try {
    const draft = JSON.parse(sessionStorage.getItem(DRAFT) ?? 'null');
    return draft && String(draft.companyId) === String(companyId) ? draft : null;
  } catch {
    return null;
  }
}

/**
 * The 立项 cell of a target: a link to the company's project when it has one (existing: Map companyId →
 * project), otherwise a 立项 button that opens the prefilled project form. context: { chain, segment,
 * team, region } of the list the target is in.
 */
export function launchControl(target, existing, context) {
  const known = existing?.get(target.companyId);
  if (known) {
    return h('a', { class: 'project-link', href: router.href('project', { id: known.id }), title: `${known.name}（${known.team.name}）` },
      `已立项 · ${known.stageName}`);
  }
  const blocked = session.can.changeProjects() ? null : '只有驻点专班成员和管理员可以立项';
  return h('button', {
    type: 'button', class: 'small-button launch', dataset: { company: target.companyId }, disabled: Boolean(blocked), title: blocked ?? `为${target.name}立项（谋划）`,
    onclick: async (e) => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        const chain = target.segment?.chain ?? context.chain;
        // Another user may have started one since the list was read.
        const current = await api.projectOfCompany(target.companyId);
        if (current) {
          router.navigate('project', { id: current.id });
          return;
        }
        sessionStorage.setItem(DRAFT, JSON.stringify({
          companyId: target.companyId, companyName: target.name, regionCode: target.regionCode, regionName: target.regionName,
          chain, segment: target.segment?.code ?? context.segment ?? null, reasons: target.reasons ?? [],
        }));
        router.navigate('project', { new: target.companyId, chain, segment: target.segment?.code ?? context.segment, team: context.team });
      } catch (error) {
        button.disabled = false;
        button.title = error.message;
        button.textContent = '立项（重试）';
      }
    },
  }, '立项');
}
