/** Long work in main (reports, later scans and sync) as seen through `job.progress` events. */
import type { StateCreator } from 'zustand';
import type { JobProgress } from '../../../shared/api/events';
import type { AppState } from '../app-store';

export interface JobsSlice {
  jobs: Record<string, JobProgress>;
  applyProgress(progress: JobProgress): void;
  clearJob(jobId: string): void;
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set) => ({
  jobs: {},
  applyProgress: (progress) => set((s) => ({ jobs: { ...s.jobs, [progress.jobId]: progress } })),
  clearJob: (jobId) =>
    set((s) => {
      const { [jobId]: _gone, ...rest } = s.jobs;
      return { jobs: rest };
    }),
});
