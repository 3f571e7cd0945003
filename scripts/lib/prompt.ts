import { createInterface } from 'node:readline/promises';

/** Asks for each missing answer when a person is at the terminal; otherwise answers stay as given. */
export async function askMissing(
  answers: Record<string, string | undefined>,
  questions: ReadonlyArray<{ key: string; question: string; optional?: boolean }>,
): Promise<Record<string, string | undefined>> {
  const missing = questions.filter((q) => answers[q.key] === undefined);
  if (missing.length === 0 || !process.stdin.isTTY) return answers;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const q of missing) {
      const answer = (await rl.question(`${q.question}${q.optional ? ' (Enter to skip)' : ''}: `)).trim();
      answers[q.key] = answer || undefined;
    }
  } finally {
    rl.close();
  }
  return answers;
}
