// The page's requests: JSON to our own origin, with the person's cookie.
import { copy } from './copy.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(path, body) {
  let res;
  try {
    res = await fetch(`/api/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, copy.offline);
  }
  const data = await res.json().catch(() => ({}));
  if (res.status === 429) throw new ApiError(429, copy.busy);
  if (!res.ok) throw new ApiError(res.status, data.error || copy.offline);
  return data;
}

/** Where the person is, so dates and emergency numbers fit. */
export function place() {
  return { locale: navigator.language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}

/** A tiny element builder: h('p', { class: 'x' }, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false || v === null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c);
  return el;
}
