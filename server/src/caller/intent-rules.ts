import type { TraineeIntent } from '../protocol/scenario.js';

/**
 * The intent table: what call-takers say, as regular expressions over normalized ASR text
 * (lowercase, no punctuation, apostrophes dropped: "whats", "dont", "youre"). Data, not code:
 * to teach the matcher a new phrasing, add a pattern here and a line to intents.test.ts.
 *
 * weight: how specific the intent is when it matches. A question about a fact (3) beats the
 * command verb it was wrapped in ("check if she is breathing"), a read-back (4) beats the word
 * "address" inside it, and greeting (1) only wins when nothing else matched.
 */
export interface IntentRule {
  intent: TraineeIntent;
  weight: number;
  patterns: string[];
  /** When one of these matches, the rule does not ("take a deep breath" is not about breathing). */
  unless?: string[];
}

const VERBS =
  'get|go|tip|raise|hold|run|barricade|hide|wave|flag|cool|loosen|time|stay|keep|put|push|press|pump|place|lay|lie|roll|tilt|turn|take|move|unlock|open|close|shut|leave|make sure|check|look|kneel|start|begin|continue|give|wash|dry|rub|flush|support|cover|sit|grab|find|bring|dont|do not|never|lock|hide|silence|count|remove|wrap|apply|use|let|watch|meet|tell them|shout|hang|stop|wait|slip|peel|bend|clear|lift';
const LEAD = '(?:(?:ok|okay|alright|all right|now|listen|please|so|right|good|i need you to|i want you to|you need to|youre going to|you have to|go ahead and|im going to need you to|lets)\\s)*';
const STREET = '(?:street|st|avenue|ave|road|rd|lane|ln|court|ct|drive|dr|boulevard|blvd|way|place|pl|terrace|circle|parkway)';

/** An utterance that starts like a command counts as a question only with one of these in it. */
export const QUESTION_CUE = '\\b(?:is|are|was|were|does|did|can|could|has|what|whats|where|wheres|who|whos|how|when|which|why|if|whether|any|tell me)\\b';
export const COMMAND_START = `^${LEAD}(?:${VERBS})\\b|^if\\b.*\\b(?:${VERBS})\\b`;

export const INTENT_RULES: readonly IntentRule[] = [
  {
    intent: 'verify_callback',
    weight: 4,
    patterns: ['\\d{3} ?\\d{3} ?\\d{4}', 'is (?:this|that) (?:a )?good number', 'number youre calling from (?:is|correct)', 'confirm (?:your|the|this) (?:phone )?number', 'ends in', 'number on my screen', 'is (?:that|this) (?:your|a) cell', '(?:i have|ive got|i show|showing) (?:your|the) (?:number|phone|cell)', 'thats (?:a|your) cell', '\\b\\d{3} \\d{4}\\b'],
  },
  {
    intent: 'verify_location',
    weight: 4,
    patterns: [
      `\\d+[a-z]? (?:[a-z]+ ){0,3}${STREET}`,
      '(?:interstate|highway|route|i) \\d+',
      'mile marker \\d+',
      '(?:confirm|verify|read back|repeat back|is that correct|is that right|did you say|you said|just to confirm|so thats) .*(?:address|street|avenue|road|lane|apartment|\\d)',
      '(?:is that|are you) (?:at|in) (?:the|a)? ?(?:address|apartment|building|house)',
      '(?:floor|apartment|unit|lot|house|street|avenue|road|lane|drive|corner|side|building) (?:[a-z0-9]+ )?(?:right|correct)$',
    ],
  },
  { intent: 'cpr_count', weight: 4, patterns: [] }, // by countingDetector() in intents.ts
  {
    intent: 'hold_notice',
    weight: 4,
    patterns: ['hold on', 'please hold', 'hold the line', 'on hold', 'one moment', 'one second', 'bear with me', 'give me a (?:second|moment|sec)', 'transfer(?:ring)? you', '(?:brief|quick|short) hold', 'put you on', 'connect(?:ing)? you'],
  },
  {
    intent: 'ask_nature',
    weight: 3,
    patterns: [
      'whats (?:your|the) emergency', 'what is (?:your|the) emergency', 'what happened', 'whats going on', 'what is going on', 'whats happening',
      'what is happening', 'whats wrong', 'what is wrong', 'nature of', 'what do you need', 'why do you (?:think|say)', 'what makes you (?:think|say)', 'how do you know', 'what caused', 'how did (?:it|this) (?:start|happen)', 'what kind of (?:help|problem|accident|pain)', 'do you need (?:police|fire|an ambulance|the police)', 'why are you calling',
    ],
  },
  {
    intent: 'ask_location',
    weight: 3,
    patterns: [
      'address', 'where are you', 'where is (?:he|she|it|the emergency|this|that|your emergency|the patient)', 'location', 'what street', 'which street', 'cross street',
      'intersection', 'what city', 'which city', 'what town', 'apartment number', 'unit number', 'what floor', 'which floor', 'what building', 'which building',
      'landmark', 'mile marker', 'what exit', 'where exactly', 'gps', 'coordinates', 'nearest', 'where you are', 'name of the (?:street|road)',
      'where (?:you|youre|are you|is (?:he|she|it|this)|y all|yall) at', 'whereabouts', 'head(?:ing|ed)', 'direction', '(?:north|south|east|west)bound', '(?:north|south|east|west) or (?:north|south|east|west)', 'inside or outside', 'exit', 'county', '(?:near|close to|by) what', 'what road', 'which road', 'what block',
    ],
  },
  {
    intent: 'ask_callback',
    weight: 3,
    patterns: ['phone number', 'callback', 'call back', 'call you back', 'number youre calling from', 'number you are calling from', 'number (?:i|we) can reach', 'your number', 'cell number', 'best number', 'reach you', 'good number', 'contact number', 'telephone'],
  },
  {
    intent: 'ask_name',
    weight: 3,
    patterns: ['your name', 'who am i (?:speaking|talking)', 'whos calling', 'who is calling', 'who is this', 'spell (?:your|the|that)', 'first name', 'last name', 'name'],
    unless: ['name of the (?:street|road|building|business|place|park|trail|school)'],
  },
  { intent: 'ask_age', weight: 3, patterns: ['how old', 'age', 'date of birth', 'year was (?:he|she) born', 'adult or (?:a )?child', '(?:kid|child) or (?:an )?adult', 'older (?:or )?younger', 'in (?:his|her|their) (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)'] },
  {
    intent: 'ask_breathing',
    weight: 3,
    patterns: ['breath\\w*', 'breathe', 'chest (?:rise|rising|going up|moving)', 'tummy', 'going up and down', 'air'],
    unless: ['take a (?:deep |slow )?breath', 'deep breath'],
  },
  {
    intent: 'ask_conscious',
    weight: 3,
    patterns: ['awake', 'conscious', 'unconscious', 'responsive', 'unresponsive', 'respond\\w*', 'wake', 'waking', 'open (?:his|her|their) eyes', 'eyes open', 'alert', 'talking to you', 'answer you', 'passed out'],
  },
  {
    intent: 'ask_injuries',
    weight: 3,
    patterns: ['hurt', 'injur\\w*', 'bleeding', 'blood', 'wound\\w*', 'pain', 'burned', 'broken', 'shot', 'cut', 'are you (?:ok|okay|alright|all right)', '(?:everyone|everybody|anyone|anybody) (?:ok|okay|alright|all right)', 'medical'],
    unless: ['blood thinner\\w*', 'blood pressure'],
  },
  { intent: 'ask_weapons', weight: 3, patterns: ['weapon\\w*', 'gun\\w*', 'knife', 'knives', 'firearm\\w*', 'armed', 'rifle', 'pistol', 'handgun', 'in (?:his|her|their) hands?', 'hit (?:you|him|her) with', 'holding', 'threaten\\w* (?:you |him |her )?with'] },
  {
    intent: 'ask_hazards',
    weight: 3,
    patterns: ['hazard\\w*', 'smoke', 'flames', 'gas', 'chemical\\w*', 'fumes', 'danger\\w*', 'oxygen', 'leak\\w*', 'fuel', 'placard', 'wind', 'dogs?', 'animals?', 'power lines?', 'wires', 'fire', 'are you safe', 'safe place', 'sparking', 'stove', 'tank', 'is it safe', 'somewhere safe', 'safe (?:where|spot|right now)', 'out of (?:the )?(?:road|roadway|traffic)', 'traffic', 'hauling', 'carrying', 'smell'],
  },
  {
    intent: 'ask_people_count',
    weight: 3,
    patterns: ['how many (?:people|persons|patients|victims|of you|others|are there|injured|are with you)', 'other (?:one|guy|person|lady|man|driver|woman|people) (?:still|okay|ok|hurt)', 'how many', 'anyone else', 'anybody else', 'someone else', 'who else', 'alone', 'by yourself', '(?:everyone|everybody) (?:out|get out|make it out)', 'children', 'kids', 'with you'],
  },
  {
    intent: 'ask_suspect',
    weight: 3,
    patterns: [
      'suspect\\w*', 'describe (?:him|her|them|the (?:man|woman|person|guy))', 'description', 'look like', 'wearing', 'race', 'how tall', 'height', 'build', 'hair', 'cloth\\w*',
      'intruder', 'shooter', 'attacker', 'where is he', 'where did he go', 'which way did', 'do you know (?:him|her|them|who)', 'who did this', 'who is he', 'boyfriend', 'tattoos?', 'relationship', 'coming back', 'which way did (?:he|she|they)', 'where did (?:he|she|they) go', '(?:is|was) (?:he|she) (?:still )?(?:there|in the house|outside|on scene|in the area)', 'know (?:him|her|them)',
    ],
  },
  { intent: 'ask_vehicle', weight: 3, patterns: ['vehicles?', 'cars?', 'trucks?', 'plates?', 'license', 'make and model', 'model', 'pickup', 'van', 'suv', 'driving'] },
  {
    intent: 'command',
    weight: 2,
    patterns: [
      COMMAND_START, `^(?:can|could|will|would) you (?:please )?(?:${VERBS})\\b`, 'i need you to', 'i want you to', 'you need to', 'you have to', 'make sure', 'do not go', 'dont go', 'dont let', 'dont touch', 'dont move', 'dont try',
      'compressions', 'hard and fast', 'keep (?:pushing|going|pressing|counting)', 'push (?:hard|down|fast)', 'stay on the (?:line|phone)',
    ],
  },
  {
    intent: 'reassure',
    weight: 2,
    patterns: [
      'help is on (?:the|its) way', 'on (?:their|the|its) way', 'theyre coming', 'they are coming', '(?:ambulance|help|police|officers|firefighters|fire department|paramedics|units?) (?:is|are) (?:coming|on|en route)',
      'en route', '(?:youre|you are) doing (?:great|good|a (?:great|good) job|well|fine|everything right)', 'doing (?:great|good|well)', 'stay calm', 'calm down', 'its (?:going to|gonna) be (?:okay|ok|alright|all right)',
      'take a (?:deep |slow )?breath', 'deep breath', 'im here', 'right here with you', 'sending (?:them|help|someone|units)', 'breathe with me', 'hang in there', 'wont be long', 'theyre close', 'im (?:going to|gonna) help', 'ill help', 'were sending', 'ive got (?:help|someone)', 'youre not alone', 'dont worry', 'i understand', 'good job',
    ],
  },
  {
    intent: 'repeat',
    weight: 1,
    patterns: ['^(?:sorry |im sorry )?what$', 'say (?:that|it) again', 'repeat (?:that|yourself|it)', '^repeat', 'i didnt (?:get|catch|hear|understand)', 'come again', 'pardon', 'one more time', 'slow down', 'what did you say', '^sorry$', 'last (?:thing|part) you said', '(?:say|spell|repeat|give me) .*again$', 'repeat the', '^what was that', 'breaking up', 'cutting out', 'cut out', 'cant hear you', 'speak up', 'louder', 'slower'],
  },
  { intent: 'greeting', weight: 1, patterns: ['^(?:911|9 1 1|nine one one)', 'this is 911', '^hello', '^hi\\b', 'emergency services', '911 (?:whats|what is)'] },
];
