/**
 * jest setupFilesAfterEnv: a deep property run (FC_RUNS_SCALE, FC_SEED; test/helpers/fast-check-runs.ts) scales the
 * runs of properties without their own parameters, and each test's time limit with the runs: otherwise a property
 * that takes 20× as long is cut off by the limit and keeps writing while the next test runs.
 */
import { RUNS_SCALE, configureRuns } from './fast-check-runs'

configureRuns()
if (RUNS_SCALE > 1) jest.setTimeout(60_000 * RUNS_SCALE)
