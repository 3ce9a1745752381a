// Problems are values with a location, never bare strings: the CLI prints each as one
// line naming the input (and line) and the problem, and carries on with the rest.

export interface InputProblem {
  /** The input: a path, "-" for stdin, or a path with a line ("batch.jsonl:17"). */
  input: string;
  line?: number;
  message: string;
}

export class InputError extends Error {
  constructor(readonly problem: InputProblem) {
    super(formatProblem(problem));
    this.name = "InputError";
  }
}

export function formatProblem(p: InputProblem): string {
  return `${p.input}${p.line != null ? `:${p.line}` : ""}: ${p.message}`;
}
