/**
 * Precision-first phrase rules for the listening behaviours, one sentence at a time (sentences.ts
 * gives the ` word word ` form). A rule fires only on wording that says the behaviour outright;
 * everything merely similar ("Is there anything else that hurts?", "Do you understand?",
 * "Would it be okay to meet on Tuesday?") is left alone: a wrong "well done" costs more trust
 * than a missed one. The wordings and their hard negatives: docs/BEHAVIOURS.md.
 */
import type { Sentence } from './sentences';

const any = (patterns: readonly RegExp[], words: string) => patterns.some((p) => p.test(words));

/* ---------- agenda: the patient's whole list of concerns ---------- */

const AGENDA_TOPIC = '(?:talk about|talk through|discuss|cover|go over|bring up|mention|address|add|ask about|focus on|deal with|get to|work on|look at)';
const AGENDA: readonly RegExp[] = [
  // "is there anything else you'd like to talk about / you wanted to bring up today"
  new RegExp(` (?:anything|something|any(?:thing)? other (?:things?|issues?|concerns?|topics?|problems?)|what else) (?:else )?(?:that )?(?:would |do |did )?(?:you|youd|we) (?:would |might |)(?:like|want|wanted|wanna|hoped|were hoping|need|needed|had hoped) (?:to |us to |me to )?${AGENDA_TOPIC}`),
  / (?:anything|something) else (?:thats |that is |that )?(?:on your mind|youre worried about|you are worried about|worrying you|bothering you|concerning you|that brought you in|you came in (?:for|about|with)|for today|today)/,
  / any other (?:concerns|issues|worries|problems|topics) (?:today|for today|on your mind|you (?:want|wanted|would like|d like)|that you|to (?:talk|discuss|cover|add))/,
  / what else (?:is|s)? ?(?:on your mind|brings you|brought you|did you hope|were you hoping)/,
  // "what would you like to talk about / focus on today", "what are all the things you want to cover"
  new RegExp(` what (?:would|do|did) you (?:like|want|hope|wanna) (?:to |us to )?${AGENDA_TOPIC}(?: [a-z]+){0,3} (?:today|this visit|this session|in our time|first)`),
  new RegExp(` (?:all )?the (?:things|issues|concerns|topics) (?:that )?(?:you|youd) (?:would |)(?:like|want|wanted|wanna|hoped) (?:to |us to )?${AGENDA_TOPIC}`),
  / (?:make|set) (?:a |an |our )?(?:list|agenda) (?:of|for) /,
];
/** "anything else that hurts", "anything else to drink", "any other questions" name a symptom or the close, not the agenda. */
const AGENDA_NOT: readonly RegExp[] = [/ (?:hurts?|pain|drink|eat|medications?|allergies|symptoms?) /, / (?:questions?) (?:for me|about|before) /, / before (?:you go|we finish|we wrap)/];

export const isAgenda = ({ words }: Sentence) => any(AGENDA, words) && !any(AGENDA_NOT, words);

/* ---------- permission: asking before giving information or advice ---------- */

const GIVE = '(?:share|shared|tell you|told you|give you|gave you|offer|offered|suggest|suggested|make (?:a |some )?suggestions?|mention|mentioned|explain|explained|go over|went over|talk (?:to you |with you )?(?:a little |a bit |briefly )?about|talked about|let you know|pass on|passed on|run (?:something|some|a few|an idea|this)|add (?:something|some|a thought)|give (?:you )?(?:some|a few|my)|say (?:something|a few|a bit)|throw out)';
const PERMISSION: readonly RegExp[] = [
  // "would it be okay / alright if I shared …", "is it all right with you if I tell you …"
  new RegExp(` (?:would|will|is) (?:it )?(?:be )?(?:ok|okay|alright|all right|fine)(?: with you)? (?:if i|for me to|that i) (?:just )?${GIVE}`),
  // Moonshine's "What it's be okay if I share …" for "Would it be okay …": "it be okay if I" only comes from that ask
  new RegExp(` (?:it|its) be (?:ok|okay|alright|all right|fine)(?: with you)? (?:if i|for me to) (?:just )?${GIVE}`),
  / (?:would|do) you (?:like|want|care) to hear (?:them|it|about|more|some|a few|what|my|how)/,
  new RegExp(` (?:can|could|may|might) i (?:just )?${GIVE}`),
  new RegExp(` (?:do|would) you mind if i (?:just )?${GIVE}`),
  / would you (?:like|want) (?:me to (?:share|tell|give|explain|go over|suggest|offer|talk)|to (?:hear|know|learn) (?:more |about |some |a few |what |how |my )|(?:some|a few|more) (?:information|info|advice|ideas|suggestions|tips|options))/,
  / (?:are|would) you (?:be )?(?:interested|open) (?:in|to) (?:hearing|learning|knowing|some (?:information|ideas|suggestions|tips|options)|me (?:sharing|telling|giving|explaining|suggesting)|what)/,
  / how would you feel (?:about|if) (?:me |i )?(?:sharing|shared|telling|told|giving|gave|hearing|suggesting|suggested)/,
  / would it (?:help|be helpful|be useful) (?:if|for me to) (?:i )?(?:shared|share|told|tell|gave|give|explained|explain|went over|go over)/,
  / (?:i have|ive got|theres) (?:some|a few|a couple of) (?:ideas|thoughts|suggestions|information|tips) (?:[a-z]+ ){0,4}(?:would you like|if you (?:would|d|are) (?:like|interested)|are you interested|would that be|would it be|is that ok|is that okay)/,
];
/** Asking to examine, to ask questions, or to schedule is a courtesy, not permission to advise. */
const PERMISSION_NOT: readonly RegExp[] = [/ (?:ask (?:you )?(?:a |some |few |more )?questions?|examine|take a look at your|listen to your|check your) /];

export const isPermission = ({ words }: Sentence) => any(PERMISSION, words) && !any(PERMISSION_NOT, words);

/* ---------- teach-back: the patient says the plan back in their own words ---------- */

const TEACH_BACK: readonly RegExp[] = [
  / (?:to make sure|just to make sure|so i (?:can )?(?:know|make sure)|just so i know) (?:that )?i (?:explained|was clear|did a good job|covered|got (?:it|everything) across|didnt (?:miss|leave out|confuse))/,
  / (?:tell|explain|say|repeat|walk) (?:it |that |this |them )?(?:back )?(?:to me )?in your own words/,
  / (?:tell|explain|say|repeat) (?:me )?back (?:to me )?(?:what|how|when|the)/,
  // "what will you try this week, in your own words?" (the plan, ahead: not "how have you been feeling")
  / (?:what|how|when|which) (?:will you|are you going to|youre going to|are you gonna|youll)(?: [a-z]+){0,6} in your own words/,
  / in your own words(?: [a-z]+){0,6} (?:we (?:talked|discussed|went over|agreed|decided|covered)|youll|you will|youre going to|you are going to|youre gonna|the plan|to take|how (?:you|to) (?:take|use)|what (?:to do|you should do))/,
  / (?:tell|explain|repeat|say|show) (?:it |that |this |them |those )?back to me/,
  / (?:can|could|would) you (?:tell|show|explain|walk) me (?:through )?(?:how|what|when) (?:you(?:re| are)? (?:going to|gonna|will)|youll|you would|youd) (?:take|use|do|check|give|inject|change|tell)/,
  / what (?:will|are) you (?:going to |gonna )?tell (?:your|them|him|her)(?: [a-z]+){0,3} (?:about|when you get home)/,
  / how (?:will|are) you (?:going to |gonna )?explain (?:this|it|the plan)(?: [a-z]+){0,3} to /,
  / (?:show|tell) me how you(?:ll| will| are going to| re going to)? (?:take|use|do|check|give|inject)/,
];

export const isTeachBack = ({ words }: Sentence) => any(TEACH_BACK, words);

/* ---------- summary: summary.ts (it reads the whole utterance, not one sentence) ---------- */

/* ---------- affirmation / validation ---------- */

const HARD = '(?:hard|difficult|tough|frustrating|scary|frightening|terrifying|overwhelming|painful|exhausting|stressful|upsetting|rough|awful|challenging|lonely|isolating|heartbreaking|discouraging|draining|worrying|confusing|a lot to (?:deal with|carry|handle|take in)|a lot|so much)';
/** The adjectives alone (no "a lot"): "that's a lot of medication" judges nothing. */
const HARD_ADJECTIVE = '(?:hard|difficult|tough|frustrating|scary|frightening|terrifying|overwhelming|painful|exhausting|stressful|upsetting|rough|awful|challenging|lonely|isolating|heartbreaking|discouraging|draining)';
const AFFIRMATION: readonly RegExp[] = [
  // "it's / that's really hard" (the contracted forms), but not "it's hard to say / tell / know"
  new RegExp(` (?:its|thats) (?:(?:really|so|very|been|just|pretty|incredibly) )*${HARD_ADJECTIVE}(?: |$)(?!to (?:say|tell|know|believe|see|find|get|read|hear))`),
  new RegExp(` (?:that|this|it|which|all that|all of that|that all|it all) (?:sounds|must be|must have been|must feel|seems|sounds like it (?:was|has been|is)|has been|was|is|sounds like it was) (?:really |so |very |incredibly |pretty |quite |truly |extremely |such |just |a )*${HARD}(?: |$)`),
  / (?:it|that) (?:makes|made) (?:total |perfect |complete |a lot of |so much |good )?sense (?:that you|you(?:d| would| might| feel| felt| are| were)|to feel|why you|you re)/,
  / (?:anyone|anybody|most people|many people|a lot of people) (?:would|in your (?:position|situation|shoes) would) (?:feel|be|have felt|have been|find)/,
  / (?:its|it is|thats|that is) (?:completely |totally |perfectly |very |so )?(?:understandable|natural|normal|okay|ok|human) (?:that you|to feel|to be|you(?:d| would| feel| felt)|given)/,
  / (?:youve|you have|you ve|youre|you are) (?:really |clearly |obviously |already )?(?:worked|working|been working|been trying|tried|trying) (?:so |really |very )?hard/,
  / (?:thats|that is|this is|what) (?:a |an )?(?:really |such a |so )?(?:great|huge|big|real|wonderful|impressive|important|fantastic|amazing|brave|excellent|terrific|remarkable) (?:step|accomplishment|achievement|progress|effort|improvement|change|achievement|commitment|milestone|thing to do|insight|decision|start)/,
  / (?:you should be|you can be|im|i am|we are|were) (?:really |so |very )?proud (?:of you|of yourself|of that|of this)?/,
  // praise opens its sentence: "Good job checking …", not "we've done such a good job of …", "it's not good for you"
  /^ (?:(?:oh|wow|well|okay|ok|so|and|yeah|thats|that is|really|very|a) )*(?:(?:good|great|nice|fantastic|excellent|brilliant) (?:job|work|going)|well done|good for you|hats off|kudos)(?: |$)/,
  / (?:thank you|thanks) (?:so much |very much |)?for (?:sharing|telling me|being (?:so )?(?:open|honest)|trusting|opening up|your honesty|coming (?:in )?and (?:talking|sharing))/,
  / i (?:really )?(?:appreciate|admire|respect) (?:you |your )(?:being|sharing|honesty|openness|telling|coming|courage|commitment|effort|persistence|willingness|determination)/,
  / (?:that|it|this) (?:takes|took|shows|showed) (?:a lot of |real |so much |great )?(?:courage|strength|guts|commitment|determination|bravery|insight)/,
  / (?:youve|you have) (?:had|been through|gone through) (?:(?:really|so|such|a|an|very|pretty) )*(?:a lot|so much|tough|hard|rough|difficult|awful|terrible)/,
  / (?:which|and that|that) is (?:really |so |very )?(?:great|good|fantastic|wonderful|excellent|impressive|brilliant) (?:to hear )?$/,
  / (?:you(?:re| are)|youre) (?:(?:clearly|obviously|really|very|so|a|an|such a) )*(?:strong|resourceful|determined|committed|dedicated|resilient|brave|courageous|thoughtful|hardworking) (?:person|woman|man|mom|mum|dad|parent)?/,
  / you (?:clearly|really|obviously) (?:care|love|want the best)/,
  / (?:youve|you have) (?:made|done) (?:a lot of |real |great |so much |some )?(?:progress|changes|effort|good work)/,
  / (?:im|i am) (?:so |really |very )?(?:sorry|sorry to hear) (?:that )?(?:youre|you are|you have|youve|you|to hear|about)/,
];
/** "That sounds like a sprain", "does that sound hard?" and "It makes sense to take it with food" judge nothing about the patient. */
const AFFIRMATION_NOT: readonly RegExp[] = [/ (?:isnt|is not|wasnt|not|never) (?:that |so |really )?(?:hard|difficult|bad)/, / (?:sounds like|must be) (?:a|an|the) (?!lot)/];

export const isAffirmation = (s: Sentence) => !s.question && any(AFFIRMATION, s.words) && !any(AFFIRMATION_NOT, s.words);

/* ---------- advice or information (giving; permission decides whether it is MI-consistent) ---------- */

const ADVICE: readonly RegExp[] = [
  / (?:i|id|i would|we|we would|wed) (?:strongly |really |definitely |also |then |probably |just )?(?:recommend|suggest|advise|encourage|urge)/,
  / (?:i|we) (?:dont|do not|cant|cannot|wouldnt|would not) (?:really )?(?:recommend|advise)/,
  / (?:i want|i would like|id like|we want|we would like|wed like|i need|we need) you to (?!tell|describe|explain|say|think|share|talk|know|answer|fill|rate|imagine)/,
  / you (?:could|might|may) (?:also )?(?:try|want to try|consider|want to consider|want to think about)/,
  / (?:is|are|can be|would be) (?:really |very |pretty |so |actually |quite )*(?:bad|harmful|dangerous|risky|unsafe) (?:for|to) (?:you|your|the|babies|kids|children)/,
  / (?:it|this|that) (?:actually |really |also |can |may |will )*(?:causes|cause|damages|damage|increases the risk|raises the risk) /,
  / (?:would be|is) (?:probably )?the best (?:option|choice|thing) for you/,
  / (?:my|our) (?:advice|recommendation|suggestion) (?:is|would be|to you)/,
  // "you should / need to …" opening its sentence (in mid-sentence it mostly reports the patient's situation: "because you need to …")
  /^ (?:(?:so|okay|ok|well|and|now|then|also|but|um|uh|honestly|i think|i really think|i do think|really) )*you (?:really |definitely |probably |also |just )?(?:should|need to|have to|must|ought to|might want to|may want to|want to make sure|could try|might try|might consider|should consider|will need to|ll need to|re going to need to|gotta) (?!be (?:proud|feeling)|feel|have been|be so|be really|be pretty|be very|be exhausted|be tired|be wondering|be thinking)/,
  / (?:its|it is|it would be|it might be|it may be|it could be) (?:really |very |so )?(?:important|best|a good idea|a great idea|better|wise|essential|recommended|helpful|worth (?:trying|it|considering)) (?:to (?!you |yourself )|that you |for you to |if you )/,
  /^ (?:(?:so|okay|ok|well|and|now|then|also|just|please|but) )*(?:try|make sure|be sure|avoid|stop|start|take|cut (?:back|down)|drink|eat|keep|dont|do not|remember to|never|limit|reduce|aim (?:for|to)|switch|swap|call|book|get|check|use|increase|add|skip) (?!me|us|a seat|your time|a look|a breath|a moment|care)/,
  / why dont you (?:try|start|cut|take|stop|switch|consider|get|use|keep|call|book)/,
  / (?:the|this|that|these|your) (?:medicine|medication|drug|pill|pills|tablets?|treatment|vaccine|inhaler|injection|cream|dose|exercise|diet) (?:will|can|may|should|helps|works|is going to|usually|often|tends|causes|lowers|raises|reduces)/,
  / (?:studies|research|evidence|guidelines|the data) (?:show|shows|suggest|suggests|say|says|recommend|recommends|tell us|has shown|have shown)/,
  / (?:the )?(?:recommended|safe|healthy) (?:limits?|amounts?|doses?|levels?|ranges?) (?:is|are|for)/,
  / (?:smoking|drinking|alcohol|nicotine|caffeine|vaping|marijuana|cannabis|sugar|salt|it|this medicine|this medication) (?:can|may|will|could) (?:really |seriously |actually |also )?(?:hurt|harm|damage|affect|raise|lower|increase|reduce|worsen|help lower|help reduce|make it harder) /,
  / (?:men|women|adults|people|patients|kids|children) (?:should|shouldnt|need to) /,
  / (?:smoking|drinking|alcohol|nicotine|caffeine|sugar|salt|exercise|activity|sleep|stress|weight) (?:can|will|may|is going to|tends to|often|actually|really|also)? ?(?:raise|raises|lower|lowers|increase|increases|cause|causes|damage|damages|affect|affects|make|makes|help|helps|worsen|worsens|reduce|reduces|improve|improves) /,
  / what (?:i(?:d| would) like|i want) you to do is /,
  / (?:the )?(?:best|only|safest) (?:thing|way|option) (?:to do |for you )?(?:is|would be) to /,
];
/** Reflections of the patient's own view ("you feel you should …", "sounds like you need to …"), autonomy ("you don't have to …") and questions. */
const ADVICE_NOT: readonly RegExp[] = [
  / (?:sounds like|seems like|feel like|feels like|you feel|you felt|you think|you thought|you said|you mentioned|youre saying|you are saying|part of you|you wonder|you know that|you believe|you realize|youve decided|you decided|youre thinking|worried that|afraid that|hoping that|you wish|youre wondering|you were wondering) (?:[a-z]+ ){0,4}(?:should|need|have to|must|ought|want|could|might)/,
  / (?:dont|do not|dont really) (?:have to|need to)/,
  / (?:up to you|your (?:choice|decision|call))/,
];

/** Giving advice or information (with or without permission). Questions are not advice, "why don't you …" aside. */
export function isAdvice(s: Sentence): boolean {
  if (any(ADVICE_NOT, s.words)) return false;
  if (s.question && !/ why dont you /.test(s.words)) return false;
  return any(ADVICE, s.words);
}

/** Every sentence rule's patterns by behaviour (the summary's framings: `SUMMARY_CUES` in summary.ts), for the evaluation's per-pattern report and the docs. */
export const PATTERNS = { affirmation: AFFIRMATION, agenda: AGENDA, permission: PERMISSION, teach_back: TEACH_BACK, advice: ADVICE } as const;
