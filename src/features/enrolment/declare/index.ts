// The declare page's parts (网上申报): its data hook, the three forms and the header.
export { useDeclaration, declareModes, useAnnualDeclaration, type DeclareMode } from './use-declaration'
export { DeclareHeader } from './declare-header'
export { DeclaredCard } from './declared-card'
export { AnnualForm } from './annual-form'
export { NewHireForm } from './new-hire-form'
export { ReplaceForm } from './replace-form'
export { returnedDeclaration } from './declare-rules'
