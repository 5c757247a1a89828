// Which arm of an experiment a new conversation runs: a pure function of the experiment's seed and the case id.
import { createHash } from 'node:crypto';

export type Arm = 'control' | 'candidate';

/** Buckets per arm split: a percentage is whole, so 10 000 buckets keep every split exact. */
const BUCKETS = 10_000;

/** A stable bucket 0…9 999 from the first 32 bits of sha256(`seed:caseId`). */
export function bucketOf(seed: string, caseId: string): number {
  return createHash('sha256').update(`${seed}:${caseId}`).digest().readUInt32BE(0) % BUCKETS;
}

/** `candidatePercent` of the buckets (the lowest ones) run the candidate; the same case always gets the same arm. */
export function assignArm(seed: string, caseId: string, candidatePercent: number): Arm {
  return bucketOf(seed, caseId) < candidatePercent * (BUCKETS / 100) ? 'candidate' : 'control';
}
