import cloud from 'wx-server-sdk'
import { unitsContract } from '@mutual-aid/contracts'
import { createMain } from '@cloud-shared/create-main'
import { create } from './create'
import { update } from './update'
import { list } from './list'
import { get } from './get'
import { createInvite } from './invite'
import { recordStaffReport } from './staff-report'
import { listAgents } from './agents'
import { auditLog } from './audit-log'

/**
 * Participating units: creation, details and their changes (Art. 23), clerk invitations, staff report (Art. 5); and the
 * office's view of the audit log.
 */
export const main = createMain(unitsContract, cloud, { create, update, list, get, createInvite, recordStaffReport, listAgents, auditLog })
