// The desk index in this process: one summary per case, lost on restart (like the other memory stores).
import { DeskCaseSchema, type DeskCase, type DeskIndex } from '../../handoff/deskIndex.js';

export class MemoryDeskIndex implements DeskIndex {
  private readonly cases = new Map<string, DeskCase>();
  async put(summary: DeskCase): Promise<void> {
    this.cases.set(summary.caseId, DeskCaseSchema.parse(summary));
  }
  async get(caseId: string): Promise<DeskCase | undefined> {
    return this.cases.get(caseId);
  }
  async list(): Promise<DeskCase[]> {
    return [...this.cases.values()];
  }
  async remove(caseId: string): Promise<void> {
    this.cases.delete(caseId);
  }
}
