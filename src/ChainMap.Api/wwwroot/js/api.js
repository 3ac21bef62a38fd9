// Every call the page makes to the service goes through this module: the views never build URLs.
// Round 2 switches the data sources here (targets, investment map, exports, imports, projects)
// without touching the views: each function returns the shape the views already use.

import * as session from './session.js';

/** A failed call, from an RFC 9457 problem (title, detail, errors) or from the network. */
export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(problem?.detail || problem?.title || fallback || `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title ?? null;
    this.detail = problem?.detail ?? null;
    /** Field → messages, from a validation problem. */
    this.errors = problem?.errors ?? null;
  }
}

/**
 * Which parts of the service exist yet. The views read these flags to decide between the real
 * thing and a note saying what is still missing; round 2 turns them on as the endpoints land.
 */
export const features = {
  /** /api/targets: ranked targets with reasons and introduction paths (round 1 ranks /api/companies). */
  targets: false,
  /** /api/chains/{code}/investment-map: gap ratings per segment (round 1 colours by local presence). */
  investmentMap: false,
  /** /api/chains/{code}/export and /api/targets/export. */
  exports: false,
  /** /api/imports. */
  imports: false,
  /** /api/projects and /api/results. */
  projects: false,
};

let unauthorized = () => {};

/** What to do when the service rejects the session's key (app.js: back to the sign-in screen). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== null && v !== undefined && v !== '') {
      params.set(k, String(v));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(method, path, { query, body, key } = {}) {
  const token = key ?? session.apiKey();
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, null, `无法连接到服务（${error.message}）`);
  }
  if (response.ok) {
    return response;
  }
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // Not a problem document: the status alone says what happened.
  }
  const error = new ApiError(response.status, problem);
  if (response.status === 401 && key === undefined) {
    session.signOut();
    unauthorized(error);
  }
  throw error;
}

async function json(method, path, options) {
  const response = await send(method, path, options);
  return response.status === 204 ? null : response.json();
}

const get = (path, query) => json('GET', path, { query });

// A few reference lists change rarely; they are kept for the page's lifetime (chains until edited).
const cache = new Map();
function cached(key, load) {
  if (!cache.has(key)) {
    const promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return cache.get(key);
}

function forgetChain() {
  for (const key of [...cache.keys()]) {
    if (key.startsWith('chain')) {
      cache.delete(key);
    }
  }
}

const enc = encodeURIComponent;

// ---- access ----

/** GET /api/me with a key that is not yet the session's (sign-in). */
export function me(key) {
  return json('GET', '/api/me', { key });
}

/** Admins: [{ id, name, role, team, createdAt }] */
export function listUsers() {
  return get('/api/users');
}

/** Admins: → { user, key, token }; the token is shown only in this answer. */
export function createUser({ name, role, team }) {
  return json('POST', '/api/users', { body: { name, role, team } });
}

/** Admins: [{ id, userId, label, createdAt, revokedAt }] */
export function listKeys() {
  return get('/api/keys');
}

/** Admins: → { key, token } */
export function createKey({ userId, label }) {
  return json('POST', '/api/keys', { body: { userId, label } });
}

export function revokeKey(id) {
  return json('DELETE', `/api/keys/${enc(id)}`);
}

/** Admins: the latest changes, newest first: [{ id, at, userId, userName, method, path, status }] */
export function listAudit(limit = 50) {
  return get('/api/audit', { limit });
}

// ---- chains ----

/** [{ code, name, category, description }] */
export function listChains() {
  return cached('chains', () => get('/api/chains'));
}

/** The chain definition: { code, name, category, description, segments: [...], flows: [...] }. */
export function getChain(code) {
  return get(`/api/chains/${enc(code)}`);
}

/**
 * The chain map the map view draws: { code, name, homeRegion, homeName, tiers: [{ tier, label,
 * segments: [{ code, name, parent, localCompanies, localRegisteredCapital, rating }] }], flows }.
 * Round 1: rating is null (colour by local presence). Round 2: merge the investment map's gap
 * rating (优势/潜力/薄弱/空白) and action (强链/补链/延链) per segment here when features.investmentMap.
 */
export function getChainMap(code) {
  return cached(`chain-map:${code}`, async () => {
    const map = await get(`/api/chains/${enc(code)}/map`);
    for (const tier of map.tiers) {
      for (const segment of tier.segments) {
        segment.rating = null;
        segment.action = null;
      }
    }
    return map;
  });
}

/** PUT /api/chains/{code}: the whole definition (segments and flows). */
export async function saveChain(code, definition) {
  const saved = await json('PUT', `/api/chains/${enc(code)}`, { body: definition });
  forgetChain();
  return saved;
}

export async function addSegment(code, segment) {
  const saved = await json('POST', `/api/chains/${enc(code)}/segments`, { body: segment });
  forgetChain();
  return saved;
}

export async function updateSegment(code, segmentCode, segment) {
  const saved = await json('PUT', `/api/chains/${enc(code)}/segments/${enc(segmentCode)}`, { body: segment });
  forgetChain();
  return saved;
}

// ---- regions ----

/** The home region: { code, name, units, teams }. */
export function home() {
  return cached('home', () => get('/api/home'));
}

/** [{ name, alias, members: [{ code, name, level, parentCode, fullName }] }] */
export function regionGroups() {
  return cached('region-groups', () => get('/api/region-groups'));
}

export function provinces() {
  return cached('provinces', () => get('/api/regions', { level: 'province', limit: 100 }));
}

/** { code, name, level, fullName, lineage, children } by code or unambiguous name. */
export function region(codeOrName) {
  return cached(`region:${codeOrName}`, () => get(`/api/regions/${enc(codeOrName)}`));
}

export function searchRegions(q, limit = 20) {
  return get('/api/regions', { q, limit });
}

/**
 * What a region parameter of the URL means: '' is all of China, a region group's name (长三角),
 * or a division's code or name. → { kind: 'all'|'group'|'division', value, label, level, parts }
 * where parts are the next level down (group members, a province's cities, a city's counties).
 */
export async function resolveRegion(value) {
  if (!value) {
    return { kind: 'all', value: '', label: '全国', level: null, parts: await provinces() };
  }
  const groups = await regionGroups();
  const group = groups.find((g) => g.name === value || g.alias === value);
  if (group) {
    return { kind: 'group', value: group.name, label: group.name, level: null, parts: group.members };
  }
  const division = await region(value);
  return {
    kind: 'division', value: division.code, label: division.fullName, level: division.level,
    lineage: division.lineage, parts: division.children.length > 0 ? division.children : [division],
  };
}

// ---- companies ----

/** { items: [company], page, pageSize, total } */
export function companies({ q, chain, segment, region, page = 1, pageSize = 20 } = {}) {
  return get('/api/companies', { q, chain, segment, region, page, pageSize });
}

/** { company, relations } */
export function company(id) {
  return get(`/api/companies/${enc(id)}`);
}

// ---- targets ----

/**
 * Ranked targets for a chain in a region: { items: [row], page, pageSize, total, ranking } where a
 * row is { id, name, regionCode, regionName, provinceCode, segments: [code], registeredCapital,
 * employees, revenue, tags, score, reasons: [text], paths: [text] }.
 * Round 1: companies of the chain in the region, strongest first (score, reasons, paths empty).
 * Round 2: when features.targets, call /api/targets (or /api/teams/{id}/targets) and map its rows here.
 */
export async function targets({ chain, segment, region, q, page = 1, pageSize = 20 }) {
  const result = await companies({ q, chain, segment, region, page, pageSize });
  return {
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    ranking: '按企业实力（注册资本、营收、规模、资质）排序',
    items: result.items.map((c) => ({
      id: c.id,
      name: c.name,
      regionCode: c.regionCode,
      regionName: c.regionName,
      provinceCode: c.provinceCode,
      segments: c.segments.map((s) => s.segment),
      registeredCapital: c.registeredCapital,
      employees: c.employees,
      revenue: c.revenue,
      tags: c.tags,
      score: null,
      reasons: [],
      paths: [],
    })),
  };
}

// Counting requests run a few at a time so a distribution does not flood the service.
async function inBatches(items, size, work) {
  const results = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  }
  return results;
}

/**
 * Where a chain's (or a segment's) companies are, one level below the region: by province for all
 * of China, by member for a group, by city for a province. → [{ code, name, count }], largest first.
 * Round 1 counts with /api/companies (one small request per part); round 2 can read the investment
 * map's concentration data instead.
 */
export function distribution({ chain, segment, region: regionValue }) {
  return cached(`distribution:${chain}|${segment ?? ''}|${regionValue ?? ''}`, async () => {
    const area = await resolveRegion(regionValue);
    const counts = await inBatches(area.parts, 8, async (part) => {
      const page = await companies({ chain, segment, region: part.code, pageSize: 1 });
      return { code: part.code, name: part.name, count: page.total };
    });
    return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  });
}

// ---- exports ----

const EXPORTS = {
  targets: ({ chain, segment, region, q }) => ['csv', 'xlsx'].map((format) => ({
    label: `导出 ${format.toUpperCase()}`,
    path: url('/api/targets/export', { chain, segment, region, q, format }),
    filename: `targets.${format}`,
  })),
  // Round 2: chain: ({ chain }) => formats of /api/chains/{code}/export?format=... once they are known.
};

/**
 * Export buttons for a view ('targets', 'chain'): [{ label, path, filename }] to pass to download().
 * Empty until features.exports is on.
 */
export function exportLinks(kind, params) {
  return features.exports && EXPORTS[kind] ? EXPORTS[kind](params) : [];
}

/** Downloads a file from the service with the session's key (a plain link could not send it). */
export async function download(path, fallbackName) {
  const response = await send('GET', path);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1] ?? match[2]) : fallbackName;
  const blobUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = blobUrl;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 10000);
}
