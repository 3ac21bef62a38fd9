// The region selector shared by the views: all of China, a resident-team region group (长三角 …),
// a province and then one of its cities, or any division found by name (Simplified or Traditional).
// The value is what goes into the URL: '' (全国), a group's name, or a division's code.

import * as api from './api.js';
import { h, select } from './dom.js';

let listCounter = 0;

/** An element with the selectors; onChange(value) fires when the person picks another region. */
export function regionPicker({ value = '', onChange }) {
  const root = h('div', { class: 'region-picker', role: 'group', 'aria-label': '地区' });
  const listId = `region-options-${++listCounter}`;
  const note = h('small', { class: 'field-hint', 'aria-live': 'polite' });
  let found = [];

  const search = h('input', {
    type: 'search', class: 'region-search', placeholder: '搜索省市县…', list: listId, 'aria-label': '搜索地区',
  });
  const options = h('datalist', { id: listId });
  let timer = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    const q = search.value.trim();
    const chosen = found.find((r) => r.fullName === q);
    if (chosen) {
      search.value = '';
      onChange(chosen.code);
      return;
    }
    if (q.length === 0) {
      return;
    }
    timer = setTimeout(async () => {
      try {
        found = await api.searchRegions(q, 15);
        options.replaceChildren(...found.map((r) => h('option', { value: r.fullName })));
        note.textContent = found.length === 0 ? `没有名为“${q}”的地区` : '';
      } catch (error) {
        note.textContent = error.message;
      }
    }, 200);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const q = search.value.trim();
      const chosen = found.find((r) => r.fullName === q || r.name === q) ?? (found.length === 1 ? found[0] : null);
      if (chosen) {
        search.value = '';
        onChange(chosen.code);
      }
    }
  });

  root.append(h('span', { class: 'state-inline' }, '加载地区…'));
  build().catch((error) => root.replaceChildren(h('span', { class: 'problem-detail' }, `地区列表加载失败：${error.message}`)));
  return root;

  async function build() {
    const [groups, provinces] = await Promise.all([api.regionGroups(), api.provinces()]);
    let area = null;
    try {
      area = await api.resolveRegion(value);
    } catch {
      // An unknown region in a hand-written URL: the view reports it; the picker shows 全国.
    }
    const provinceCode = area?.kind === 'division' ? area.lineage[0].code : null;
    const top = select({ class: 'region-top', 'aria-label': '区域或省份', onchange: (e) => onChange(e.target.value) }, [
      { value: '', label: '全国' },
      { group: '驻点区域', options: groups.map((g) => ({ value: g.name, label: g.name })) },
      { group: '省份', options: provinces.map((p) => ({ value: p.code, label: p.name })) },
    ], area?.kind === 'group' ? area.value : provinceCode ?? '');
    const parts = [top];
    if (provinceCode) {
      const province = await api.region(provinceCode);
      const cityCode = area.lineage[1]?.code ?? provinceCode;
      parts.push(select({ class: 'region-city', 'aria-label': '城市', onchange: (e) => onChange(e.target.value) }, [
        { value: provinceCode, label: `全省（${province.name}）` },
        ...province.children.map((c) => ({ value: c.code, label: c.name })),
      ], cityCode));
      if (area.lineage.length > 2) {
        parts.push(h('span', { class: 'region-current' }, area.label));
      }
    }
    root.replaceChildren(...parts, search, options, note);
  }
}
