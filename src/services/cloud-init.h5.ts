import type { InitCloud } from './cloud-init.types'

/** H5 talks to the local emulator on its own origin over fetch: there is nothing to set up. */
export const initCloud: InitCloud = () => undefined
