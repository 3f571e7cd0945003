import { input } from '@inquirer/prompts';
import { msg } from '../lib/messages.ts';

/** One question of a scaffold: its answer is checked as it is given. */
export interface Question {
  key: string;
  /** The question, in the message language. */
  message: string;
  /** Proposed answer: taken on Enter, and when piped answers run out. */
  default?: string;
  /** May be left empty. */
  optional?: boolean;
  /** Why an answer cannot be taken, or undefined when it can. */
  check?: (answer: string) => string | undefined;
}

/** What asking gave: every answer, or the problems with those given on the command line. */
export type Asked = { answers: Record<string, string | undefined> } | { problems: string[] };

/** Lines of standard input when it is not a terminal: the answers, one a line, in the order asked. */
async function pipedLines(stdin: NodeJS.ReadableStream): Promise<string[]> {
  let text = '';
  for await (const chunk of stdin) text += String(chunk);
  return text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
}

/**
 * Asks each question not answered on the command line. At a terminal, with @inquirer/prompts, which
 * checks each answer as it is typed. From piped standard input (one line an answer, in the order
 * asked), each line is checked the same way; a line that fails is said so and the next line is
 * taken, as a person would type again. (Inquirer's prompts read piped text as a terminal's: the
 * first prompt takes all of it, and the next ones find nothing, so piped lines are read here.)
 * Answers given on the command line are checked the same way, and their problems returned together.
 */
export async function ask(given: Record<string, string | undefined>, questions: readonly Question[], stdin: NodeJS.ReadStream = process.stdin): Promise<Asked> {
  const answers: Record<string, string | undefined> = {};
  const problems: string[] = [];
  for (const q of questions) {
    const value = given[q.key];
    if (value === undefined) continue;
    const problem = checkAnswer(q, value);
    if (problem) problems.push(`${q.message}: ${problem}`);
    else answers[q.key] = value.trim() || undefined;
  }
  if (problems.length) return { problems };
  const missing = questions.filter((q) => given[q.key] === undefined);
  if (missing.length === 0) return { answers };
  const tty = Boolean(stdin.isTTY);
  const lines = tty ? [] : await pipedLines(stdin);
  for (const q of missing) {
    const message = q.optional ? msg('scaffold.optional', { question: q.message }) : q.message;
    if (tty) {
      const answer = await input({ message, default: q.default, validate: (value) => checkAnswer(q, value) ?? true });
      answers[q.key] = answer.trim() || q.default || undefined;
      continue;
    }
    let answer: string | undefined;
    while (answer === undefined && lines.length > 0) {
      const line = lines.shift()!.trim();
      const problem = checkAnswer(q, line);
      if (problem) process.stderr.write(`${q.message}: ${problem}\n`);
      else answer = line;
    }
    // Piped answers ran out: a question with a proposal takes it; an optional one stays empty.
    if (answer === undefined && (q.default !== undefined || q.optional)) answer = '';
    if (answer === undefined) return { problems: [msg('scaffold.noAnswer', { question: q.message })] };
    answers[q.key] = answer || q.default || undefined;
    process.stdout.write(`${q.message}: ${answers[q.key] ?? ''}\n`);
  }
  return { answers };
}

function checkAnswer(q: Question, value: string): string | undefined {
  const answer = value.trim();
  if (!answer) return q.optional || q.default !== undefined ? undefined : msg('scaffold.empty');
  return q.check?.(answer);
}
