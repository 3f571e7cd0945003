/**
 * Ends this process when the process that started it has gone, however it went (even killed with
 * SIGKILL, which it cannot catch to stop its children): a build's Astro never outlives the build.
 * Without Linux's prctl(PR_SET_PDEATHSIG), which Node does not offer, the child watches its parent:
 * once the parent has ended, the child is given another (init, or a subreaper) and its `ppid` changes.
 */
export function exitWithParent(expected: number | undefined, interval = 500): void {
  if (!expected) return;
  const check = () => {
    if (process.ppid === expected) return;
    process.stderr.write(`build: the build (pid ${expected}) has stopped; this process (pid ${process.pid}) stops too\n`);
    process.exit(1);
  };
  // The build may have gone before this process got here.
  check();
  const timer = setInterval(check, interval);
  // The watch does not keep the process alive by itself.
  timer.unref();
}
