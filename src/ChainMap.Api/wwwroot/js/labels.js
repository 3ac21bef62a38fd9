// Chinese labels for the service's wire values.

export const TIERS = [
  { value: 'upstream', label: '上游' },
  { value: 'midstream', label: '中游' },
  { value: 'downstream', label: '下游' },
];

export function tierLabel(tier) {
  return TIERS.find((t) => t.value === tier)?.label ?? tier;
}

export const ROLES = {
  admin: '管理员',
  analyst: '分析员',
  'team-member': '驻点专班成员',
  planner: '规划人员',
  viewer: '只读用户',
};

export const CATEGORIES = {
  leading: '主导产业',
  'high-value-add': '高附加值产业',
  other: '其他',
};
