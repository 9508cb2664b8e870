/** The files on the Import page; kept at module level so a running import survives a page switch. */
import { ImportJob } from './import-job.svelte.ts';

class ImportQueue {
  jobs = $state<ImportJob[]>([]);
  #workspaceId: string | null = null;

  add(files: Iterable<File>, workspaceId: string): void {
    this.forWorkspace(workspaceId);
    this.jobs = [...this.jobs, ...[...files].map((f) => new ImportJob(f, workspaceId))];
  }

  remove(job: ImportJob): void {
    job.dispose();
    this.jobs = this.jobs.filter((j) => j !== job);
  }

  /** Cards belong to one workspace: switching workspace clears them. */
  forWorkspace(workspaceId: string | null): void {
    if (workspaceId === this.#workspaceId) return;
    this.#workspaceId = workspaceId;
    for (const job of this.jobs) job.dispose();
    this.jobs = [];
  }
}

export const importQueue = new ImportQueue();
