import { splitSentences } from "./sentences.js";

/**
 * Rules that tell article text from the page around it: navigation, counters, share links,
 * comment sections, teasers and source lists. Pure predicates over one trimmed line or block.
 */

/** A line from which on nothing belongs to the article any more (footer, comments). */
const FOOTER_START = [
  /^hope you enjoyed this (news )?post/i,
  /^posted (on )?(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i,
  /^news posts:/i,
  /^user feedback$/i,
  /^recommended comments$/i,
  /^join the conversation$/i,
  /^leave a (reply|comment)/i,
  /^recently browsing\b/i,
];

/** Lines that are page furniture wherever they stand. */
const FURNITURE = [
  /^jump to content$/i,
  /^skip to (main )?content$/i,
  /^share( on other sites| this( article)?)?$/i,
  /^link to comment$/i,
  /^\d[\d,.]*k?\s+(comments?|views?|minutes?|min read|shares?|likes?|reads?)$/i,
  /^(source|sources|via)\s*:/i,
  /^source$/i,
  /^related( article| story| reading)?\s*:/i,
  /^(read more|see also|more from|advertisement)\b/i,
  /^create new\b/i,
  /^(sign in|log in|register|subscribe)( now)?\b.{0,40}$/i,
  /^add a comment/i,
  /^you can post now/i,
  /^note: your post will require/i,
  /^(pasted as rich text|only \d+ emoji|your link has been|your previous content|you cannot paste)/i,
  /^no registered users viewing/i,
];

/** Headings whose sections are lists of links or contents, never statements. */
const NON_ARTICLE_SECTIONS = [
  /^(table of )?contents$/i,
  /^in this article$/i,
  /^sources?$/i,
  /^references$/i,
  /^related( articles| stories| reading)?$/i,
  /^(read|see) (more|also)$/i,
  /^more (news|stories|from .*)$/i,
];

/** True when the line starts the footer or the comments: the article ends before it. */
export function isFooterStart(line: string): boolean {
  return FOOTER_START.some((re) => re.test(line));
}

/** True for navigation, counters, share links and comment-form text. */
export function isFurniture(line: string): boolean {
  return FURNITURE.some((re) => re.test(line));
}

/** True for headings that introduce lists of links (sources, table of contents, related). */
export function isNonArticleSection(heading: string): boolean {
  return NON_ARTICLE_SECTIONS.some((re) => re.test(heading.trim()));
}

/** A teaser cut off by the page: it ends in an ellipsis. */
export function isTruncatedTeaser(text: string): boolean {
  return /(…|\.\.\.)\s*$/.test(text);
}

/** A block that is only a question (a "questions to watch" item), not a statement. */
export function isBareQuestion(text: string): boolean {
  return /\?["”’]?\s*$/.test(text) && splitSentences(text).length === 1;
}

/** Too little text to be a statement: fewer than four words or no letters. */
export function isTooShort(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w));
  return words.length < 4;
}
