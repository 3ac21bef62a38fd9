// How the chain map colours its segments. A scheme is { title, classes: [{ key, label, fill, text }],
// classify(segment) → key }; the chart and the legend only read the scheme.

/** How many home-region companies a segment has (GET /api/chains/{code}/map): used when no rating is known. */
export const presence = {
  title: '本地企业数',
  classes: [
    { key: 'none', label: '无本地企业', fill: '#dde3ea', text: '#3b4451', border: '#b8c0cc' },
    { key: 'few', label: '1–2 家', fill: '#cfe3f7', text: '#17324d', border: '#8db6df' },
    { key: 'some', label: '3–9 家', fill: '#6fa8dc', text: '#0c2238', border: '#4a8ac7' },
    { key: 'many', label: '10 家及以上', fill: '#1f5f9e', text: '#ffffff', border: '#123d68' },
  ],
  classify(segment) {
    const n = segment.localCompanies ?? 0;
    if (n === 0) {
      return 'none';
    }
    if (n <= 2) {
      return 'few';
    }
    return n < 10 ? 'some' : 'many';
  },
};

/**
 * The investment map's gap rating per segment (segment.rating: strong | potential | weak | missing),
 * labelled as the service labels them (ratingLabel: 优势 / 潜力 / 薄弱 / 空白).
 */
export const gap = {
  title: '缺口评级',
  classes: [
    { key: 'strong', label: '优势', fill: '#2f9e44', text: '#ffffff', border: '#237032' },
    { key: 'potential', label: '潜力', fill: '#a9d18e', text: '#1d3311', border: '#7fb35e' },
    { key: 'weak', label: '薄弱', fill: '#f59f00', text: '#2b1d00', border: '#c47f00' },
    { key: 'missing', label: '空白', fill: '#e03131', text: '#ffffff', border: '#a61e1e' },
  ],
  classify(segment) {
    return segment.rating ?? 'missing';
  },
};

/** The scheme for a chain map: gap ratings when the map carries them, else local presence. */
export function schemeFor(map) {
  const rated = map.tiers.some((t) => t.segments.some((s) => s.rating));
  return rated ? gap : presence;
}

export function classOf(scheme, segment) {
  const key = scheme.classify(segment);
  return scheme.classes.find((c) => c.key === key) ?? scheme.classes[0];
}
