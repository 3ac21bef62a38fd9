// Hash routes that can be bookmarked and shared: #/map?chain=ZQ&segment=ZQ-HYD&region=长三角.
// The URL is the single source of a view's state: controls write parameters with setParams, and the
// view re-renders from them when the hash changes.

/** The current route: { path: 'map', params: { chain: 'ZQ' } }. */
export function current() {
  const hash = location.hash.replace(/^#\/?/, '');
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  const query = at < 0 ? '' : hash.slice(at + 1);
  const params = {};
  for (const [k, v] of new URLSearchParams(query)) {
    if (v !== '') {
      params[k] = v;
    }
  }
  return { path: path || '', params };
}

/** '#/targets?chain=ZQ&region=长三角' from a path and parameters (empty values are left out). */
export function href(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') {
      query.set(k, String(v));
    }
  }
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export function navigate(path, params = {}, { replace = false } = {}) {
  const target = href(path, params);
  if (target === location.hash) {
    return;
  }
  if (replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target;
  }
}

/**
 * Changes some parameters of the current route; null or '' removes one. A change of filter goes
 * back to page 1 unless it sets the page itself or says keepPage.
 */
export function setParams(changes, { replace = false, keepPage = false } = {}) {
  const { path, params } = current();
  const next = { ...params, ...changes };
  if (!keepPage && !('page' in changes)) {
    delete next.page;
  }
  navigate(path, next, { replace });
}
