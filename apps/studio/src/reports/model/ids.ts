/**
 * Ids of new dimensions, measures, parameters and computed columns (one namespace: they become
 * result columns): readable, derived from the field when created (`campaign`, `total_sum`,
 * `count`), then never changed — renaming a label changes no
 * reference (sort keys, drill path, pivot, derived measures all point at ids).
 *
 * @example newId('customer.region', ['customer_region']) // 'customer_region_2'
 */
export function newId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  // The engine's id rule: ^[A-Za-z][A-Za-z0-9_]*$ without "__".
  let slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40).replace(/_+$/, '');
  if (!/^[a-z]/.test(slug)) slug = `f_${slug}`.replace(/_+$/, '');
  if (!used.has(slug)) return slug;
  for (let n = 2; ; n++) if (!used.has(`${slug}_${n}`)) return `${slug}_${n}`;
}
