/**
 * JSON for data files people read: an object or array goes on one line when it fits in 120 columns,
 * else one member per line — the layout Biome's formatter keeps, so written files pass `biome check`.
 */

const WIDTH = 120;

function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`;
  }
  return JSON.stringify(v);
}

function format(v: unknown, indent: string, prefix: string, suffix: string): string {
  const one = inline(v);
  if (indent.length + prefix.length + one.length + suffix.length <= WIDTH || v === null || typeof v !== 'object') {
    return `${indent}${prefix}${one}${suffix}`;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return `${indent}${prefix}[]${suffix}`;
    const items = v.map((x, i) => format(x, inner, '', i < v.length - 1 ? ',' : ''));
    return `${indent}${prefix}[\n${items.join('\n')}\n${indent}]${suffix}`;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  const items = entries.map(([k, x], i) =>
    format(x, inner, `${JSON.stringify(k)}: `, i < entries.length - 1 ? ',' : ''),
  );
  return `${indent}${prefix}{\n${items.join('\n')}\n${indent}}${suffix}`;
}

export function formatDataJson(v: unknown): string {
  return `${format(v, '', '', '')}\n`;
}
