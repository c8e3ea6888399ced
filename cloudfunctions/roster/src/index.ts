import cloud from 'wx-server-sdk'
import { rosterContract } from '@mutual-aid/contracts'
import { createMain, timer } from '@cloud-shared/create-main'
import { resumeOperations } from '@cloud-shared/operation'
import { importOperation } from './import-operation'
import { ensureNameKeys, nameKeyOperation } from './name-key-operation'
import { importRoster } from './import'
import { template } from './template'
import { add } from './add'
import { list } from './list'
import { setStatus } from './set-status'

/** A unit's staff roster: file import (xlsx/csv, validated per row), one-by-one entry, list, status changes. */
/**
 * The `resume` timer finishes imports whose call was cut off, and the names' sort-key backfill (started on its first
 * tick after a deploy that brings a new key version; name-key-operation.ts).
 */
const resume = timer({
  async run(ctx) {
    await ensureNameKeys(ctx)
    return resumeOperations(ctx, [importOperation, nameKeyOperation])
  },
})

export const main = createMain(rosterContract, cloud, { import: importRoster, template, add, list, setStatus }, { timers: { resume } })
