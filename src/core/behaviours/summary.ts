/**
 * The summary rule (MITI: a summary is a complex reflection that gathers several things the
 * patient said). A framing alone ("Let me summarize", "To recap", "So far you've told me") is
 * not enough: clinicians use the same framings to recap their plan, their advice, results, a
 * list of options or instructions. So the rule reads the whole utterance in three steps:
 *
 *   1. a framing (CUES) in some sentence;
 *   2. what follows it, up to the first question: the rest of that sentence and the statements
 *      after it, cut into list items at commas, semicolons, "and", "but";
 *   3. those items must be the patient's: at least two items, none of them the clinician's plan,
 *      advice, results or options (NOT_PATIENTS, `isAdvice`), and, unless the framing itself says
 *      they are the patient's words ("So far you've told me …"), addressed to the patient ("you …").
 *
 * Precision first (issue 16's target ≥ 0.85): a missed summary costs less than a wrong "well done".
 */
import { isAdvice } from './rules';
import type { Sentence } from './sentences';

/** Framings that say the clinician is gathering the patient's words: the items that follow need no "you". */
const PATIENT_CUES: readonly RegExp[] = [
  // "you've" often reaches the transcript as "you"
  / so far (?:youve|you have|you ve|you) (?:told|said|mentioned|shared|described|talked)/,
  / (?:youve|you have|you ve|you) (?:told|said|mentioned|shared|described) (?:me )?(?:a few|several|some|two|three|four|a couple of|a couple|a number of|lots of|a lot of) (?:things|reasons|concerns|ways|worries|ideas)/,
  / (?:a few|several|some|a couple of) (?:things|reasons|concerns|worries) (?:youve|you have|you ve|you) (?:told|said|mentioned|shared|described)/,
  / (?:what (?:ive|i have) heard (?:so far|today)|what im hearing so far|from what (?:youve|you have|you ve|you) (?:told|said) (?:me )?(?:so far|today))/,
  / (?:on one hand|on the one hand)(?: [a-z]+){2,} (?:and|also) (?:you|youve|youre)(?: [a-z]+){2,} (?:and|also) (?:you|youve|youre) /,
];
/** Framings that say only "I am gathering": the items must be addressed to the patient. */
const NEUTRAL_CUES: readonly RegExp[] = [
  / (?:let me|can i|could i|if i (?:can|could)|if i|i want to|i(?:d| would) like to|let me just|just to|just let me|im going to|i ?m gonna) (?:try (?:to|and) )?(?:just )?(?:summari[sz]e|sum (?:up|that up|it up|this up|things up)|recap|pull (?:together|this together|that together|it together|it all together|all that together)|put (?:it all together|it together|this together|that together|all of that together|all that together|together what you)|go back over)/,
  / (?:to summari[sz]e|in summary|to sum up|to recap|so to recap|summing up|in a nutshell)/,
  / let me (?:see if|just make sure|make sure) (?:ive|i have|i) got (?:the whole picture|it all|everything|all of (?:it|that))/,
];
/** A framing whose object is the plan, results or advice (kept from the first version of the rule). */
const SUMMARY_NOT: readonly RegExp[] = [
  / (?:in summary|to summari[sz]e|to sum up|to recap|overall) (?:your|the) (?:[a-z]+ )?(?:blood|tests?|results?|scans?|x rays?|numbers|levels|labs|exam|examination)/,
  / (?:summari[sz]e|sum up|recap|go back over|to recap|in summary|to summari[sz]e|to sum up) (?:the|our|my) (?:plan|instructions|advice|next steps|results|recommendations|medications?|doses?)/,
  / (?:summary|recap) of (?:the|our|my) (?:plan|instructions|advice|results|recommendations)/,
];
export const SUMMARY_CUES: readonly RegExp[] = [...PATIENT_CUES, ...NEUTRAL_CUES];

/** What the framing may be followed by before the items begin ("… what you've told me so far, …"). */
const LEAD_IN = /^ (?:(?:of |up )?what (?:youve|you have|you ve|you|youre) (?:told|said|shared|mentioned|described|talked about|been telling|been saying)(?: me| to me)?|(?:of |up )?what (?:ive|i have|i) (?:heard|understood)|what im hearing|so far|today|where youre at|for a (?:second|moment|minute)|and (?:you )?tell me if (?:ive|i have|i) (?:missed|got|left)(?: [a-z]+){0,3}|to make sure (?:ive|i have|i) (?:got|understood|understand) (?:it|this|that|you|everything)(?: right)?)(?= )/;

/** Lead-ins that say the items are the patient's words or the clinician's understanding of them. */
const PATIENT_LEAD_IN = / you| ive got| i have got| i got| understood| understand| heard| hearing/;

/** A recap of the clinician's own side: the plan, results, options, instructions, last visit. */
const FRAMED_OBJECT_NOT = /^ (?:of |up )?(?:(?:a few |some |a couple of |two |three )?(?:options|choices|ideas|suggestions|tips|recommendations)|the|our|my|todays|last|your (?:history|notes|chart|file|records|background|allergies|results?|scan|bloods?|tests?|medications?|medicines?|meds|options|plan|numbers|levels|treatment|doses?|dosing|appointment|care|instructions)|what (?:we|i|the|weve|ive|id|im)|where we|how we|everything (?:we|i))(?: |$)/;
const NOT_PATIENTS: readonly RegExp[] = [
  // the clinician's plan or acts, now or at the last visit
  / (?:(?:well|ill) (?:start|try|see|check|get|book|do|send|call|give|add|stop|switch|keep|follow|refer|order|increase|reduce|change|talk|meet|put|make|arrange|look|review|go|support|need|have|be)|we will|were going to|we are going to|were gonna|i will|im going to|i am going to|im gonna|id recommend|i recommend|im recommending|i suggest|id suggest|we agreed|we decided|we started|we talked|we discussed|we covered|we increased|we changed|we reduced|weve (?:talked|covered|increased|discussed|agreed|decided|started)|ive (?:told|explained|given|prescribed)) /,
  /(?<!whether |if |that |worried )youll (?:take|use|need|come|start|get|keep|have|see|stop|be taking|go|book|call|bring) /,
  / (?:its|it is) (?:your|up to you)|your (?:choice|decision|call) /,
  / (?:once|twice|three times|four times) a (?:day|week)| (?:one|two|three) (?:puffs?|tablets?|pills?|capsules?|drops?) /,
  // results and explanations, the clinician's own view
  / i think (?:its|it is|this is|that is|youve got|you have) | (?:it|this|that) should (?:settle|clear|get better|go away|improve|heal|resolve|help) /,
  / you (?:can|could|might) (?:try|use|take|go|ask|call) /,
  / (?:your|the) (?:results?|scans?|bloods?|blood tests?|tests?|x rays?|numbers|levels|cholesterol|exam|ecg|mri|biopsy|swab|heart|kidneys|liver function) (?:is|are|was|were|came|showed|shows|look|looks|looked) /,
  / (?:this|it) is (?:a|an|just|probably|likely) (?:viral|infection|virus|sprain|strain|normal)/,
  / (?:theres|there is|there are) (?:surgery|the option|an option|two options|three options|medication|physio)/,
  // an item opening with an instruction
  /^ (?:and |then |also )?(?:take|finish|call|avoid|cut|walk|recheck|keep|stop|start|rinse|bring|arrive|come back|book|use|check|drink|eat|try|get|make sure|remember|no food) /,
];

const firstMatch = (patterns: readonly RegExp[], words: string) => patterns.map((p) => p.exec(words)).find((m) => m !== null);

interface Framing {
  sentence: number;
  patientsWords: boolean;
  /** What follows the framing in its sentence, as list items. */
  rest: string[];
}

/** The first framing of the utterance, and where it ends in its sentence's clauses. */
function findFraming(sentences: readonly Sentence[]): Framing | undefined {
  for (const [index, sentence] of sentences.entries()) {
    let joined = '';
    for (const [c, clause] of sentence.clauses.entries()) {
      joined = c === 0 ? clause : `${joined.trimEnd()}${clause}`;
      const match = firstMatch(SUMMARY_CUES, joined);
      if (!match) continue;
      const patientsWords = PATIENT_CUES.some((p) => p.test(joined));
      const end = match.index + match[0].length;
      const rest = [` ${joined.slice(end).trim()} `, ...sentence.clauses.slice(c + 1)];
      return { sentence: index, patientsWords, rest };
    }
  }
  return undefined;
}

/** A clause that opens like a question ("…, which one feels most important": Moonshine may drop the "?"). */
const ASKING = /^ (?:(?:so|and|but|now) )?(?:which|what|how|where|when|why|who|do you|does|is it|is that|are you|would you|can you|could you|did i|have i)(?: |$)/;

/** Cuts clauses into list items at "and", "but", "plus" (ASR often drops the commas), up to the first clause that asks. */
function itemsOf(clauses: readonly string[]): string[] {
  // The first clause is the framing's own ("what I've heard is …"): it never ends the list.
  const asking = clauses.findIndex((clause, i) => i > 0 && ASKING.test(clause));
  return (asking === -1 ? clauses : clauses.slice(0, asking))
    .flatMap((clause) => clause.split(/ (?:and also|and then|and|but|plus|as well as|or) /))
    .map((item) => ` ${item.trim()} `)
    .filter((item) => item.trim().split(' ').length >= 2);
}

const OPTIONS_QUESTION = / (?:is it|was it|is that|are they|would you|do you|which|what) /;
/** A statement that asks for more ("Tell me about your father", "Let's talk about …") ends the gathering, like a question. */
const ASKS_MORE = /^ (?:(?:so|and|now|okay|ok|well) )*(?:tell me|talk me|lets|let us|walk me)(?: |$)/;
const ADDRESSED = / (?:you|youre|youve|youd|your|yourself|youll|ya) /;

/** Whether the utterance gathers several things the patient said (see the file comment). */
export function isSummaryUtterance(sentences: readonly Sentence[]): boolean {
  const framing = findFraming(sentences);
  if (!framing) return false;
  const framed = sentences[framing.sentence]!;
  // "… the pain, the cost, or something else?" lists options (the "?" may be lost: Moonshine, no punctuation)
  if (/ or /.test(framed.words) && (framed.question || OPTIONS_QUESTION.test(framed.words))) return false;
  if (SUMMARY_NOT.some((p) => p.test(framed.words))) return false;
  let lead = framing.rest[0] ?? ' ';
  let patientsWords = framing.patientsWords;
  for (let m = LEAD_IN.exec(lead); m !== null && m[0].length > 1; m = LEAD_IN.exec(lead)) {
    if (PATIENT_LEAD_IN.test(m[0])) patientsWords = true; // "… what you've told me"
    lead = ` ${lead.slice(m[0].length)}`;
  }
  if (!framing.patientsWords && FRAMED_OBJECT_NOT.test(lead)) return false; // "summarize the plan", but "you've mentioned the pain"

  const following = sentences.slice(framing.sentence + 1);
  const firstQuestion = following.findIndex((s) => s.question || ASKS_MORE.test(s.words));
  const statements = following.slice(0, firstQuestion === -1 ? following.length : firstQuestion).slice(0, 4);
  const content = [framed, ...statements];
  // What the patient said may sound like advice ("the drinking helps you unwind"); a bare "to recap, …" may be advice.
  if (!patientsWords && content.some((s) => isAdvice(s))) return false;
  const items = itemsOf([lead, ...framing.rest.slice(1), ...statements.flatMap((s) => s.clauses)]);
  if (items.length < 2) return false;
  if (items.some((item) => NOT_PATIENTS.some((p) => p.test(item)))) return false;
  return patientsWords || items.some((item) => ADDRESSED.test(item));
}
