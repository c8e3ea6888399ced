import cloud from 'wx-server-sdk'
import { schemesContract } from '@mutual-aid/contracts'
import { createMain } from '@cloud-shared/create-main'
import { get, list } from './list'
import { announceFees } from './announce-fees'
import { createDraft, discardDraft, getDraft, saveDraft } from './drafts'
import { preview, publish } from './publish'

/**
 * Scheme versions (方案管理, issue 14): the office announces fees a document left to a later notice, derives next
 * year's version from the previous one, edits and previews it, and publishes it. Built-in versions stay in code;
 * published ones live in `schemeVersions` and join every function's registry (`loadSchemes`).
 */
export const main = createMain(schemesContract, cloud, { list, get, announceFees, createDraft, getDraft, saveDraft, preview, publish, discardDraft })
