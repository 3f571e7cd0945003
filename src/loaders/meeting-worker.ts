// A worker thread that reads meeting files for `readContentInParallel`; `workerData.dir` is the content folder.
import { workerData } from 'node:worker_threads';
import { serveJobs } from './job-share.ts';
import { readMeetingFile } from './meeting-file.ts';
import type { MeetingJob } from './meeting-file.ts';

const { dir } = workerData as { dir: string };
await serveJobs((job: MeetingJob) => readMeetingFile(dir, job));
