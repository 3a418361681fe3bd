import { type InterviewTurn, PrepkitError } from '../domain/index.js';
import type { Director } from './create-director.js';

/** A candidate's scripted answers: in order, and those held for the closing. */
export interface InterviewScript {
  answers: string[];
  closing: string[];
}

const closingMarker = /^\[closing\]\s*\n?/i;

/**
 * Reads a script: answers separated by lines of `---`; an answer whose first
 * line is `[closing]` is kept for the closing, when the interviewer invites
 * questions. Empty answers between separators are kept (they test the
 * interviewer's patience), but a script with no text at all is refused.
 *
 * @example
 * parseInterviewScript('I build APIs.\n---\n[closing]\nWhat does on-call look like?');
 * // { answers: ['I build APIs.'], closing: ['What does on-call look like?'] }
 */
export function parseInterviewScript(text: string): InterviewScript {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/^[ \t]*---[ \t]*$/m)
    .map((block) => block.trim());
  if (blocks.every((block) => block === '')) {
    throw new PrepkitError(
      'EMPTY_INPUT',
      'The script has no answers: write each answer as a paragraph and separate answers with a line of ---',
    );
  }
  // A trailing separator leaves one empty block at the end: not an answer.
  if (blocks.length > 1 && blocks[blocks.length - 1] === '') blocks.pop();
  const script: InterviewScript = { answers: [], closing: [] };
  for (const block of blocks) {
    if (closingMarker.test(block)) script.closing.push(block.replace(closingMarker, '').trim());
    else script.answers.push(block);
  }
  return script;
}

/**
 * Plays a script through a director without a terminal: the answers in
 * order until the interviewer invites questions (or, when the script runs
 * out first, the invitation is asked for), then the closing answers, then
 * the end. Returns every turn.
 */
export function runScriptedInterview(director: Director, script: InterviewScript): InterviewTurn[] {
  if (director.turns.length === 0) director.start();
  let next = 0;
  let nextClosing = 0;
  for (let guard = 0; guard < 1000 && !director.status().finished; guard++) {
    const status = director.status();
    if (!status.closing) {
      const answer = script.answers[next];
      if (answer === undefined) {
        if (script.closing.length === 0) break;
        director.inviteQuestions();
        continue;
      }
      next += 1;
      director.answer({ text: answer });
      continue;
    }
    const question = script.closing[nextClosing];
    if (question === undefined) break;
    nextClosing += 1;
    director.answer({ text: question });
  }
  director.end();
  return [...director.turns];
}
