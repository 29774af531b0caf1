/**
 * The third batch of call-taker lines, written for the intents the model still confused on dev
 * lines: awake vs. what happened, age, the callback asked in passing, breathing described rather
 * than named, location asked vs. read back, injuries asked as "does anyone need an ambulance",
 * comfort, asking again, numbers read back, and small talk that mentions places.
 */
export const THIRD_SINGLE: Record<string, string[]> = {
  ask_conscious: [
    'did she lose consciousness at any point?', 'was he ever unconscious?', 'did she black out at all?', 'is the baby making noise?', 'is he moaning or making sounds?', 'did she faint?',
    'is she knocked out?', 'does he respond to your voice?', 'does she move when you call her name?', 'can he talk?', 'is he awake or asleep?', 'is he waking up at all?', 'is she confused?',
    'is he acting normal?', 'is she awake at all?', 'does she open her eyes?', 'will he answer you?', 'does he answer when you talk to him?', 'is she talking to you?', 'is he making any sense?',
    'is he with it?', 'was he knocked out?', 'is he out cold?', 'has he come to?', 'is she coming around?', 'is he conscious now?', 'is she still conscious?', 'is he awake and talking?',
    'is the baby responding to you?', 'does the baby move when you touch him?', 'does he respond at all?', 'any response?', 'is she responsive?', 'does he react when you pinch him?',
  ],
  ask_age: [
    'how old?', 'do you know how old she is?', 'is it a kid or an adult?', 'is she elderly?', 'how old\'s your dad?', 'how old are you, sweetie?', 'are you over eighteen?',
    'what\'s his date of birth?', 'is he in his twenties, thirties?', 'is the patient a child?', 'how old is your friend?', 'and how old is the lady?', 'just a guess, how old?', 'is he a teenager?',
    'age of the patient?',
  ],
  ask_callback: [
    'what\'s the number there?', 'and the number you\'re calling from?', 'what number are you calling from, and is it a cell?', 'what\'s your callback number, in case we get cut off?',
    'can i get a phone number?', 'do you have a number?', 'what\'s the best number for you?', 'what phone are you calling on?', 'give me your phone number, please.',
    'what\'s the number for the house?', 'what\'s your mom\'s number?', 'a number to call you back?', 'can i have the number you\'re calling from?', 'is there another number i can reach you at?',
    'what\'s a callback?', 'and your number, sir?', 'what\'s the number on the phone you have?',
  ],
  ask_breathing: [
    'is his chest rising?', 'can you see her chest move?', 'put your ear by his mouth, do you hear air?', 'do you feel air coming out?', 'is she gasping for air?', 'is he snoring?',
    'is she making gurgling sounds?', 'does his breathing sound noisy?', 'is he breathing fast?', 'is she breathing hard?', 'is her breathing normal?', 'can she get air in?', 'is he turning blue?',
    'are her lips blue?', 'can she catch her breath?', 'is he short of breath?', 'breathing normally?', 'is he taking breaths?',
  ],
  ask_location: [
    'where did the truck crash?', 'where\'s the van parked?', 'where\'s the wreck?', 'where did it happen?', 'where\'s the victim?', 'where\'s the patient now?', 'where did the car go off the road?', 'where did you last see the boat?', 'is that in the city limits?', 'is that in the county?', 'is that on the north end of town?', 'is that in the front or the back?',
    'where\'s the truck parked?', 'where did the car stop?', 'where\'s the bike now?', 'where is the boat?', 'where did he land?', 'is it on the north side or the south side?',
    'which side of the street?', 'is that before or after the bridge?', 'is it the east side of the building or the west?', 'is that inside the city or the county?',
    'is that in the city or out in the county?', 'what\'s around you?', 'what\'s close to you?', 'read me the street sign.', 'what does the sign say?', 'what\'s on the sign?',
    'where is the car right now?', 'where\'s the truck now?', 'where is she in the house?', 'where is the patient?', 'where are they?', 'is this a house or an apartment?',
    'is it a business or a residence?', 'what\'s the name of the store?', 'what building are you in?',
  ],
  verify_location: [
    'are you at the address that\'s showing?', 'is the emergency at the address you\'re calling from?', 'are you at the address on file?', 'is the address on my screen where you are?', 'is that the house you\'re calling from?', 'you\'re at the address this phone is registered to?',
    'forty five twenty one elm.', 'so, forty five twenty one elm street.', 'i have you at the shell on main.', 'that\'s two oh eight oak, apartment four.', 'okay, twelve twelve park avenue?',
    'three twelve forty first avenue, is that correct?', 'you\'re on the interstate, northbound, near exit twelve?', 'you\'re at mile marker eighty two?', 'so the corner of pine and third.',
    'your address shows as fifty five lake road, is that where you are?', 'the blue house next to the school, right?', 'you\'re in the parking lot of the kroger?', 'is that where you are now?',
    'and you\'re at that address now?', 'so that\'s the east side?', 'the west side, right?', 'you said inside city limits?', 'that\'s in the city, correct?', 'okay, the corner of fifth and main?',
    'so it\'s the gas station by the bridge?', 'i show you near twelve elm, is that right?', 'my map shows you on oak street, is that correct?', 'is it still two twenty pine?',
    'so that\'s in the back parking lot?', 'same address as before?', 'the address you gave me, is that where he is?',
  ],
  verify_callback: [
    'six oh eight, five five five, zero one four two.', 'so it\'s four one four, five five five, two two one eight?', 'that\'s area code nine two oh?', 'ending in one four two, right?',
    'is that five five five or five five nine?', 'let me read that back, six oh eight, five five five, oh one four two.', 'okay, three one two, five five five, zero nine nine one, is that right?',
    'and i can reach you at that number?', 'is the number on my screen the one you\'re calling from?', 'i have your number as five five five, four three two one.', 'and that\'s a cell phone?',
    'two six two, five five five, one eight eight eight, correct?', 'is that a cell phone?', 'is the number you\'re on a cell?', 'is this a cell or a landline?',
    'is that your cell, the one ending in four two?', 'the five five five, zero one four two number, is that you?', 'the number ending in eight eight, is that right?',
    'i have six oh eight, five five five, zero one four two. good number?', 'is five five five, two one two one your number?', 'and that\'s the best number?', 'is this a good number to call back?',
    'is that still your number?', 'is that the number we can call back on?',
  ],
  ask_injuries: [
    'does anybody need an ambulance there?', 'do we need an ambulance?', 'need an ambulance?', 'anybody need medical attention?', 'does anyone need a medic?', 'do you need an ambulance for him?',
    'do you need paramedics?', 'should i send an ambulance?', 'does anyone need to be checked out?', 'does he need an ambulance?', 'is anyone complaining of pain?', 'how bad is the bleeding?',
    'is he bleeding a lot?', 'is his arm broken?', 'did she hit her head?', 'are you hurt at all?', 'is the other driver hurt?', 'did he get hurt?', 'is it still bleeding?', 'how bad is the cut?',
  ],
  ask_nature: [
    'does she have a heart condition?', 'any medical problems?', 'does she take any medications?', 'does he have seizures?', 'is he sick at all?', 'what\'s his medical history?',
    'does she have asthma?', 'what\'s going on with the baby?', 'is she in labor?', 'is the baby coming now?', 'did her water break?', 'is this happening right now?', 'did this just happen?',
    'what kind of emergency?', 'what\'s wrong with her?', 'what made you call?',
  ],
  ask_vehicle: [
    'car, truck or van?', 'is it a sedan or an suv?', 'anything on the plate?', 'what\'s the year of the car?', 'did you see the car?', 'was he in a vehicle?', 'can you see the plate?',
    'can you read the plate from there?', 'did you get the plate?', 'what state is the plate?', 'can you see the license plate?', 'what color was the car?', 'was it a car or a truck?',
    'any damage on the car?',
  ],
  ask_suspect: [
    'white, black, hispanic?', 'skinny or heavy?', 'facial hair?', 'hat, glasses?', 'is he still there right now?', 'was he young or old?', 'is he a kid or a grown man?',
  ],
  reassure: [
    'i\'ll stay on the phone with you.', 'i\'ll be here the whole time.', 'i\'m on the line with you until they get there.',
    'breathe with me, okay?', 'breathe in, breathe out.', 'slow breaths with me.', 'they\'re on their way to you right now.', 'i\'ve got them headed your way.', 'the officers are coming, okay?',
    'we\'re sending help.', 'somebody\'s coming to help you.', 'help will be there shortly.', 'they\'re a few minutes away.', 'they\'re pulling up now.', 'stay calm, they\'re coming.',
    'you\'re doing a good job, honey.', 'good job, you\'re doing great.', 'you\'re okay, i\'m right here.', 'i\'m still here.', 'i\'m right here with you, okay?', 'we\'re going to help you.',
    'we\'re going to take care of him.', 'nobody\'s in trouble, we just want to help.', 'okay, it\'s okay, you\'re okay.', 'shh, it\'s alright.', 'don\'t worry, we\'ll get someone there.',
    'they\'re getting close now.', 'they\'re about two minutes out.', 'they\'ll be there any second.', 'they\'re right around the corner.', 'help is just about there.', 'i\'m here with you.',
    'i\'m not going anywhere.', 'i\'ll stay on with you.', 'we\'ve got you.', 'hang in there, okay?', 'you\'re handling this really well.', 'you did the right thing calling.',
    'just breathe, it\'s okay.', 'they know where you are.', 'they\'re coming as fast as they can.',
  ],
  repeat: [
    'say that one more time for me.', 'sorry, you\'re breaking up.', 'i can\'t hear you, you\'re cutting out.', 'hello? are you still there? say that again.', 'wait, say that again?',
    'sorry, what street?', 'what was the number again?', 'i missed that, what was it?', 'go back, what did you say?', 'repeat that for me?', 'can you repeat what you just said?',
    'i didn\'t catch the last part.', 'slowly, one word at a time.', 'you\'re talking too fast, slow down.', 'louder please, i can\'t hear you.', 'i\'m sorry, what?', 'i lost you, what did you say?',
    'slow down for me, what did you say?', 'i can\'t understand you, say it again.', 'speak up for me?', 'can you repeat the number?', 'repeat the address?', 'spell that again?', 'the what?',
    'what did you say his name was?',
  ],
  other: [
    'okay, hold on, i\'m writing.', 'they\'ve been notified.', 'i\'m letting the officers know.', 'i\'ve passed that on.', 'sorry about that.', 'that\'s okay.', 'you\'re welcome.', 'not a problem.',
    'i understand.', 'i follow you.', 'this line is for emergencies only.', 'this is the emergency line.', 'that\'s a non-emergency matter.', 'you\'ll need to call the non-emergency number.',
    'that\'s another agency.', 'that\'s handled by the city.', 'the roads are bad tonight.', 'it\'s been a busy night.', 'the weather\'s rough out there.', 'i\'m putting that in.',
    'i\'ve added that to the call.', 'that\'s a different county.', 'that\'s not our area.', 'i\'m typing.', 'one second, i\'m typing.', 'okay, noted.', 'got it, thanks.',
  ],
  greeting: [
    'nine one one, this call is being recorded.', 'this is nine one one.', 'emergency, nine one one.', 'hi, nine one one.', 'county police nine one one', 'fire department nine one one',
    'highway patrol nine one one', 'nine one one dispatch',
  ],
  command: [
    'heel of your hand on the breastbone.', 'fingers laced together.', 'arms straight, elbows locked.', 'right between the nipples.', 'one hand on top of the other.', 'hard and fast, don\'t stop.',
    'both hands in the center of his chest.', 'on the count, push.', 'keep her warm.', 'don\'t let her get up.', 'get a towel and press on it.', 'go to the door and wait.',
    'keep your hands where they can see them.', 'put the dog away.', 'unlock the door for them.', 'roll her on her side.', 'tell me when he stops.', 'let me know if anything changes.',
  ],
  ask_name: ['and this is?', 'and who\'s this?'],
  ask_hazards: [
    'is the water getting higher?', 'is the car sinking?', 'is the roof coming down?', 'is the ice cracking?', 'is the current strong?', 'is the car still running?',
  ],
};

export const THIRD_MULTI: [string, string[]][] = [
  ['help is coming. is he breathing?', ['ask_breathing', 'reassure']],
  ['they\'re on the way, is she awake?', ['ask_conscious', 'reassure']],
  ['you\'re doing great, how old is he?', ['ask_age', 'reassure']],
  ['they\'re coming, stay on the line with me.', ['command', 'reassure']],
  ['help is on the way, don\'t hang up.', ['command', 'reassure']],
  ['they\'re close, go unlock the front door.', ['command', 'reassure']],
  ['what\'s your number and your name?', ['ask_callback', 'ask_name']],
  ['your name and the number you\'re on?', ['ask_name', 'ask_callback']],
  ['watch her chest, is it going up and down?', ['ask_breathing', 'command']],
  ['look at his chest, tell me if it moves.', ['ask_breathing', 'command']],
  ['shake him and shout, does he wake up?', ['ask_conscious', 'command']],
  ['tap her shoulder, does she respond?', ['ask_conscious', 'command']],
  ['look around, what street signs do you see?', ['ask_location', 'command']],
  ['is anyone hurt, do you need an ambulance?', ['ask_injuries']],
  ['you\'re okay, is anybody bleeding?', ['ask_injuries', 'reassure']],
];
