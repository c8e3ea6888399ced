// The claim documents are shared with the settlements function, which writes claims proposed from the bureau's data.
export type * from '@cloud-shared/claim-doc'
