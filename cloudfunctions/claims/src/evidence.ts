import { parseClaimPage, type ClaimFiles, type PageCheck } from '@mutual-aid/contracts'
import type { HandlerContext } from '@cloud-shared/context'
import { AppError } from '@cloud-shared/errors'
import { MAX_CHECKED_FILE_BYTES, checkFile, downloadChecked, sha256Hex } from '@cloud-shared/files'
import type { ClaimDoc } from './model'

/**
 * Claim pages are evidence and must not change after they are submitted. Storage cannot forbid it (CloudBase's storage
 * rule has one `write` permission for uploading, overwriting and deleting, and a file's creator keeps it), so every page
 * is stored under its own content's sha-256 (`claims/<folder>/<item>/<sha256>.<ext>`, contracts `claimPagePath`): a path
 * names exactly one content. When a claim is submitted or resubmitted, the function downloads each page, recomputes its
 * hash and refuses a page whose content is no longer the one its name promises; the hashes are recorded with the
 * materials version; reviewers see each page checked against them again.
 */

/** Pages downloaded at once. */
const PARALLEL_DOWNLOADS = 6

/** Every page of `files` sits in one of `folders` under its own checklist item, named by a content hash. */
export function checkPagesBelong(files: ClaimFiles, folders: readonly string[]): void {
  for (const [item, ids] of Object.entries(files)) {
    for (const id of ids) {
      const page = parseClaimPage(id)
      if (!page || page.item !== item || !folders.includes(page.folder)) {
        throw new AppError('INVALID_INPUT', '有照片不属于本次申请，或不是按要求上传的照片，请删除后重新上传。')
      }
    }
  }
}

/** Runs `work` over `items`, a few at a time. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += PARALLEL_DOWNLOADS) out.push(...(await Promise.all(items.slice(i, i + PARALLEL_DOWNLOADS).map(work))))
  return out
}

/**
 * The sha-256 of every page, computed from storage, by fileID — or a refusal naming what to re-upload when a page is
 * missing, too large, or no longer the content its name was made from (it was overwritten after uploading).
 */
export async function hashPages(ctx: HandlerContext, files: ClaimFiles, labels: Record<string, string> = {}): Promise<Record<string, string>> {
  const pages = Object.entries(files).flatMap(([item, ids]) => ids.map((fileID, i) => ({ item, fileID, n: i + 1 })))
  const results = await inBatches(pages, async (p) => {
    const content = await downloadChecked(ctx, p.fileID)
    const named = parseClaimPage(p.fileID)?.sha256
    const what = `「${labels[p.item] ?? p.item}」第 ${p.n} 页`
    if (!content) return { ...p, problem: `${what}已不存在或超过 ${MAX_CHECKED_FILE_BYTES / 1024 / 1024} MB` }
    const hash = sha256Hex(content)
    if (hash !== named) return { ...p, problem: `${what}上传后被改动过` }
    return { ...p, hash }
  })
  const problems = results.filter((r) => 'problem' in r)
  if (problems.length > 0) {
    throw new AppError(
      'FILE_CHANGED',
      `${problems.slice(0, 3).map((r) => (r as { problem: string }).problem).join('；')}${problems.length > 3 ? ` 等 ${problems.length} 页` : ''}。请删除这些照片后重新拍照上传，再提交。`,
      { files: problems.map((r) => r.fileID) },
    )
  }
  return Object.fromEntries(results.map((r) => [r.fileID, (r as { hash: string }).hash]))
}

/**
 * Each page of the claim (every materials version) checked against the hash recorded when it was submitted: `ok`,
 * `changed` (the content differs), `missing` (deleted from storage), or `unrecorded` (a claim submitted before hashes
 * were recorded; checked against its name when it has one).
 */
export async function checkPages(ctx: HandlerContext, claim: ClaimDoc): Promise<Record<string, PageCheck>> {
  const recorded = new Map<string, string | undefined>()
  for (const m of claim.materials) for (const id of Object.values(m.files).flat()) recorded.set(id, m.hashes?.[id] ?? recorded.get(id))
  const ids = [...recorded.keys()]
  const checks = await inBatches(ids, async (fileID): Promise<[string, PageCheck]> => [
    fileID,
    await checkFile(ctx, fileID, recorded.get(fileID) ?? parseClaimPage(fileID)?.sha256),
  ])
  return Object.fromEntries(checks)
}
