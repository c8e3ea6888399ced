/** jest setupFiles: properties without their own parameters follow FC_RUNS_SCALE / FC_SEED (test/helpers/fast-check-runs.ts). */
import { configureRuns } from './fast-check-runs'

configureRuns()
