// 项目: one project, or the form that creates one from a target (立项).
// #/project?id=12: its facts and edit form, the stage move with the rules of docs/projects.md (a reason to skip,
// go back, terminate or reopen; the amount and date for 签约), the stage history, activities and blockers
// (要素保障). A team member may change only their own team's projects: the page says so and disables the
// controls; a change the service refuses shows the service's own message.
// #/project?new=<companyId>&chain=ZQ&segment=ZQ-HYD&team=csj: the 谋划 form prefilled from the target.

import * as api from '../api.js';
import * as router from '../router.js';
import * as session from '../session.js';
import { h, replace, select, money, number, splitList } from '../dom.js';
import { loading, errorBlock, field, generations, empty } from '../ui.js';
import {
  ACTIVITY_KINDS, BLOCKER_KINDS, CHANNELS, MOVE_KINDS, RULES, readDraft, today, whyReadOnly,
} from '../project-terms.js';

export function mount(root, initial) {
  const page = h('section', { class: 'view-project' });
  replace(root, page);
  const next = generations();
  update(initial);
  return { update };

  function update(params) {
    if (params.id) {
      showProject(params.id);
    } else if (params.new) {
      showNewForm(params);
    } else {
      replace(page, h('div', { class: 'state state-empty' }, '没有指定项目。', h('a', { href: router.href('projects') }, '返回项目列表')));
    }
  }

  // ---- 立项 ----

  async function showNewForm(params) {
    const isLatest = next();
    replace(page, loading('正在准备立项…'));
    try {
      const [home, teams, chains, company, existing] = await Promise.all([
        api.home(), api.teams(), api.listChains(), api.company(params.new), api.projectOfCompany(params.new),
      ]);
      if (!isLatest()) {
        return;
      }
      if (existing) {
        replace(page, h('div', { class: 'state state-pending', id: 'already-project' },
          h('strong', {}, `${company.company?.name ?? existing.company.name}已有项目，不再重复立项。`),
          h('p', {}, h('a', { href: router.href('project', { id: existing.id }), id: 'existing-project-link' }, existing.name),
            `（${existing.stageName} · ${existing.team.name}）`)));
        return;
      }
      const draft = readDraft(params.new);
      const chainCode = params.chain ?? draft?.chain ?? chains[0]?.code;
      const definition = chainCode ? await api.getChain(chainCode) : null;
      renderNewForm({ params, home, teams, chains, company: company.company ?? company, draft, definition });
    } catch (error) {
      if (isLatest()) {
        replace(page, h('h1', {}, '立项'), errorBlock(error, { retry: () => showNewForm(params) }));
      }
    }
  }

  function defaultTeam(teams, draft, params) {
    const me = session.user();
    if (me?.role === 'team-member' && me.team) {
      return me.team;
    }
    if (params.team) {
      return params.team;
    }
    // The team whose region group holds the target's place (a member is a province, city or county code).
    const code = draft?.regionCode ?? '';
    const holds = (member) => code.startsWith(member.code.replace(/(00)+$/, ''));
    return teams.find((t) => t.members.some(holds))?.id ?? '';
  }

  function renderNewForm({ params, home, teams, chains, company, draft, definition }) {
    const blocked = whyReadOnly(null, null);
    const segments = definition?.segments ?? [];
    const problem = h('div', { id: 'project-error' });
    const form = h('form', { class: 'edit-form card', id: 'new-project-form', novalidate: true },
      h('h1', {}, '立项（谋划）'),
      blocked ? h('p', { class: 'state state-pending', id: 'project-readonly' }, blocked) : null,
      h('div', { class: 'field-row' },
        field('企业', h('input', { id: 'new-company', value: company.name, readonly: true }),
          draft?.regionName ? `所在地区：${draft.regionName}` : null),
        field('项目名称', h('input', { id: 'new-name', name: 'name', maxlength: 200, placeholder: `默认：${company.name}${definition?.name ?? ''}项目` }))),
      h('div', { class: 'field-row' },
        field('产业链', select({ id: 'new-chain', name: 'chain', required: true, onchange: (e) => router.setParams({ chain: e.target.value, segment: null }, { replace: true }) },
          chains.map((c) => ({ value: c.code, label: c.name })), definition?.code ?? '')),
        field('环节', select({ id: 'new-segment', name: 'segment' },
          [{ value: '', label: '（不指定）' }, ...segments.map((s) => ({ value: s.code, label: `${s.parent ? '　' : ''}${s.name}` }))],
          params.segment ?? draft?.segment ?? ''))),
      h('div', { class: 'field-row' },
        field('负责专班', select({ id: 'new-team', name: 'team', required: true },
          [{ value: '', label: '请选择专班' }, ...teams.map((t) => ({ value: t.id, label: t.name }))], defaultTeam(teams, draft, params))),
        field('承接单位', select({ id: 'new-unit', name: 'unit', required: true },
          [{ value: '', label: '请选择承接单位' }, ...home.units.map((u) => ({ value: u.code, label: u.name }))], params.unit ?? ''),
        '项目落在哪个县市区或园区')),
      h('div', { class: 'field-row' },
        field('线索来源（渠道）', select({ id: 'new-channel', name: 'channel' }, CHANNELS, 'resident-team')),
        field('渠道说明', h('input', { id: 'new-channel-detail', name: 'channelDetail', maxlength: 200, placeholder: '如 某商会、某招商大使' }))),
      h('div', { class: 'field-row' },
        field('计划投资（万元）', h('input', { id: 'new-investment', name: 'plannedInvestment', type: 'number', min: 0, step: 'any' })),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'new-key', name: 'isKey' }), ' 重点项目')),
      field('立项理由', h('textarea', { id: 'new-notes', name: 'notes', rows: 5, maxlength: 4000 }, (draft?.reasons ?? []).join('\n')),
        draft?.reasons?.length ? '来自招商目标的推荐理由，可修改' : null),
      problem,
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'primary', id: 'new-submit', disabled: Boolean(blocked) }, '立项'),
        h('button', { type: 'button', onclick: () => history.back() }, '取消')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const missing = [['team', '负责专班'], ['unit', '承接单位'], ['chain', '产业链']].filter(([k]) => !data.get(k)).map(([, label]) => label);
      if (missing.length > 0) {
        replace(problem, h('p', { class: 'state state-error', role: 'alert' }, `请选择${missing.join('、')}。`));
        return;
      }
      const button = form.querySelector('#new-submit');
      button.disabled = true;
      try {
        const created = await api.createProject({
          companyId: Number(params.new),
          chain: data.get('chain'),
          segment: data.get('segment') || null,
          team: data.get('team'),
          unit: data.get('unit'),
          channel: data.get('channel'),
          channelDetail: data.get('channelDetail') || null,
          name: data.get('name') || null,
          plannedInvestment: data.get('plannedInvestment') === '' ? null : Number(data.get('plannedInvestment')),
          isKey: form.querySelector('#new-key').checked,
          notes: data.get('notes') || null,
        });
        router.navigate('project', { id: created.project.id }, { replace: true });
      } catch (error) {
        button.disabled = false;
        // Someone else created the company's project meanwhile: the service names it (409), the page links to it.
        replace(problem, errorBlock(error, { explain: `立项没有保存。${RULES[error.rule] ?? ''}` }),
          error.existingProjectId
            ? h('p', {}, h('a', { href: router.href('project', { id: error.existingProjectId }), id: 'existing-project-link' }, '打开已有的项目 →'))
            : null);
      }
    });
    replace(page, h('div', { class: 'scroll-page' }, form));
  }

  // ---- a project ----

  async function showProject(id) {
    const isLatest = next();
    if (!page.querySelector('#project-title')) {
      replace(page, loading('正在读取项目…'));
    }
    try {
      const [detail, home] = await Promise.all([api.project(id), api.home()]);
      if (isLatest()) {
        renderProject(detail, home);
      }
    } catch (error) {
      if (isLatest()) {
        replace(page, h('h1', {}, '项目'), errorBlock(error, { retry: () => showProject(id) }));
      }
    }
  }

  function renderProject(detail, home) {
    const p = detail.project;
    const blocked = whyReadOnly(p.team.code, p.team.name, home.teams);
    const problem = h('div', { id: 'project-error', 'aria-live': 'polite' });
    const reload = () => showProject(p.id);

    /** Runs a change; a refusal is shown with the service's own message and nothing is re-rendered. */
    async function change(button, work, okText) {
      if (button) {
        button.disabled = true;
      }
      replace(problem);
      try {
        await work();
        await showProject(p.id);
        const banner = page.querySelector('#project-error');
        if (banner && okText) {
          replace(banner, h('p', { class: 'state state-ok', role: 'status' }, okText));
        }
      } catch (error) {
        if (button) {
          button.disabled = false;
        }
        replace(problem, errorBlock(error, { explain: `修改没有保存。${RULES[error.rule] ?? ''}`, retry: error.status === 409 ? reload : null }));
        problem.scrollIntoView({ block: 'nearest' });
      }
    }

    const disabledAttrs = { disabled: Boolean(blocked), title: blocked };

    replace(page,
      h('div', { class: 'view-head project-head' },
        h('h1', { id: 'project-title' }, p.isKey ? h('span', { class: 'tag key' }, '重点') : null, p.name),
        h('span', { class: 'stage-badge', id: 'project-stage', dataset: { stage: p.stage } }, p.stageName),
        h('span', { class: 'muted small' }, `${p.stageDate} 起 · 第 ${p.version} 版 · ${p.updatedBy} 更新`),
        h('a', { class: 'view-tools', href: router.href('projects', { team: p.team.code }) }, '‹ 项目列表')),
      blocked ? h('p', { class: 'state state-pending', id: 'project-readonly', role: 'note' }, blocked, ' 以下按钮已停用。') : null,
      problem,
      h('div', { class: 'project-grid' },
        h('div', { class: 'project-col' },
          factsCard(p, home, blocked, change),
          stageCard(detail, blocked, change),
          historyCard(detail)),
        h('div', { class: 'project-col' },
          activityCard(detail, disabledAttrs, change),
          blockerCard(detail, home, disabledAttrs, change))));
  }

  function factsCard(p, home, blocked, change) {
    const card = h('div', { class: 'card', id: 'project-facts' });
    const show = () => replace(card,
      h('div', { class: 'card-head' }, h('h2', {}, '基本信息'),
        h('button', { type: 'button', id: 'edit-project', disabled: Boolean(blocked), title: blocked, onclick: edit }, '编辑')),
      h('dl', { class: 'facts' },
        h('dt', {}, '企业'), h('dd', {}, h('a', { href: router.href('companies', { id: p.company.id }) }, p.company.name)),
        h('dt', {}, '产业链 / 环节'), h('dd', {}, p.chain.name, p.segment ? ` · ${p.segment.name}` : ''),
        h('dt', {}, '负责专班'), h('dd', { id: 'project-team' }, p.team.name),
        h('dt', {}, '承接单位'), h('dd', {}, p.unit.name),
        h('dt', {}, '渠道'), h('dd', {}, p.channelName, p.channelDetail ? `（${p.channelDetail}）` : ''),
        h('dt', {}, '计划投资'), h('dd', { id: 'project-investment', dataset: { value: p.plannedInvestment ?? '' } }, money(p.plannedInvestment),
          p.plannedInvestmentProblem ? h('span', { class: 'state-inline' }, ` ${p.plannedInvestmentProblem}`) : null),
        h('dt', {}, '重点项目'), h('dd', { id: 'project-key' }, p.isKey ? '是' : '否'),
        h('dt', {}, '说明'), h('dd', { class: 'pre' }, p.notes ?? '—'),
        h('dt', {}, '创建'), h('dd', {}, `${new Date(p.createdAt).toLocaleDateString('zh-CN')} · ${p.createdBy}`)));
    const edit = async () => {
      const [teams, chains, definition] = await Promise.all([api.teams(), api.listChains(), api.getChain(p.chain.code)]);
      const form = h('form', { class: 'edit-form', id: 'edit-form', novalidate: true },
        field('项目名称', h('input', { name: 'name', value: p.name, maxlength: 200, required: true })),
        h('div', { class: 'field-row' },
          field('产业链', select({ name: 'chain' }, chains.map((c) => ({ value: c.code, label: c.name })), p.chain.code)),
          field('环节', select({ name: 'segment' }, [{ value: '', label: '（不指定）' }, ...definition.segments.map((s) => ({ value: s.code, label: s.name }))], p.segment?.code ?? ''))),
        h('div', { class: 'field-row' },
          field('负责专班', select({ name: 'team' }, teams.map((t) => ({ value: t.id, label: t.name })), p.team.code)),
          field('承接单位', select({ name: 'unit' }, home.units.map((u) => ({ value: u.code, label: u.name })), p.unit.code))),
        h('div', { class: 'field-row' },
          field('渠道', select({ name: 'channel' }, CHANNELS, p.channel)),
          field('渠道说明', h('input', { name: 'channelDetail', value: p.channelDetail ?? '', maxlength: 200 }))),
        h('div', { class: 'field-row' },
          field('计划投资（万元）', h('input', { name: 'plannedInvestment', id: 'edit-investment', type: 'number', min: 0, step: 'any', value: p.plannedInvestment ?? '' })),
          h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'isKey', id: 'edit-key', checked: p.isKey }), ' 重点项目')),
        field('说明', h('textarea', { name: 'notes', rows: 3, maxlength: 4000 }, p.notes ?? '')),
        h('div', { class: 'form-actions' },
          h('button', { type: 'submit', class: 'primary', id: 'edit-save' }, '保存'),
          h('button', { type: 'button', onclick: show }, '取消')));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const data = new FormData(form);
        const amount = data.get('plannedInvestment');
        change(form.querySelector('#edit-save'), () => api.updateProject(p.id, {
          name: data.get('name'), chain: data.get('chain'), segment: data.get('segment') ?? '', team: data.get('team'), unit: data.get('unit'),
          channel: data.get('channel'), channelDetail: data.get('channelDetail') ?? '', notes: data.get('notes') ?? '',
          plannedInvestment: amount === '' ? null : Number(amount), isKey: form.querySelector('#edit-key').checked, expectedVersion: p.version,
        }), '已保存。');
      });
      replace(card, h('h2', {}, '编辑项目'), form);
      form.querySelector('input[name=name]').focus();
    };
    show();
    return card;
  }

  function stageCard(detail, blocked, change) {
    const p = detail.project;
    const options = detail.transitions;
    const reason = h('textarea', { id: 'stage-reason', name: 'reason', rows: 2, maxlength: 4000 });
    const reasonField = field('理由', reason, '跨阶段、退回、终止和重新启动都要说明理由');
    const amount = h('input', { id: 'stage-amount', name: 'amount', type: 'number', min: 0, step: 'any', value: p.plannedInvestment ?? '' });
    const amountField = field('签约金额（万元）', amount, '签约时填写协议投资额，记为项目的计划投资');
    const chooser = select({ id: 'stage-select', name: 'stage' },
      [{ value: '', label: '选择下一阶段' }, ...options.map((o) => ({ value: o.stage, label: `${o.stageName} · ${MOVE_KINDS[o.kind] ?? o.kind}` }))], '');
    const date = h('input', { id: 'stage-date', name: 'date', type: 'date', value: today(), max: today(), required: true });
    const sync = () => {
      const chosen = options.find((o) => o.stage === chooser.value);
      reasonField.hidden = !chosen?.needsReason;
      reason.required = Boolean(chosen?.needsReason);
      amountField.hidden = chooser.value !== 'signed';
      amount.required = chooser.value === 'signed';
    };
    chooser.addEventListener('change', sync);
    const form = h('form', { class: 'edit-form', id: 'stage-form', novalidate: true },
      h('div', { class: 'field-row' }, field('移到', chooser), field('日期', date, `不早于上次变更（${p.stageDate}）`)),
      amountField, reasonField,
      field('备注', h('textarea', { id: 'stage-note', name: 'note', rows: 2, maxlength: 4000 })),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'stage-submit', disabled: Boolean(blocked), title: blocked }, '变更阶段')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const chosen = options.find((o) => o.stage === chooser.value);
      const local = [];
      if (!chosen) {
        local.push('请选择要移到的阶段。');
      }
      if (chosen?.needsReason && !reason.value.trim()) {
        local.push(`移到「${chosen.stageName}」是${MOVE_KINDS[chosen.kind] ?? '特殊变更'}，请填写理由。`);
      }
      if (chooser.value === 'signed' && amount.value === '') {
        local.push('签约要填写签约金额（万元）。');
      }
      if (!date.value) {
        local.push('请填写日期。');
      }
      const note = form.querySelector('#stage-message');
      if (local.length > 0) {
        replace(note, h('ul', { class: 'state state-error', role: 'alert' }, local.map((t) => h('li', {}, t))));
        return;
      }
      change(form.querySelector('#stage-submit'), async () => {
        const moved = await api.changeStage(p.id, {
          stage: chosen.stage, date: date.value, reason: reason.value.trim() || null, note: form.querySelector('#stage-note').value.trim() || null, expectedVersion: p.version,
        });
        // The signed amount becomes the planned investment, which the results sum for 签约 (docs/projects.md rule 4).
        if (chooser.value === 'signed' && Number(amount.value) !== moved.project.plannedInvestment) {
          await api.updateProject(p.id, { plannedInvestment: Number(amount.value), expectedVersion: moved.project.version });
        }
      }, `已移到${chosen.stageName}。`);
    });
    form.append(h('div', { id: 'stage-message' }));
    sync();
    return h('div', { class: 'card', id: 'project-stage-card' },
      h('h2', {}, '阶段推进'),
      h('ol', { class: 'stage-track' }, ['planning', 'negotiating', 'signed', 'landed', 'started', 'producing', 'effective'].map((s) => {
        const reached = detail.history.some((c) => c.to === s) || p.stage === s;
        return h('li', { class: `${p.stage === s ? 'current' : ''}${reached ? ' reached' : ''}`, dataset: { stage: s } }, STAGE_NAMES[s]);
      })),
      options.length === 0 ? empty('没有可以移到的阶段。') : form);
  }

  function historyCard(detail) {
    return h('div', { class: 'card', id: 'stage-history' },
      h('h2', {}, '阶段历史'),
      h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', {}, '日期'), h('th', {}, '变更'), h('th', {}, '理由 / 备注'), h('th', {}, '操作人'))),
        h('tbody', {}, [...detail.history].reverse().map((c) => h('tr', { dataset: { to: c.to, kind: c.kind } },
          h('td', { class: 'date' }, c.date),
          h('td', {}, c.fromName ? `${c.fromName} → ${c.toName}` : `立项：${c.toName}`, h('div', { class: 'muted small' }, MOVE_KINDS[c.kind] ?? c.kind)),
          h('td', { class: 'small' }, c.reason ? h('div', {}, `理由：${c.reason}`) : null, c.note ? h('div', {}, c.note) : null),
          h('td', { class: 'small' }, c.by))))));
  }

  function activityCard(detail, disabledAttrs, change) {
    const kind = select({ id: 'activity-kind', name: 'kind' }, ACTIVITY_KINDS, 'visit');
    const form = h('form', { class: 'edit-form', id: 'activity-form', novalidate: true },
      h('div', { class: 'field-row' },
        field('类型', kind),
        field('日期', h('input', { id: 'activity-date', name: 'date', type: 'date', value: today(), max: today(), required: true }))),
      field('主题', h('input', { id: 'activity-title', name: 'title', maxlength: 200, placeholder: '如 考察生产线、商谈用地' })),
      field('对方人员', h('input', { id: 'activity-people', name: 'people', maxlength: 2000, placeholder: '姓名 职务，多人用逗号分隔' })),
      field('我方人员', h('input', { id: 'activity-ours', name: 'ours', maxlength: 2000, placeholder: '记录人以外的我方人员，多人用逗号分隔' }),
        '记录人和负责专班自动记下'),
      field('纪要', h('textarea', { id: 'activity-notes', name: 'notes', rows: 3, maxlength: 4000 })),
      h('div', { class: 'field-row' },
        field('下一步', h('input', { id: 'activity-next-step', name: 'nextStep', maxlength: 4000, placeholder: '如 寄送用地方案、约见董事长' })),
        field('下一步期限', h('input', { id: 'activity-next-due', name: 'nextStepDue', type: 'date' }))),
      h('div', { class: 'form-message' }),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'activity-submit', ...disabledAttrs }, '记录活动')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const chosen = ACTIVITY_KINDS.find((k) => k.value === data.get('kind'));
      const title = [chosen.title, data.get('title')?.trim()].filter(Boolean).join('：') || null;
      const nextStep = data.get('nextStep')?.trim() || null;
      const nextStepDue = data.get('nextStepDue') || null;
      if (nextStepDue && !nextStep) {
        replace(form.querySelector('.form-message'), h('p', { class: 'state state-error', role: 'alert' }, '写了期限，请写明下一步要做什么。'));
        return;
      }
      change(form.querySelector('#activity-submit'), () => api.logActivity(detail.project.id, {
        kind: chosen.kind, title, date: data.get('date'), peopleMet: splitList(data.get('people')), ourPeople: splitList(data.get('ours')),
        notes: data.get('notes')?.trim() || null, nextStep, nextStepDue,
      }), '活动已记录。');
    });
    return h('div', { class: 'card', id: 'project-activities' },
      h('h2', {}, `活动（${number(detail.activities.length)}）`),
      form,
      detail.activities.length === 0
        ? empty('还没有活动记录。')
        : h('ol', { class: 'activity-list', id: 'activity-list' }, detail.activities.map((a) => h('li', { dataset: { id: a.id, kind: a.kind } },
          h('div', {}, h('strong', {}, a.title ?? a.kindName), h('span', { class: 'muted small' }, ` ${a.date} · ${a.kindName} · ${a.team.name}`)),
          a.peopleMet.length ? h('div', { class: 'small' }, `对方：${a.peopleMet.join('、')}`) : null,
          a.ourPeople?.length ? h('div', { class: 'small' }, `我方：${a.ourPeople.join('、')}`) : null,
          a.notes ? h('div', { class: 'small pre' }, a.notes) : null,
          a.nextStep ? h('div', { class: 'small next-step' }, h('strong', {}, '下一步：'), a.nextStep, a.nextStepDue ? `（期限 ${a.nextStepDue}）` : '') : null,
          h('div', { class: 'muted small' }, `记录：${a.by}`)))));
  }

  function blockerCard(detail, home, disabledAttrs, change) {
    const id = detail.project.id;
    const form = h('form', { class: 'edit-form', id: 'blocker-form', novalidate: true },
      h('div', { class: 'field-row' },
        field('类别', select({ id: 'blocker-kind', name: 'kind' }, BLOCKER_KINDS, 'land')),
        field('提出日期', h('input', { id: 'blocker-date', name: 'date', type: 'date', value: today(), max: today() })),
        field('解决期限', h('input', { id: 'blocker-due', name: 'dueOn', type: 'date' }))),
      field('问题', h('textarea', { id: 'blocker-description', name: 'description', rows: 2, maxlength: 4000, required: true })),
      field('责任单位', h('input', { id: 'blocker-owner', name: 'owner', list: 'blocker-owners', maxlength: 200, placeholder: '如 随县自然资源局' }),
        null),
      h('datalist', { id: 'blocker-owners' }, home.units.map((u) => h('option', { value: u.name }))),
      h('div', { class: 'form-message' }),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary', id: 'blocker-submit', ...disabledAttrs }, '提出问题')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      if (!data.get('description').trim()) {
        replace(form.querySelector('.form-message'), h('p', { class: 'state state-error', role: 'alert' }, '请写明需要解决的问题。'));
        return;
      }
      change(form.querySelector('#blocker-submit'), () => api.openBlocker(id, {
        kind: data.get('kind'), description: data.get('description').trim(), owner: data.get('owner').trim() || null, date: data.get('date') || null,
        dueOn: data.get('dueOn') || null,
      }), '问题已登记。');
    });
    const open = detail.blockers.filter((b) => b.status === 'open').length;
    return h('div', { class: 'card', id: 'project-blockers' },
      h('h2', {}, `要素保障（未解决 ${open}）`),
      form,
      detail.blockers.length === 0
        ? empty('没有登记要素保障问题。')
        : h('ol', { class: 'blocker-list', id: 'blocker-list' }, detail.blockers.map((b) => blockerItem(id, b, disabledAttrs, change))));
  }

  function blockerItem(projectId, b, disabledAttrs, change) {
    // Overdue is the service's verdict (its date), not the browser's clock.
    const item = h('li', { class: b.overdue ? 'overdue' : null, dataset: { id: b.id, status: b.status } },
      h('div', {}, h('span', { class: `tag ${b.status === 'open' ? 'open' : 'closed'}` }, b.status === 'open' ? '未解决' : '已解决'),
        b.overdue ? h('span', { class: 'tag overdue' }, '已逾期') : null,
        h('strong', {}, b.kindName), ` ${b.description}`),
      h('div', { class: 'muted small' }, `责任单位：${b.owner ?? '未指定'} · ${b.openedOn} 提出（${b.openedBy}）`,
        b.dueOn ? h('span', { class: 'due' }, ` · 期限 ${b.dueOn}`) : '',
        b.closedOn ? ` · ${b.closedOn} 解决（${b.closedBy}）` : ''),
      b.closingNote ? h('div', { class: 'small' }, `解决情况：${b.closingNote}`) : null);
    if (b.status === 'open') {
      const closeForm = h('form', { class: 'inline-form close-form', hidden: true, novalidate: true },
        h('input', { type: 'date', name: 'date', value: today(), min: b.openedOn, max: today(), 'aria-label': '解决日期' }),
        h('input', { name: 'note', placeholder: '怎么解决的', maxlength: 4000, 'aria-label': '解决情况' }),
        h('button', { type: 'submit', class: 'primary small-button confirm-close' }, '确认解决'));
      closeForm.addEventListener('submit', (e) => {
        e.preventDefault();
        const data = new FormData(closeForm);
        change(closeForm.querySelector('button'), () => api.closeBlocker(projectId, b.id, { date: data.get('date'), note: data.get('note').trim() || null }), '问题已关闭。');
      });
      item.append(h('button', {
        type: 'button', class: 'small-button close-blocker', ...disabledAttrs,
        onclick: (e) => {
          closeForm.hidden = false;
          e.currentTarget.hidden = true;
          closeForm.querySelector('input[name=note]').focus();
        },
      }, '关闭问题'), closeForm);
    }
    return item;
  }
}

const STAGE_NAMES = {
  planning: '谋划', negotiating: '洽谈', signed: '签约', landed: '落地', started: '开工', producing: '投产', effective: '达效',
};
