import { latinStems, stemWord } from '../text/stem.js';

/**
 * English questions answered by a name: "Who signs off our accounts?", "Which audit firm do we use?",
 * "Who is our General Counsel?". A sentence answers one only when it prints a name the question
 * does not: a run of capitalised words ("Harrowgate Pike LLP", "Maren Tollefsen") that is neither the question's
 * own words, nor the report's organisation, nor a word capitalised only because it opens the sentence.
 */

/** "Who…" (typed "whos" too), "which…", "what is the name…". */
const ASKS_NAME = /^\s*(?:who(?:['’]?s)?|whom|whose|which)\b|\bwhat\s+is\s+the\s+name\b/iu;

export function asksForName(question: string): boolean {
  return ASKS_NAME.test(question);
}

/** "Which firm …", "which town …": the noun after "which" names the kind of thing asked. */
const WHICH_NOUN = /^\s*which\s+([a-z]+)\b/iu;
/** Words after "which" that name no kind: verbs and determiners ("which is", "which of"). */
const NOT_KIND = /^(?:is|are|was|were|do|does|did|has|have|had|of|one|ones|the|our|its|their|can|will|would|should)$/iu;

/**
 * The kind of thing a question for a name asks ("town" of "which town is our office in?"), or null. A
 * sentence that names one need not say the kind: "I Quill Lane, Brackwater" names the town.
 */
export function askedKind(question: string): string | null {
  const noun = WHICH_NOUN.exec(question)?.[1];
  return noun === undefined || NOT_KIND.test(noun) ? null : noun.toLowerCase();
}

/** A capitalised word: "Jones", "LLP", "McKinsey", "O'Neil", "U.S."; joined in a run by "of", "and", "&". */
const NAME_RUN = /(?:[A-Z][A-Za-z'’.&-]*)(?:[ \t]+(?:(?:of|and|&|de|van|von|du)[ \t]+)?[A-Z][A-Za-z'’.&-]*)*/gu;
const DETERMINERS = 'the|this|that|these|those|each|every|our|its|their|a|an|any|such';
const DETERMINER_BEFORE = new RegExp(`\\b(?:${DETERMINERS})\\s+$`, 'iu');
const DETERMINER_WORD = new RegExp(`^(?:${DETERMINERS})$`, 'iu');
/** Title case ("Appointment Of Independent Auditors") capitalises its small words; a name does not. */
const TITLE_CASE_SMALL_WORD = /\b(?:Of|And|For|To|In|On|The|With)\b/u;
/** Words capitalised by convention, not because they name someone: pronouns, articles, months, days. */
const NOT_NAMES = new Set(
  'i a an the this that these those our we us it its their they he she his her my you your on in at for of to by with from as and or but if when where which who what how all any each no not per note see page item part section table total'
    .split(' ')
    .concat('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' ')),
);

export interface FoundName {
  name: string;
  start: number;
  end: number;
}

/** The stems a name must not consist of: the question's words and the organisation's (worked out once per passage). */
export function knownStems(question: string, organisation: string): Set<string> {
  return new Set([...latinStems(question), ...latinStems(organisation)]);
}

/**
 * The names a sentence prints that the question does not: each a run of capitalised words with at least
 * one word not among `known` (by stem) and not a conventional capital. A single capitalised word that
 * opens the sentence is taken as the sentence's first word, not a name.
 */
export function newNames(sentence: string, known: ReadonlySet<string>): FoundName[] {
  const out: FoundName[] = [];
  for (const match of sentence.matchAll(NAME_RUN)) {
    const run = match[0].trim();
    if (TITLE_CASE_SMALL_WORD.test(run.split(/\s+/u).slice(1).join(' '))) continue;
    const words = run.split(/\s+/u).map((w) => w.replace(/[.'’]+$/u, ''));
    // (A bullet or a quote before it still leaves the word first: "• Reviewing glimmer work …".)
    const opensSentence = /^[\s\p{P}\p{S}]*$/u.test(sentence.slice(0, match.index));
    if (opensSentence && words.length === 1) continue;
    // "the Company", "each Director", "The Directors": a defined term of the report, capitalised
    // after a determiner, not a name.
    const fresh = words.filter((w) => {
      const lower = w.toLowerCase();
      return /[A-Za-z]{2,}/u.test(w) && !NOT_NAMES.has(lower) && !known.has(stemWord(lower.replace(/[^a-z]/gu, ''))) && !clippedIn(lower, known);
    });
    const determined = DETERMINER_BEFORE.test(sentence.slice(Math.max(0, match.index - 8), match.index)) || DETERMINER_WORD.test(words[0] ?? '');
    // ("the Fund and Trust": defined terms joined by "and", one word each, are no name either; "the
    // Audit and Risk Committee" is one.)
    if (determined && conjuncts(words).every((part) => part.filter((w) => fresh.includes(w)).length <= 1)) continue;
    if (fresh.length > 0) out.push({ name: run, start: match.index, end: match.index + run.length });
  }
  return out;
}

/** A known word this long may be typed clipped: "corp" names "Corporation", "govt" does not. */
const MIN_CLIPPED_LETTERS = 4;

/** Whether the question types the word's start ("corp" for "Corporation", "intl" aside). */
function clippedIn(word: string, known: ReadonlySet<string>): boolean {
  for (const stem of known) if (stem.length >= MIN_CLIPPED_LETTERS && stem.length < word.length && word.startsWith(stem)) return true;
  return false;
}

/** A run's words cut at "and" / "&" into the names or terms it joins. */
function conjuncts(words: readonly string[]): string[][] {
  const parts: string[][] = [[]];
  for (const word of words) {
    if (/^(?:and|&)$/iu.test(word)) parts.push([]);
    else parts.at(-1)?.push(word);
  }
  return parts;
}

/** A person named by title and surname, as a text goes on to name someone it has introduced: "Mr. Tollefsen". */
const TITLED_SURNAME = /\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b/u;

/**
 * The full name of the person a sentence names by title and surname ("Mr. Tollefsen"), from the
 * texts that introduce them ("Maren J. Tollefsen", "Maren Tollefsen"): the one run of capitalised
 * words ending in that surname, given names and initials before it, that the texts print. Texts are
 * read nearest first (the passage, then its section, then the report): a surname two people share
 * there ("Ida Tollefsen", "Jon Tollefsen") names no one, and the sentence is left as printed.
 */
export function fullNameOf(sentence: string, nearestFirst: ReadonlyArray<() => string>): string | null {
  const surname = TITLED_SURNAME.exec(sentence)?.[1];
  if (surname === undefined) return null;
  const given = `[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?`;
  // (A name opens a line, follows a bracket or a pause, or a word in lower case: "and Maren Tollefsen";
  // a capitalised word before it is a title's, "President Maren…", which is no given name.)
  const full = new RegExp(`(?<=^|[\\n(),;:•][ \\t]*|\\b[a-z]+[ \\t]+)(${given}(?:[ \\t]+(?:[A-Z]\\.|${given})){0,2})[ \\t]+${surname}\\b`, 'gu');
  for (const text of nearestFirst) {
    const names = new Set<string>();
    for (const match of text().matchAll(full)) {
      const first = match[1]?.split(/\s+/u)[0] ?? '';
      if (/^(?:Mr|Mrs|Ms|Miss|Dr|Prof)$/u.test(first) || NOT_NAMES.has(first.toLowerCase())) continue;
      names.add(`${match[1]} ${surname}`.replace(/\s+/gu, ' '));
    }
    if (names.size === 0) continue;
    // (One person printed with and without a middle initial, "Maren J. Tollefsen" and "Maren
    // Tollefsen", is one name: the fullest form.)
    const [fullest, ...others] = [...names].sort((a, b) => b.length - a.length);
    return fullest !== undefined && others.every((other) => wordsWithin(other, fullest)) ? fullest : null;
  }
  return null;
}

/** Whether every word of `short` stands in `long`, in order. */
function wordsWithin(short: string, long: string): boolean {
  const words = long.split(' ');
  let at = 0;
  for (const word of short.split(' ')) {
    at = words.indexOf(word, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The question's words as stems, with the agent nouns that stand for its verb. */
export function questionStems(question: string): Set<string> {
  return new Set([...latinStems(question), ...agentNouns(question)]);
}

/** The words of the clause just before a name that a comma, colon, line break or "is"/"as" joins to it. */
const BEFORE_APPOSITION = /((?:[A-Za-z’'-]+\s+){0,5}[A-Za-z’'-]+)\s*(?:[,:：]\s*|\n\s*|\s+(?:is|was|are|were|as)\s+)$/u;
/**
 * Letters of degrees and memberships a signature sets between a name and its role ("MA (Oxon) ACA",
 * "CPA"): capitals only, or one word in brackets, up to the comma or bracket that opens the role.
 */
const POST_NOMINALS = /^(?:\s+(?:[A-Z]{2,6}|\([A-Z][a-z]+\)))+(?=\s*[,(])/u;
const AFTER_APPOSITION = /^\s*(?:,|\(|:|\bis\b|\bwas\b|\bas\b)\s*(?:(?:an?|the|our|its)\s+)?(?:[a-z-]+\s+){0,3}?([A-Za-z]+)/iu;

/**
 * A name in apposition to the asked words: "the auditor, Harrowgate Pike LLP,", "Brightmoor Jansen LLP, an independent
 * … firm", "Secretary\nMaren Tollefsen", "Auditors: …", "X was appointed as auditor". A name that only
 * shares the sentence ("registered with the PCAOB") is not the one asked for.
 */
export function inApposition(text: string, name: FoundName, asked: ReadonlySet<string>): boolean {
  // ("The auditor of X, Harrowgate Pike LLP": the asked word may stand a few words before the comma.)
  const before = BEFORE_APPOSITION.exec(text.slice(Math.max(0, name.start - 60), name.start))?.[1];
  if (before && [...latinStems(before.split(/[,;:.]/u).at(-1) ?? '')].some((stem) => asked.has(stem))) return true;
  const rest = text.slice(name.end, name.end + 120);
  // ("Tamsin Orrell MA (Oxon) ACA (Senior Statutory Auditor)": the role follows the letters after the name.)
  const after = rest.slice(POST_NOMINALS.exec(rest)?.[0].length ?? 0).slice(0, 80);
  const next = AFTER_APPOSITION.exec(after);
  if (!next) return false;
  // Any asked word in the phrase that follows the comma ("…, an independent registered … firm").
  const phrase = after.slice(0, (next.index ?? 0) + next[0].length);
  return [...latinStems(phrase)].some((stem) => asked.has(stem));
}

/**
 * "Who audits…" is answered by "Auditors: …": the doer of the verb after "who", its agent noun in
 * "-or" (audit → auditor, direct → director), which stemming does not reach ("-er" nouns it does:
 * manages and manager share "manag").
 */
export function agentNouns(question: string): string[] {
  const verb = askedDoerVerb(question);
  return verb === null ? [] : [`${verb}or`];
}

/**
 * The stems a question for a name may find as a doer's noun: the verb after "who" ("who chairs…"),
 * and each other word of four letters or more ("who is the chair?", "who's our audit firm?"): a report
 * prints the role as the noun formed from it ("Chairman", "Auditors").
 */
export function doerStems(question: string): string[] {
  const verb = askedDoerVerb(question);
  const words = asksForName(question) ? (question.toLowerCase().match(/[a-z]{4,}/gu) ?? []).filter((word) => !NOT_NAMES.has(word)).map(stemWord) : [];
  return [...new Set([...(verb === null ? [] : [verb]), ...words])];
}

/**
 * The words a report prints for the doer of what a question for a name asks (doerStems), in lower
 * case: "chairman", "chairperson" for "who chairs…" or "who is the chair?", "auditors" for "who
 * audits…". Which agent noun a report uses (-or, -er, -man, -person) is read from its own words, not
 * guessed. Words that only start like the stem ("chairs", "chairmanship") are not its doer.
 */
export function doerNounsIn(question: string, words: Iterable<string>): string[] {
  const stems = doerStems(question);
  if (stems.length === 0) return [];
  const out: string[] = [];
  for (const word of words) {
    // (The stem's own forms, "chair" and "chairs", meet the question by stem already.)
    if (stems.some((verb) => word.startsWith(verb) && isDoerOf(word, verb))) out.push(word);
  }
  return out;
}

/**
 * Whether a printed word is the doer's noun of a stem: "chairman" of "chair", "auditors" of "audit";
 * not "chairs" (the stem's own form), nor "registration" of "regist" (read on the printed word, less
 * a plural "s", not on its stem, which a stemmer may clip to look like one).
 */
export function isDoerOf(word: string, verb: string): boolean {
  return stemWord(word) !== verb && namesDoer(word.replace(/s$/u, ''), verb);
}

/** The verb a "who" question asks the doer of, stemmed ("who chairs the glimmer panel?" → "chair"), or null. */
export function askedDoerVerb(question: string): string | null {
  const verb = /^\s*who\s+([a-z]+?)(?:s|es|ed)?\b/iu.exec(question)?.[1]?.toLowerCase();
  if (!verb || verb.length < 4 || NOT_NAMES.has(verb) || /^(?:is|are|was|were|has|have|had|does|did|will|would|can|could)$/u.test(verb)) return null;
  return stemWord(verb);
}

/** What an agent noun adds to its verb: audit-or, lead-er, chair-man, chair-person (or nothing: the chair). */
const AGENT_ENDINGS = ['or', 'er', 'r', 'man', 'woman', 'person'];
const AGENT_ENDING = new RegExp(`^(?:${AGENT_ENDINGS.join('|')})?$`, 'u');

/** Whether a word of a role is the doer of a verb: "Chairman" and "Chair" of "chair", "Auditor" of "audit". */
export function namesDoer(word: string, verbStem: string): boolean {
  const lower = word.toLowerCase();
  return lower.startsWith(verbStem) && AGENT_ENDING.test(lower.slice(verbStem.length));
}

/** The verbs a role's word may be the doer of: itself and itself less an agent ending ("chairman" → "chair"). */
export function doerVerbs(word: string): string[] {
  const lower = word.toLowerCase();
  return [lower, ...AGENT_ENDINGS.filter((ending) => lower.endsWith(ending) && lower.length > ending.length + 2).map((ending) => lower.slice(0, -ending.length))];
}
