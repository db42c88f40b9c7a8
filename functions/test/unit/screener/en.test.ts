/**
 * English screener cases beyond the labelled set: negation, idioms and hyperbole, recovery, study and
 * fiction, everyday context, obfuscation and emoji, third-party reports, and every level of DESIGN.md §4.1.
 */
import { runTable, type CaseRow } from './table';

const IMMINENT: readonly CaseRow[] = [
  ['imminent', 'I took 20 pills', { reasons: ['act-in-progress'] }],
  ['imminent', 'I bought a rope', { reasons: ['plan:means'] }],
  ['imminent', "I'm on the roof"],
  ['imminent', 'unalive myself tonight', { reasons: ['timeframe'] }],
  ['imminent', "i'll unalive tonight", { reasons: ['timeframe'] }],
  ['imminent', 'i am going to kms tonight'],
  ['imminent', "I'm going to end it tonight"],
  ['imminent', 'I have pills and I want to die', { reasons: ['plan:means'] }],
  ['imminent', "I've decided, tomorrow I'll jump from the college building"],
  ['imminent', "I'm at the railway tracks now"],
  ['imminent', 'Took 30 sleeping pills'],
  ['imminent', 'I swallowed half a bottle of pills'],
  ['imminent', 'I just drank rat poison'],
  ['imminent', 'the rope is around my neck'],
  ['imminent', "I'm writing my suicide note", { reasons: ['plan'] }],
  ['imminent', 'gonna jump off the building'],
  ['imminent', 'my roommate said she is going to jump off the roof tonight', { thirdParty: true }],
  ['imminent', 'my friend told me he has pills saved up and will take them tonight', { thirdParty: true }],
];

const HIGH: readonly CaseRow[] = [
  ['high', 'i want to kill myself', { reasons: ['suicidal-intent'] }],
  ['high', 'i want to kms'],
  ['high', 'i wanna dieee'],
  ['high', 'i want 2 die'],
  ['high', 'i wanna unalive'],
  ['high', 'i wanna end it all'],
  ['high', 'thinking of sewerslide', { reasons: ['suicidal-thoughts'] }],
  ['high', 'goodbye world', { reasons: ['goodbye'] }],
  ['high', "I'm sorry for what I'm about to do"],
  ['high', 'This is my final message to everyone'],
  ['high', "I'm giving away my things, I won't need them anymore", { reasons: ['giving-away'] }],
  ['high', 'Nobody would miss me', { reasons: ['burden'] }],
  ["high", "I'm a burden to everyone"],
  ['high', 'I wish I could disappear forever', { reasons: ['passive-death-wish'] }],
  ['high', 'I want to sleep forever'],
  ['high', "I don't want to be alive anymore"],
  ['high', "life isn't worth living"],
  ['high', "what's the most effective way to overdose", { reasons: ['method-seeking'] }],
  ['high', 'how many sleeping pills would kill me'],
  ['high', 'lethal dose of paracetamol'],
  ['high', 'how to tie a noose'],
  ['high', 'is jumping from the 5th floor enough to die'],
  ['high', 'is a fall from 3rd floor fatal'],
  ['high', 'I want to hurt myself', { reasons: ['self-harm'] }],
  ['high', 'I keep burning myself with a lighter'],
  ['high', 'I relapsed and cut again'],
  ['high', 'someone told me to kill myself'],
];

const OBFUSCATED: readonly CaseRow[] = [
  ['high', 'k*ll myself', { reasons: ['obfuscated'] }],
  ['high', 'i want to d1e', { reasons: ['obfuscated'] }],
  ['high', 'i want to k!ll mys3lf', { reasons: ['obfuscated'] }],
  ['high', 's.u.i.c.i.d.e thoughts', { reasons: ['obfuscated'] }],
  ['high', 'ki\u200Bll my\u200Bself'],
  ['high', 'ｉ ｗａｎｔ ｔｏ ｄｉｅ'],
  ['high', 'i want to d\u0456e'],
  ['high', '🔪 want to cut', { reasons: ['emoji'] }],
  ['high', 'want to k i l l myself'],
  ['high', 'I want to $uicide'],
];

const MODERATE: readonly CaseRow[] = [
  ['moderate', 'my friend wants to kill herself', { thirdParty: true, reasons: ['third-party'] }],
  ['moderate', 'my cousin is suicidal and I don\'t know how to help', { thirdParty: true }],
  ['moderate', 'I am worried about my roommate, she hasn\'t eaten in days and talks about dying', { thirdParty: true }],
  ['moderate', 'she said she wants to die', { thirdParty: true }],
  ['moderate', 'My brother cuts himself', { thirdParty: true }],
  ['moderate', 'kys', { reasons: ['harassment'] }],
  ['moderate', "I can't go on like this", { reasons: ['hopelessness'] }],
  ['moderate', "I'm numb", { reasons: ['numbness'] }],
  ['moderate', 'i feel empty'],
  ['moderate', 'I hate my life', { reasons: ['self-hatred'] }],
];

const LOW_AND_NONE: readonly CaseRow[] = [
  ['low', "I'm so lonely", { reasons: ['loneliness'] }],
  ['low', "I'm tired", { reasons: ['tiredness'] }],
  ['low', "I'm stressed about placements", { reasons: ['stress'] }],
  ['low', 'kms lol this assignment', { reasons: ['dark-humour'] }],
  ['none', 'hello'],
  ['none', 'what time is the counseling session'],
  ['none', 'thanks, that helped'],
  ['none', ''],
  ['none', '   \u200B  '],
];

const HARD_NEGATIVES: readonly CaseRow[] = [
  ['none', 'I would never kill myself'],
  ['none', 'I would never hurt myself, don\'t worry'],
  ['none', "I'm not going to kill myself"],
  ['none', 'I have no plans to end my life'],
  ['low', "I don't want to die, I want help with my anxiety"],
  ['low', 'no thoughts of suicide, just stressed'],
  ['low', "I'm not suicidal, just tired"],
  ['none', 'dead tired after the trek'],
  ['none', 'this pizza is to die for'],
  ['none', 'killing it at the gym lately'],
  ['none', 'I killed it in my viva today'],
  ['none', 'dying of laughter at this meme 😂'],
  ['none', "I'm dead lol that video"],
  ['none', 'bored to death in this lecture'],
  ['none', 'my laptop died during the exam'],
  ['none', 'my phone died'],
  ['none', 'I could murder a pizza'],
  ['none', 'I could kill for a burger'],
  ['none', 'I nearly died laughing'],
  ['none', "I'm dying to see the movie"],
  ['none', "I'm going to die if I fail this exam"],
  ['low', 'this heat is killing me'],
  ['none', 'my mom is going to kill me for this grade'],
  ['none', 'clean for two years now, no self harm'],
  ["none", "I've been sober for 3 years now"],
  ['none', "I haven't self harmed in two years and I'm proud of myself"],
  ['none', 'I used to be suicidal when I was 15, therapy helped'],
  ['none', "I used to cut myself in school but I'm fine now"],
  ['none', 'we studied suicide prevention in class today'],
  ['none', 'we had a seminar on suicide prevention'],
  ['none', 'our psychology project is about self harm among teens'],
  ["none", "I'm writing an essay on suicide rates in India"],
  ['none', 'the protagonist in the movie kills himself at the end'],
  ['none', 'The character in the novel kills herself'],
  ['none', 'In the game my character died again'],
  ['none', 'suicide squad was a great movie'],
  ['none', 'that was social suicide lol'],
  ['none', 'the tomato plants died'],
  ['none', 'I bought a rope for camping'],
  ['none', 'I took 2 paracetamol for my headache'],
  ['none', 'chilling on the roof with friends watching the sunset'],
  ["none", "I'm going to jump into the pool"],
  ['none', 'the power got cut again'],
  ['none', 'is this enough to pass the exam'],
];

describe('screener (English)', () => {
  runTable('imminent: plan, means, time or an act under way', IMMINENT);
  runTable('high: wishes, thoughts, intent, goodbyes, method search, self-harm', HIGH);
  runTable('obfuscation, look-alikes, invisible characters and emoji', OBFUSCATED);
  runTable('moderate: distress and third-party reports', MODERATE);
  runTable('low and none', LOW_AND_NONE);
  runTable('hard negatives: negation, idioms, recovery, study, fiction, everyday context', HARD_NEGATIVES);
});
