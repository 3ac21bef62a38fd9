// Small DOM helpers. Every text from the service goes in through textContent (never innerHTML),
// so names and messages cannot inject markup.

/**
 * Creates an element: h('a', { href: '#/map', class: 'x', onclick: fn, dataset: { code } }, 'text', child).
 * Attribute values null/undefined/false are skipped; children may be strings, numbers, nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces all children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A <select> with options [{ value, label }] or optgroups [{ group, options }]. */
export function select(attrs, options, selected) {
  const el = h('select', attrs);
  const add = (parent, o) => parent.append(h('option', { value: o.value, selected: String(o.value) === String(selected ?? '') }, o.label));
  for (const o of options) {
    if (o.group) {
      const group = h('optgroup', { label: o.group });
      o.options.forEach((x) => add(group, x));
      el.append(group);
    } else {
      add(el, o);
    }
  }
  return el;
}

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567"; null → "—". */
export function number(value) {
  return value === null || value === undefined ? '—' : integer.format(value);
}

/** An amount in 万元, shown in 亿元 from 10,000 万元 up. */
export function money(wan) {
  if (wan === null || wan === undefined) {
    return '—';
  }
  return wan >= 10000 ? `${(wan / 10000).toFixed(wan >= 1000000 ? 0 : 1)} 亿元` : `${integer.format(wan)} 万元`;
}

/** Splits a list typed by a person on commas, 、, ；, | or new lines. */
export function splitList(text) {
  return String(text ?? '')
    .split(/[,，、;；|\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
