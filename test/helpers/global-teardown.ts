/** jest globalTeardown: `npm test` leaves no emulator data folders behind in the temp directory. */
import { TEMP_PREFIX, removeRunDirs } from './temp-dirs'

export default function globalTeardown(): void {
  const run = process.env.MUTUAL_AID_TEST_RUN
  if (run) removeRunDirs(`${TEMP_PREFIX}${run}-`)
}
