// 企业: search companies by name (Simplified or Traditional), chain and region; a click shows one
// company with its segments and relations. Route: #/companies?q=液压&chain=ZQ&region=320000&page=2&id=17

import * as api from '../api.js';
import * as router from '../router.js';
import * as session from '../session.js';
import { mergePanel } from './company-merge.js';
import { h, replace, select, money, number } from '../dom.js';
import { regionPicker } from '../region-picker.js';
import { loading, empty, errorBlock, pager, generations } from '../ui.js';
import { provenanceList, editControls } from './company-edit.js';

const RELATION_KINDS = { supplies: '供货给', 'invests-in': '投资', controls: '控股' };

export function mount(root, initial) {
  const page = h('section', { class: 'view-companies' });
  replace(root, page);
  const nextList = generations();
  const nextDetail = generations();
  let params = {};
  const toolbar = h('div', { class: 'toolbar' });
  const table = h('div', { class: 'table-area' });
  const side = h('aside', { class: 'side-panel', 'aria-live': 'polite' });
  page.append(toolbar, h('div', { class: 'split' }, table, side));

  update(initial);
  return { update };

  async function update(next) {
    const previous = params;
    params = next;
    const filtersChanged = ['q', 'chain', 'region', 'page'].some((k) => previous[k] !== next[k]);
    try {
      const chains = await api.listChains();
      if (filtersChanged || !table.hasChildNodes()) {
        renderToolbar(chains);
        renderList(chains);
      }
      renderDetail(chains);
    } catch (error) {
      replace(table, errorBlock(error, { retry: () => update(params) }));
    }
  }

  function renderToolbar(chains) {
    const q = h('input', { type: 'search', id: 'company-q', value: params.q ?? '', placeholder: '企业名称（简繁均可）', 'aria-label': '企业名称' });
    const form = h('form', { class: 'inline-form', onsubmit: (e) => { e.preventDefault(); router.setParams({ q: q.value.trim() || null, id: null }); } },
      q, h('button', { type: 'submit', class: 'primary' }, '搜索'));
    replace(toolbar,
      h('h1', {}, '企业'),
      form,
      h('label', { class: 'inline-field' }, '产业链',
        select({ id: 'chain-select', onchange: (e) => router.setParams({ chain: e.target.value || null, id: null }) },
          [{ value: '', label: '全部产业链' }, ...chains.map((c) => ({ value: c.code, label: c.name }))], params.chain ?? '')),
      h('div', { class: 'inline-field' }, h('span', {}, '地区'),
        regionPicker({ value: params.region ?? '', onChange: (region) => router.setParams({ region, id: null }) })));
  }

  async function renderList(chains) {
    const isLatest = nextList();
    const pageNumber = Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
    replace(table, loading('正在搜索企业…'));
    try {
      const result = await api.companies({ q: params.q, chain: params.chain, region: params.region, page: pageNumber, pageSize: 20 });
      if (!isLatest()) {
        return;
      }
      if (result.items.length === 0) {
        replace(table, empty(params.q ? `没有名称包含“${params.q}”的企业。` : '没有符合条件的企业。'));
        return;
      }
      const names = await segmentNames(chains);
      replace(table,
        h('p', { class: 'muted' }, `共 ${number(result.total)} 家，按企业实力排序`),
        h('table', { class: 'data', id: 'companies-table' },
          h('thead', {}, h('tr', {},
            h('th', {}, '企业名称'), h('th', {}, '所在地区'), h('th', {}, '环节'), h('th', { class: 'num' }, '注册资本'),
            h('th', {}, '成立'), h('th', { class: 'num' }, '员工'), h('th', {}, '标签'))),
          h('tbody', {}, result.items.map((c) => h('tr', { dataset: { id: c.id }, class: String(c.id) === params.id ? 'selected' : null },
            h('td', {}, h('a', { href: router.href('companies', { ...params, id: c.id }) }, c.name)),
            h('td', { class: 'region' }, c.regionName),
            h('td', {}, c.segments.map((s) => names.get(s.segment) ?? s.segment).join('、')),
            h('td', { class: 'num' }, money(c.registeredCapital)),
            h('td', { class: 'date' }, c.founded ?? '—'),
            h('td', { class: 'num' }, number(c.employees)),
            h('td', {}, c.tags.map((t) => h('span', { class: 'tag' }, t))))))),
        h('div', { class: 'table-foot' }, pager(result, (p) => router.setParams({ page: p, id: null }))));
    } catch (error) {
      if (isLatest()) {
        replace(table, errorBlock(error, { retry: () => renderList(chains) }));
      }
    }
  }

  async function renderDetail(chains) {
    const isLatest = nextDetail();
    for (const row of table.querySelectorAll('tr[data-id]')) {
      row.classList.toggle('selected', row.dataset.id === params.id);
    }
    if (!params.id) {
      replace(side, h('p', { class: 'state state-empty' }, '点击企业名称查看详情。'));
      return;
    }
    replace(side, loading());
    try {
      const { company: c, relations, provenance } = await api.company(params.id);
      const names = await segmentNames(chains);
      const others = [...new Set(relations.map((r) => (r.from === c.id ? r.to : r.from)))].slice(0, 10);
      const related = new Map(await Promise.all(others.map(async (id) => [id, (await api.company(id).catch(() => null))?.company?.name ?? `#${id}`])));
      if (!isLatest()) {
        return;
      }
      replace(side,
        h('div', { class: 'panel-head' }, h('h2', {}, c.name),
          h('a', { class: 'link close', 'aria-label': '关闭', href: router.href('companies', { ...params, id: null }) }, '×')),
        h('dl', { class: 'facts' },
          fact('统一社会信用代码', c.uscc ?? '—'),
          fact('所在地区', c.regionName),
          fact('注册资本', money(c.registeredCapital)),
          fact('营业收入', money(c.revenue)),
          fact('员工', number(c.employees)),
          fact('成立日期', c.founded ?? '—'),
          fact('股票代码', c.listedCode ?? '—'),
          fact('主营产品', c.products ?? '—'),
          fact('标签', c.tags.length ? c.tags.join('、') : '—'),
          fact('版本', String(c.version))),
        editControls(c, {
          onSaved: () => { renderList(chains); renderDetail(chains); },
          onDeleted: () => { renderList(chains); router.setParams({ id: null }); },
          onReload: () => renderDetail(chains),
        }),
        h('h3', {}, '所属环节'),
        c.segments.length === 0 ? empty('未归入任何环节。') : h('ul', { id: 'company-segments' }, c.segments.map((s) =>
          h('li', { class: `membership ${s.status === 'unconfirmed' ? 'unconfirmed' : 'confirmed'}`, 'data-segment': s.segment },
            names.get(s.segment) ?? s.segment,
            s.status === 'unconfirmed'
              ? h('span', { class: 'tag unconfirmed', title: '分类器把握不足：不计入缺口评级和招商目标，待分析员确认' }, '待确认')
              : h('span', { class: 'tag confirmed' }, '已确认'),
            h('span', { class: 'muted' }, ` 置信度 ${Math.round(s.confidence * 100)}%`),
            reviewButton(c, s, names),
            curateControls(c, s, names),
            s.evidence ? h('div', { class: 'small muted evidence' }, `依据：${s.evidence}`) : null))),
        addMembershipForm(c),
        h('h3', {}, '关联关系'),
        relations.length === 0 ? empty('没有记录的供货、投资或控股关系。') : h('ul', {}, relations.map((r) => {
          const other = r.from === c.id ? r.to : r.from;
          const label = RELATION_KINDS[r.kind] ?? r.kind;
          const link = h('a', { href: router.href('companies', { ...params, id: other }) }, related.get(other) ?? `#${other}`);
          return h('li', {}, r.from === c.id ? [`${label} `, link] : [link, ` ${label}本企业`],
            r.note ? h('span', { class: 'muted' }, `（${r.note}）`) : null);
        })),
        h('h3', {}, '数据来源'),
        provenanceList(provenance),
        mergePanel(c, (kept) => router.setParams({ id: kept })));
    } catch (error) {
      if (isLatest()) {
        replace(side, errorBlock(error));
      }
    }
  }

  /**
   * For users who may change data (admins, analysts): 确认 on a 待确认 membership, 撤销确认 on a confirmed
   * one the classifier or an analyst made (not one from a file's segment column). The service checks the role too.
   */
  function reviewButton(c, s, names) {
    if (!session.can.editChains()) {
      return null;
    }
    const unconfirmed = s.status === 'unconfirmed';
    if (!unconfirmed && !(s.source === 'analyst' || (s.source ?? '').startsWith('classifier:'))) {
      return null;
    }
    const label = names.get(s.segment) ?? s.segment;
    return h('button', {
      type: 'button',
      class: `small-button ${unconfirmed ? 'confirm-membership' : 'unconfirm-membership'}`,
      'aria-label': `${unconfirmed ? '确认' : '撤销确认'}：${label}`,
      onclick: async (e) => {
        const button = e.currentTarget;
        button.disabled = true;
        try {
          await api.setMembershipStatus(c.id, s.segment, unconfirmed ? 'confirmed' : 'unconfirmed');
          await renderDetail(await api.listChains());
          side.querySelector(`#company-segments li.membership[data-segment="${CSS.escape(s.segment)}"] button`)?.focus();
        } catch (error) {
          button.disabled = false;
          button.after(h('span', { class: 'state-error small', role: 'alert' }, ` ${error.message ?? '操作失败'}`));
        }
      },
    }, unconfirmed ? '确认' : '撤销确认');
  }

  /** For analysts and admins: 驳回 (remove; no import brings it back) and 移至 (move to another segment) on one membership. */
  function curateControls(c, s, names) {
    if (!session.can.editChains()) {
      return null;
    }
    const label = names.get(s.segment) ?? s.segment;
    // A chain-level membership (环节待定, ADR 0370) is given one of its chain's segments, the suggested ones (ADR 0405) first and
    // one click each; any other moves by code or name.
    const pending = names.pending.get(s.segment);
    const suggested = pending ? (s.suggestedSegments ?? []).map((code) => pending.find((p) => p.code === code)).filter(Boolean) : [];
    const target = pending
      ? h('select', { class: 'move-to small give-segment', 'aria-label': `选择环节：${label}` },
        [...suggested, ...pending.filter((p) => !suggested.includes(p))].map((p) => h('option', { value: p.code }, p.name)))
      : h('input', { type: 'text', class: 'move-to small', placeholder: '移至环节', 'aria-label': `移至环节：${label}` });
    const give = (e, code) => run(e, () => api.reviewMemberships([{ companyId: c.id, segment: s.segment, action: 'move', toSegment: code, version: c.version }]));
    const run = async (e, work) => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        await work();
        await renderDetail(await api.listChains());
      } catch (error) {
        button.disabled = false;
        button.after(h('span', { class: 'state-error small', role: 'alert' }, ` ${error.message ?? '操作失败'}`));
      }
    };
    return h('span', { class: 'curate' },
      suggested.map((p) => h('button', { type: 'button', class: 'small-button give-suggested', 'data-segment': p.code, 'aria-label': `定环节：${p.name}`,
        title: '分类器依据所指的环节', onclick: (e) => give(e, p.code) }, `定环节 → ${p.name}`)),
      h('button', { type: 'button', class: 'small-button reject-membership', 'aria-label': `驳回：${label}`,
        onclick: (e) => run(e, () => api.removeMembership(c.id, s.segment, c.version)) }, '驳回'),
      target,
      h('button', { type: 'button', class: 'small-button move-membership', 'aria-label': `移动：${label}`,
        onclick: (e) => give(e, target.value.trim()) },
      pending ? '定环节' : '移动'));
  }

  /** For analysts and admins: add the company to a segment with a role. */
  function addMembershipForm(c) {
    if (!session.can.editChains()) {
      return null;
    }
    const segment = h('input', { type: 'text', id: 'add-membership-segment', placeholder: '环节代码或名称', 'aria-label': '新增环节' });
    const role = h('input', { type: 'text', id: 'add-membership-role', placeholder: '角色（可选）', 'aria-label': '角色' });
    const message = h('span', { class: 'small', role: 'status' });
    return h('form', { class: 'inline-form add-membership', onsubmit: async (e) => {
      e.preventDefault();
      try {
        await api.addMembership(c.id, segment.value.trim(), role.value.trim() || null, c.version);
        await renderDetail(await api.listChains());
      } catch (error) {
        message.textContent = error.message ?? '操作失败';
      }
    } }, segment, role, h('button', { type: 'submit', class: 'small-button' }, '新增环节'), message);
  }
}

function fact(label, value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

/**
 * Segment code → "链 · 环节" for every chain, and chain code → "链 · 环节待定" for a chain-level membership (ADR 0370);
 * names.pending holds each chain's segments (code, name) to give such a membership one.
 */
async function segmentNames(chains) {
  const names = new Map();
  names.pending = new Map();
  const maps = await Promise.all(chains.map((c) => api.getChainMap(c.code)));
  for (const map of maps) {
    names.set(map.code, `${map.name} · 环节待定`);
    const segments = [];
    for (const t of map.tiers) {
      for (const s of t.segments) {
        names.set(s.code, `${map.name} · ${s.name}`);
        segments.push({ code: s.code, name: s.name });
      }
    }
    names.pending.set(map.code, segments);
  }
  return names;
}
