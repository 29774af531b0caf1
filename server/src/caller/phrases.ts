import type { Emotion } from '../protocol/scenario.js';

/**
 * The scripted caller's stock phrases, by what the caller is doing and how upset they are.
 * Scenario-specific words (answers, acks, worries) live in the scenario; these are the glue
 * every caller uses. Three bands are enough for a listener to hear the difference.
 */
export type Band = 'calm' | 'upset' | 'frantic';

export function band(emotion: Emotion): Band {
  if (emotion === 'calm') return 'calm';
  if (emotion === 'anxious' || emotion === 'in_shock') return 'upset';
  return 'frantic';
}

type Table = Readonly<Record<Band, readonly string[]>>;

const same = (lines: readonly string[]): Table => ({ calm: lines, upset: lines, frantic: lines });

export const PHRASES = {
  ack: {
    calm: ['Okay.', 'All right.', 'Okay, I can do that.'],
    upset: ['Okay. Okay.', "Okay, I'm doing it.", 'All right, all right.'],
    frantic: ['Okay! Okay!', "I'm doing it! I'm doing it!", 'Okay, okay, what else?'],
  },
  alreadyDoing: same(["I'm doing it.", "I am, I'm doing that.", 'I did that already.']),
  reassured: {
    calm: ['Okay. Thank you.', 'All right. Thank you.'],
    upset: ['Okay. Please hurry.', 'Okay. Thank you. Please hurry.', 'Okay... okay.'],
    frantic: ['Please hurry! Please!', 'How long? How long will they be?', 'Okay, okay, just hurry!'],
  },
  holdAck: same(['Okay. Please hurry.', "Don't hang up. Please.", 'Okay.']),
  dontKnow: {
    calm: ["I don't know.", "I'm not sure."],
    upset: ["I don't know.", "I... I don't know."],
    frantic: ["I don't know! I don't know!", "I don't know! Just send someone!"],
  },
  nothing: {
    calm: ['No. Nothing like that.', "No, I don't think so."],
    upset: ['No. No, nothing like that.', "No. I don't think so."],
    frantic: ['No! Nothing like that!', 'No! Please, just hurry!'],
  },
  notUnderstood: {
    calm: ['Sorry, what?', "I'm sorry, what do you mean?"],
    upset: ['What? What do you mean?', "Sorry, I don't understand."],
    frantic: ['What? What do you mean?', "I don't understand! Just send someone!"],
  },
  evade: {
    calm: ['Can we do that later?', 'Does that matter right now?'],
    upset: ['Why does that matter? Just send someone.', "I... can we not do that right now?"],
    frantic: ['Why does that matter?! Just hurry!', "I can't think! Just send someone!"],
  },
  resist: {
    calm: ["I don't think I can do that.", 'Do I have to?'],
    upset: ["I can't. I can't do that.", 'What? Why?'],
    frantic: ["I can't! I can't do that!", 'What? Why? Just get someone here!'],
  },
  worry: {
    calm: ['Are they coming?', 'How long will they be?'],
    upset: ['Please hurry.', 'Are they coming?'],
    frantic: ['Please, just hurry!', 'Are they coming?! Please!'],
  },
  confirm: {
    calm: ["Yes. That's right.", "Yes, that's it."],
    upset: ["Yes. Yes, that's right.", "Yes, that's it."],
    frantic: ["Yes! Yes, that's it!", 'Yes! Please hurry!'],
  },
  correction: same(['No, wait.', 'Wait, no.', 'No, sorry.']),
  told: {
    calm: ['Like I said.', 'I said that.'],
    upset: ['I said.', 'I told you.'],
    frantic: ['I told you!', 'I already said!'],
  },
  // Spoken into a silent line: several each, and the caller never says the same one twice running (patience.ts).
  silence: {
    calm: ['Hello? Are you still there?', 'Hello?', 'Hello? Did I lose you?', 'Are you still on the line?', 'Hello? Can you hear me?'],
    upset: ['Hello? Are you there?', 'Hello? Is someone coming?', 'Are you still there? Please say something.', 'Hello? Did you hear me?', "Hello? I can't hear you."],
    frantic: ['Hello?! Are you there?!', 'Hello? Please! Are they coming?', 'Say something! Please!', "Hello?! Don't hang up on me!", 'Are you still there?! Please!'],
  },
  yesBreathing: same(['Yes. Breathing, yes.', "Yes, breathing. I think it's normal."]),
  yesAwake: same(['Yes. Awake, yes.', "Yes, awake. Talking."]),
  here: {
    calm: ["Yes, I'm here."],
    upset: ["Yes. I'm here.", "I'm here. I'm still here."],
    frantic: ["Yes! I'm here! Please hurry!", "I'm here! I'm here!"],
  },
  backShort: same(["Okay. I'm here.", "Yes. I'm here."]),
  backLong: {
    calm: ['Hello? Are you back?', "There you are. I'm still here."],
    upset: ['Hello? Are you back? Please don\'t leave me like that.', 'Hello? Hello? Are you there?'],
    frantic: ['Where did you go?! Please!', "Hello?! Don't leave me! Please!"],
  },
  cprReport: same(["I'm pushing.", "I'm pushing hard.", "I'm doing it. I'm counting."]),
  interjection: {
    calm: [''],
    upset: ['', '', 'Okay.'],
    frantic: ['', '', '', 'Oh God.', 'Please.'],
  },
} satisfies Record<string, Table>;

export type PhraseKind = keyof typeof PHRASES;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'twenty-one', 'twenty-two', 'twenty-three', 'twenty-four', 'twenty-five', 'twenty-six', 'twenty-seven', 'twenty-eight', 'twenty-nine', 'thirty'];

/** A compression count as the caller says it: 7 -> "Seven". */
export function countWord(n: number): string {
  const word = NUMBER_WORDS[n] ?? String(n);
  return word.charAt(0).toUpperCase() + word.slice(1);
}
