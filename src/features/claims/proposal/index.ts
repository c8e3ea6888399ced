// The worker's proposal page (免申即享): its model and its view.
export { useProposal, initialPayee } from './use-proposal'
export { ProposalOffer } from './proposal-offer'
