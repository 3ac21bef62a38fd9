// 项目: the pipeline of investment projects through their lifecycle, and each team's results.
// The projects API (/api/projects, /api/results) arrives in round 2; until then the view shows the
// lifecycle stages it will fill. Route: #/projects?team=csj

import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { pending } from '../ui.js';

export const STAGES = ['谋划', '洽谈', '签约', '落地', '开工', '投产', '达效'];

export function mount(root) {
  const page = h('section', { class: 'view-projects' });
  replace(root, page);
  replace(page,
    h('div', { class: 'toolbar' }, h('h1', {}, '项目')),
    api.features.projects ? null : pending('项目全周期跟踪（谋划 → 洽谈 → 签约 → 落地 → 开工 → 投产 → 达效）与各专班实绩将在项目接口上线后显示。'),
    h('div', { class: 'pipeline' }, STAGES.map((stage) =>
      h('div', { class: 'stage' }, h('h3', {}, stage), h('p', { class: 'muted small' }, '暂无项目')))));
  return {};
}
