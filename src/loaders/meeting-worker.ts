// A worker thread that reads meeting files for `readContentInParallel`; `workerData.dir` is the
// content folder, `workerData.lang` the language its messages are written in.
import { workerData } from 'node:worker_threads';
import { setMessageLang } from '../lib/messages.ts';
import { serveJobs } from './job-share.ts';
import { readMeetingFile } from './meeting-file.ts';
import type { MeetingJob } from './meeting-file.ts';

const { dir, lang } = workerData as { dir: string; lang: string };
setMessageLang(lang);
await serveJobs((job: MeetingJob) => readMeetingFile(dir, job));
