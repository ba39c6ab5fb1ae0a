// Public surface of @razgovor/opinions: opinion maps and groups from agree/disagree votes. Pure.
export { findOpinionGroups } from './opinion-groups';
export type { OpinionGroup, OpinionResult } from './opinion-groups';
export { DEFAULT_OPTIONS } from './options';
export type { OpinionOptions } from './options';
export type { PreviousGroup } from './group-ids';
export type {
  ConsensusStatement,
  Direction,
  DivisiveStatement,
  RepresentativeStatement,
} from './statements';
export { VoteMatrixBuilder, voteCount, voteMatrixFromRows } from './vote-matrix';
export type { Vote, VoteMatrix } from './vote-matrix';
export { parseParticipantsVotes } from './polis/participants-votes';
export type { ParticipantsVotes } from './polis/participants-votes';
export { parseCommentsVotes } from './polis/comments-votes';
export type { CommentsVotes, CommentsVotesOptions } from './polis/comments-votes';
export { PolisImportError } from './polis/polis-import-error';
export type { PolisImportErrorCode } from './polis/polis-import-error';
export { plantedVotes } from './testing/planted';
export type { PlantedOptions, PlantedVotes } from './testing/planted';
