// Tiers by days past due (分层管理): M1 1–30, M2 31–60, M3 61–90, M4+ over 90.

export const TIERS = ['M1', 'M2', 'M3', 'M4'] as const;
export type Tier = (typeof TIERS)[number];

export function tierOf(daysPastDue: number): Tier {
  if (daysPastDue <= 30) return 'M1';
  if (daysPastDue <= 60) return 'M2';
  if (daysPastDue <= 90) return 'M3';
  return 'M4';
}

/** Compares tiers by severity: negative when `a` is earlier than `b`. */
export function compareTiers(a: Tier, b: Tier): number {
  return TIERS.indexOf(a) - TIERS.indexOf(b);
}
