/**
 * A checklist item's pages as a list of fileIDs, changed the way the form changes it (pure). Pages are named by their
 * content's hash, so the same photo picked twice is the same fileID: it is kept once.
 */

/** The saved pages followed by those just uploaded (a batch), each page once, in the order picked. */
export function withAdded(saved: readonly string[], added: readonly string[]): string[] {
  const out = [...saved]
  for (const id of added) if (!out.includes(id)) out.push(id)
  return out
}

/** The pages with page `index` replaced by a retaken one (kept in place); a retake already among them is dropped. */
export function withReplaced(saved: readonly string[], index: number, retaken: string): string[] {
  if (index < 0 || index >= saved.length) return withAdded(saved, [retaken])
  return saved.flatMap((id, i) => (i === index ? [retaken] : id === retaken ? [] : [id]))
}

/** The pages without `removed`. */
export function without(saved: readonly string[], removed: string): string[] {
  return saved.filter((id) => id !== removed)
}
