/**
 * LibreOffice Calc as a client in tests: headless conversions with a private profile per run, bounded in
 * time, its whole process group killed on time-out, the profile removed afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Generous: on a busy machine one conversion has taken over 30 s, most of it LibreOffice starting. */
const TIME_LIMIT_MS = 300_000;

/** A profile that recalculates every formula on load, so the totals seen are LibreOffice's own. */
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export class LibreOffice {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'planbridge-soffice-'));
  private readonly profile = path.join(this.dir, 'profile');
  /** Process groups of conversions still running, ended by remove(). */
  private readonly running = new Set<number>();

  constructor() {
    mkdirSync(path.join(this.profile, 'user'), { recursive: true });
    writeFileSync(path.join(this.profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
  }

  /** Converts files with one LibreOffice run and filter ("fods", "xlsx:Calc MS Excel 2007 XML", "pdf"…); returns the new files' paths. */
  convert(files: string[], filter: string, outDir = path.join(this.dir, 'out')): Promise<string[]> {
    mkdirSync(outDir, { recursive: true });
    const args = [`-env:UserInstallation=file://${this.profile}`, '--headless', '--norestore', '--nologo', '--convert-to', filter, '--outdir', outDir, ...files];
    return new Promise((resolve, reject) => {
      const child = spawn('soffice', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      this.running.add(child.pid!);
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, TIME_LIMIT_MS);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        this.running.delete(child.pid!);
        const extension = filter.split(':')[0];
        if (code === 0 && /convert /.test(output)) resolve(files.map((file) => path.join(outDir, `${path.basename(file, path.extname(file))}.${extension}`)));
        else reject(new Error(`soffice ${signal ? `killed (${signal})` : `exited ${code}`}: ${output}`));
      });
    });
  }

  /** Ends any conversion still running (its whole process group: soffice starts soffice.bin) and removes the profile. */
  remove(): void {
    for (const pid of this.running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
