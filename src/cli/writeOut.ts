// Writes honouring back-pressure, so a batch piped into a slow consumer does not pile up in memory.
export function writeLine(stream: NodeJS.WritableStream, text: string): Promise<void> | void {
  if (stream.write(text)) return;
  return new Promise((resolve) => stream.once("drain", () => resolve()));
}
