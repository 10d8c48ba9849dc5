// SPDX-License-Identifier: MIT
// How long a job ran: from its startTime to its endTime, or to now while it executes. (Its executionDuration is
// the limit it was given, not this.)

/** Seconds the job has run, or null when it never started; `running` when it is still executing. */
export function runTime(job, now = Date.now()) {
  if (!job.startTime) return null;
  const end = job.endTime ? Date.parse(job.endTime) : job.phase === 'EXECUTING' ? now : null;
  if (end === null) return null;
  return { seconds: Math.max(0, (end - Date.parse(job.startTime)) / 1000), running: !job.endTime };
}

/** 0.4 s, 12 s, 3 min 05 s, 2 h 03 min. */
export function formatDuration(seconds) {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const pad = (n) => String(n).padStart(2, '0');
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${pad(whole % 60)} s`;
  return `${Math.floor(whole / 3600)} h ${pad(Math.floor((whole % 3600) / 60))} min`;
}

/** The run time as a page shows it: "12 s", "12 s so far" while running, "—" before it starts. */
export function runTimeText(job, now = Date.now()) {
  const time = runTime(job, now);
  if (!time) return '—';
  return time.running ? `${formatDuration(time.seconds)} so far` : formatDuration(time.seconds);
}
