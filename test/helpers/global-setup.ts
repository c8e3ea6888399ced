/** jest globalSetup: names this run, so its emulator data folders can be found and removed at the end. */
export default function globalSetup(): void {
  process.env.MUTUAL_AID_TEST_RUN = `${process.pid}-${Date.now().toString(36)}`
}
