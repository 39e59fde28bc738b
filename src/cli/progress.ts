/**
 * A progress bar on stderr for bulk work: redrawn in place on a terminal, a line per tenth otherwise (CI logs).
 * stdout stays clean for results and --json.
 */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  let lastTenth = -1;
  return {
    update(done: number): void {
      if (stream.isTTY) {
        const width = 30;
        const filled = total === 0 ? width : Math.round((done / total) * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        if (done === total) stream.write('\n');
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${label}: ${done}/${total}\n`);
      }
    },
  };
}
