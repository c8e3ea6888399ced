/**
 * Runs once at app launch (app.tsx). Kept apart from the cloud client so the app shell does not load the client —
 * and the schemas it checks answers with — before the first page needs it (issue 13, first load).
 */
export type InitCloud = () => void
