// Ratios from the policy as integer basis points, and exact shares of minor amounts.

/** 0.5 → 5000; ratios in the policy have at most four decimals that matter. */
export function toBasisPoints(ratio: number): number {
  return Math.round(ratio * 10_000);
}

/** floor(amountMinor × bp / 10000), exact for any safe integer amount (BigInt avoids float rounding). */
export function shareOfMinor(amountMinor: number, basisPoints: number): number {
  return Number((BigInt(amountMinor) * BigInt(basisPoints)) / 10_000n);
}
