import cloud from 'wx-server-sdk'
import { authContract } from '@mutual-aid/contracts'
import { createMain } from '@cloud-shared/create-main'
import { whoami } from './whoami'
import { bindWorker } from './bind-worker'
import { acceptInvite } from './accept-invite'

/** Identity: who am I, and binding a WeChat user to a roster person or a unit (clerk invitation). */
export const main = createMain(authContract, cloud, { whoami, bindWorker, acceptInvite })
