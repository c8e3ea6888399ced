import cloud from 'wx-server-sdk'
import { rosterContract } from '@mutual-aid/contracts'
import { createMain } from '@cloud-shared/create-main'
import { importRoster } from './import'
import { template } from './template'
import { add } from './add'
import { list } from './list'
import { setStatus } from './set-status'

/** A unit's staff roster: file import (xlsx/csv, validated per row), one-by-one entry, list, status changes. */
export const main = createMain(rosterContract, cloud, { import: importRoster, template, add, list, setStatus })
