// Proactive contact rules (outreach, plan reminders): contact hours, frequency caps and the gate that combines them.
export * from './contactHours.js';
export * from './frequencyCap.js';
export * from './contactGate.js';
