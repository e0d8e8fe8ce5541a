/**
 * CPU time spent by this process and by a PostgreSQL server (its postmaster and every backend), in
 * milliseconds: on a machine shared with other work, wall time measures the load as much as the code, CPU
 * time much less so. Linux only (/proc); elsewhere PostgreSQL's share is counted as 0.
 */
import fs from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function postgresCpuMs(postmaster: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // After the command name in parentheses: state, ppid, …, utime (14th field), stime, cutime, cstime (17th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // The postmaster's own time and its exited children's (cutime, cstime: backends and autovacuum workers that ended), and the live children's.
    if (Number(entry) === postmaster) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    else if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** A clock of the CPU milliseconds used by Node and by the PostgreSQL whose data directory is `pgDir`. */
export function cpuClock(pgDir: string): () => { node: number; postgres: number } {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const postmaster = fs.existsSync(pidFile) && fs.existsSync('/proc') ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  return () => {
    const { user, system } = process.cpuUsage();
    return { node: (user + system) / 1000, postgres: postmaster ? postgresCpuMs(postmaster) : 0 };
  };
}
