import cloud from 'wx-server-sdk'
import { rosterContract } from '@mutual-aid/contracts'
import { createMain, timer } from '@cloud-shared/create-main'
import { resumeOperations } from '@cloud-shared/operation'
import { importOperation } from './import-operation'
import { importRoster } from './import'
import { template } from './template'
import { add } from './add'
import { list } from './list'
import { setStatus } from './set-status'

/** A unit's staff roster: file import (xlsx/csv, validated per row), one-by-one entry, list, status changes. */
/** The `resume` timer finishes imports whose call was cut off. */
const resume = timer({ run: (ctx) => resumeOperations(ctx, [importOperation]) })

export const main = createMain(rosterContract, cloud, { import: importRoster, template, add, list, setStatus }, { timers: { resume } })
