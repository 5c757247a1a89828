// Bounds on what one case may store, the same on every store: a caller cannot grow a case without end.
/** Commits whose entries a case's transcript keeps; later commits still save the case but append nothing. */
export const MAX_TRANSCRIPT_COMMITS = 2000;
