import cloud from 'wx-server-sdk'
import { createMain } from '@cloud-shared/create-main'
import { whoami } from './whoami'

/** Identity: who am I, and binding a WeChat user to a roster person or a unit (clerk invitation). */
export const main = createMain('auth', cloud, { whoami })
