import { describe, expect, it } from 'vitest';
import { entityValues as values } from '../../test/entities.js';
import { extractEntities } from './extract.js';
import { loadCorpus, scoreCorpus } from './extract/corpus.js';
import { ENTITY_TYPES, type Entity, type EntityType, type Segment } from './types.js';

const segment = (text: string, speaker: Segment['speaker'] = 'caller'): Segment => ({ id: 'seg-1', speaker, text, startMs: 12_500, endMs: 15_000 });
const extract = (text: string, speaker: Segment['speaker'] = 'caller') => extractEntities(segment(text, speaker));

describe('extractEntities', () => {
  it('stamps every entity with the segment, the speaker and the time it was said', () => {
    const [entity] = extractEntities({ id: 'seg-42', speaker: 'trainee', text: 'so thats forty seven willow lane correct', startMs: 61_000, endMs: 64_000 });
    expect(entity).toEqual<Entity>({ type: 'address', raw: 'forty seven willow lane', normalized: '47 Willow Lane', segmentId: 'seg-42', speaker: 'trainee', atMs: 61_000 });
  });

  it('keeps the words as heard in raw, and a value said twice only once', () => {
    const found = extract('fourteen sixteen maple avenue fourteen sixteen maple avenue');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ raw: 'fourteen sixteen maple avenue', normalized: '1416 Maple Avenue' });
  });

  it('finds nothing in silence, punctuation or protocol chatter', () => {
    for (const text of ['', '   ', '?!', 'okay stay on the line with me', 'push hard and fast one two three four five six', 'help is on the way', 'uh huh']) {
      expect(extract(text, 'trainee')).toEqual([]);
    }
  });

  describe('location', () => {
    it.each([
      ['its forty seven willow lane', '47 Willow Lane'],
      ['um um its its one four two zero maple maple avenue', '1420 Maple Avenue'],
      ['wil willow lane forty seven willow lane', '47 Willow Lane'],
      ['i live at twelve rose street', '12 Rose Street'],
      ['the address is eight twenty five north main street', '825 Main Street'],
      ['it is two thousand and five lakeview boulevard', '2005 Lakeview Boulevard'],
      ['Caller at 615 Lincoln Ave, Apt 4C.', '615 Lincoln Avenue'],
      ['were on lincoln avenue please hurry', 'Lincoln Avenue'],
      ['interstate seventy four eastbound heading toward riverton', 'I-74 EB'],
    ])('reads the address in "%s" as %s', (text, address) => {
      expect(values(text, 'address')).toEqual([address]);
    });

    it.each([
      ['six fifteen lincoln avenue apartment four c the fourth floor', ['Apt 4C', 'Floor 4']],
      ['were in unit three b', ['Unit 3B']],
      ['building c apartment twelve', ['Bldg C', 'Apt 12']],
      ['the supply closet next to room two fourteen', ['Room 214']],
      ['Unit 12, 2nd floor', ['Unit 12', 'Floor 2']],
    ])('reads the unit in "%s"', (text, units) => {
      expect(values(text, 'unit')).toEqual(units);
    });

    it.each([
      ['were near main and fifth', 'Main St & 5th St'],
      ['its near elm and third', 'Elm St & 3rd St'],
      ['on the corner of prospect and elm', 'Prospect St & Elm St'],
      ['were at the corner of oak and twenty first', 'Oak St & 21st St'],
      ['third streets the cross street', '3rd St'],
      ['the cross street is prospect avenue', 'Prospect Ave'],
      ['Cross st: Main & 5th', 'Main St & 5th St'],
    ])('reads the cross street in "%s" as %s', (text, cross) => {
      expect(values(text, 'cross_street')).toEqual([cross]);
    });

    it.each([
      ['yellow house by the water tower', ['water tower']],
      ['across from the gas station', ['gas station']],
      ['cedar street two doors down from grace lutheran church', ['grace lutheran church']],
      ['near the high school football field', ['high school football field']],
      ['im at riverside park the soccer fields three hundred river road field two', ['riverside park', 'soccer fields']],
    ])('reads the landmarks in "%s"', (text, landmarks) => {
      expect(values(text, 'landmark')).toEqual(landmarks);
    });

    it('does not take rooms of a house or a street name for landmarks', () => {
      expect(values('shes in the kitchen by the back door at the end of the hall', 'landmark')).toEqual([]);
      expect(values('fourteen twenty maple avenue', 'landmark')).toEqual([]);
    });

    it.each([
      ['interstate eighty mile marker one twelve', 'I-80 MM 112'],
      ['mile marker one twelve im looking at it', 'MM 112'],
      ['im on i seventy four at mile marker one oh eight westbound', 'I-74 MM 108'],
      ['I-74 EB MM 112, 3 vehicles', 'I-74 MM 112'],
    ])('reads the mile marker in "%s" as %s', (text, marker) => {
      expect(values(text, 'mile_marker')).toEqual([marker]);
    });

    it('does not read an exit, a count or a pronoun as a house number or a highway', () => {
      expect(values('i think its exit one ten quarry road', 'address')).toEqual([]);
      expect(values('theres been a crash on the interstate three cars', 'address')).toEqual([]);
      expect(values('i think i need help', 'address')).toEqual([]);
    });
  });

  describe('callback number', () => {
    it.each([
      ['four one nine five five five oh one one two its the home phone', '+14195550112'],
      ['four one nine uh five five five oh one three five', '+14195550135'],
      ['its four nineteen five five five oh one oh nine', '+14195550109'],
      ['one four one nine five five five oh one four two', '+14195550142'],
      ['CB (419) 555-0147', '+14195550147'],
      ['you can reach me at 614-555-9021.', '+16145559021'],
    ])('reads "%s" as %s in E.164', (text, number) => {
      expect(values(text, 'callback_number')).toEqual([number]);
    });

    it('keeps fictional 555 numbers that a validating parser would reject', () => {
      expect(values('five five five eight six seven five three oh nine', 'callback_number')).toEqual(['+15558675309']);
    });

    it('keeps a seven-digit local number as its digits, the area code unsaid', () => {
      expect(values('call me back at five five five one two one two', 'callback_number')).toEqual(['5551212']);
    });

    it('does not read a house number, 911 or CPR counting as a phone number', () => {
      expect(values('nine one one whats the address fourteen twenty', 'callback_number')).toEqual([]);
      expect(values('one two three four five six seven eight nine ten', 'callback_number')).toEqual([]);
    });
  });

  describe('caller name', () => {
    it.each([
      ['my name is maria lopez', 'Maria Lopez'],
      ['this is john', 'John'],
      ['its mister chen from next door', 'Mr. Chen'],
      ['marcus marcus bell', 'Marcus Bell'],
      ['frank frank dempsey', 'Frank Dempsey'],
      ['gary novak im the yard manager', 'Gary Novak'],
      ['my names david um david kim', 'David Kim'],
      ['its under jessica', 'Jessica'],
    ])('reads "%s" as %s', (text, name) => {
      expect(values(text, 'caller_name')).toEqual([name]);
    });

    it('hears a name read back by the trainee', () => {
      expect(values('and your name is marcus bell', 'caller_name', 'trainee')).toEqual(['Marcus Bell']);
    });

    it('does not take feelings, streets, patients or shouting for a name', () => {
      for (const text of ['im scared please hurry', 'this is bad this is really bad', 'willow lanes the cross street', 'its jordan jordan price hes twenty two', 'angela angela wake up', 'call me back']) {
        expect(values(text, 'caller_name')).toEqual([]);
      }
    });
  });

  describe('nature', () => {
    it.each([
      ['my house is on fire my dads still inside', 'fire'],
      ['my wife shes got chest pain real bad', 'medical:cardiac'],
      ['she cant breathe she has asthma', 'medical:breathing'],
      ['the left side of her face droops when she tries to smile', 'medical:stroke'],
      ['i think he overdosed', 'medical:overdose'],
      ['her water broke and she says she has to push', 'medical:childbirth'],
      ['she fell in the bathroom', 'medical:fall'],
      ['hes having a seizure', 'medical:seizure'],
      ['uh uh my my husband he he collapsed', 'medical:unconscious'],
      ['someones in my house i heard the back door glass break', 'crime:burglary'],
      ['my boyfriend hit me', 'crime:domestic'],
      ['theres a shooter at the college', 'crime:shooting'],
      ['i just got robbed', 'crime:robbery'],
      ['theres been a bad crash on the interstate', 'traffic'],
      ['we got an ammonia leak at the farm supply', 'hazmat'],
      ['im lost on a hiking trail', 'rescue:lost'],
      ['i think my phone dialed you by itself', 'accidental'],
    ])('reads "%s" as %s', (text, nature) => {
      expect(values(text, 'nature')).toContain(nature);
    });

    it('does not read a nature that is denied or only asked about', () => {
      expect(values('no she didnt fall she didnt hit her head', 'nature')).toEqual([]);
      expect(values('no no weapons nobodys fighting', 'nature')).toEqual([]);
      expect(values('is there a fire', 'nature', 'trainee')).toEqual([]);
      expect(values('okay the fire department is on the way', 'nature', 'trainee')).toEqual([]);
      expect(values('papa takes shots for his sugar', 'nature')).toEqual(['medical:diabetic']);
    });
  });

  describe('conscious, breathing and bleeding', () => {
    it.each([
      ['hes not breathing', 'breathing', 'no'],
      ['no hes not conscious', 'conscious', 'no'],
      ['she isnt awake', 'conscious', 'no'],
      ['my papa fell down and he wont wake up', 'conscious', 'no'],
      ['yes shes awake shes talking to me', 'conscious', 'yes'],
      ['yes she is breathing normally', 'breathing', 'yes'],
      ['yeah yeah shes breathing shes kind of snoring', 'breathing', 'abnormal'],
      ['no no its not normal shes gasping', 'breathing', 'abnormal'],
      ['i dont think hes breathing', 'breathing', 'no'],
      ['shes bleeding a lot from her leg', 'bleeding', 'severe'],
      ['hes bleeding from his head', 'bleeding', 'yes'],
      ['no bleeding no problems with the pregnancy', 'bleeding', 'no'],
      ['Pt 58 y/o female, not breathing', 'breathing', 'no'],
    ])('reads "%s" as %s %s', (text, type, value) => {
      expect(values(text, type as EntityType)).toEqual([value]);
    });

    it('takes the last thing said in the segment', () => {
      expect(values('hes breathing but hes not awake', 'breathing')).toEqual(['yes']);
      expect(values('hes breathing but hes not awake', 'conscious')).toEqual(['no']);
    });

    it('does not answer its own question: "is he breathing" is not "breathing yes"', () => {
      for (const text of ['is he breathing', 'is she awake', 'is anyone bleeding', 'tell me if she stops breathing', 'take a deep breath for me']) {
        expect(extract(text, 'trainee')).toEqual([]);
      }
    });

    it('does not read a blood thinner as bleeding', () => {
      expect(values('she takes eliquis thats a blood thinner', 'bleeding')).toEqual([]);
    });
  });

  describe('patient age, injuries', () => {
    it.each([
      ['its my wife angela shes fifty eight', '58'],
      ['my four year old swallowed something', '4'],
      ['hes a sixty seven year old male', '67'],
      ['the pickup driver hes a man in his sixties', '60s'],
      ['my three month old isnt breathing', '3 months'],
    ])('reads the age in "%s" as %s', (text, age) => {
      expect(values(text, 'patient_age')).toEqual([age]);
    });

    it('does not take weeks of pregnancy, battery or years ago for an age', () => {
      for (const text of ['shes thirty nine weeks due next week', 'batterys at nine percent', 'she had a stent put in two years ago']) {
        expect(values(text, 'patient_age')).toEqual([]);
      }
    });

    it.each([
      ['she broke her hip', ['broken hip']],
      ['i burned my hand on the door handle', ['burned hand']],
      ['she says her left hip hurts she cant stand up', ['hip']],
      ['she hit her head her forehead is bleeding', ['head', 'forehead']],
      ['he got shot in the leg', ['leg']],
      ['i think he has smoke inhalation', ['smoke inhalation']],
    ])('reads the injuries in "%s"', (text, injuries) => {
      expect(values(text, 'injury')).toEqual(injuries);
    });

    it('does not read a denied injury', () => {
      expect(values('no she didnt hit her head', 'injury')).toEqual([]);
    });
  });

  describe('scene', () => {
    it.each([
      ['a long gun like a black rifle', ['rifle']],
      ['ive got my husbands baseball bat', ['bat']],
      ['he said he has a pistol in his car', ['handgun']],
      ['Suspect: white male, black hoodie, camo pants; rifle', ['rifle']],
    ])('reads the weapons in "%s"', (text, weapons) => {
      expect(values(text, 'weapon')).toEqual(weapons);
    });

    it('does not read a weapon that is denied, doubted or asked about', () => {
      for (const text of ['no weapons', 'i didnt see a weapon', 'i dont know if hes got a gun', 'does he have any weapons']) expect(values(text, 'weapon')).toEqual([]);
    });

    it.each([
      ['hes got oxygen home oxygen and the tanks in his room', ['oxygen']],
      ['fuels leaking from the pickup and the civics engine is smoking', ['fuel leak', 'smoke']],
      ['theres a power line down across the road', ['downed power line']],
      ['i smell gas in the whole house', ['gas leak']],
      ['the orange panel says ten oh five', ['placard 1005']],
    ])('reads the hazards in "%s"', (text, hazards) => {
      expect(values(text, 'hazard')).toEqual(hazards);
    });

    it('does not read a hazard that is denied', () => {
      expect(values('theres no smoke', 'hazard')).toEqual([]);
      expect(values('i can smell smoke but i cant see any fire', 'nature')).toEqual([]);
    });

    it.each([
      ['theres four of us me and three students', ['4']],
      ['no its just me just me and her', ['2']],
      ['im alone my husbands away', ['1']],
      ['three people are hurt', ['3']],
      ['its me and my two kids', ['3']],
    ])('counts the people in "%s"', (text, counts) => {
      expect(values(text, 'people_count')).toEqual(counts);
    });
  });

  describe('suspects and vehicles', () => {
    it.each([
      ['one guy white early twenties black hoodie camo pants a backpack', 'male, white, black hoodie, camo pants, backpack'],
      ['hes a white male about six foot heavy build shaved head grey t shirt and jeans', 'white male, 6 foot, heavy build, shaved head, grey t shirt, jeans'],
      ['he was wearing a dark hooded jacket', 'dark hooded jacket'],
      ['the guy who hit me was a black male in a green jacket', 'black male, green jacket'],
    ])('describes the suspect in "%s"', (text, suspect) => {
      expect(values(text, 'suspect')).toEqual([suspect]);
    });

    it('puts the age said of a suspect in patient_age, not in the description', () => {
      expect(values('one guy white early twenties black hoodie camo pants a backpack', 'patient_age')).toEqual(['20s']);
      expect(values("it's a hispanic guy, maybe twenty five, gray sweatshirt", 'patient_age')).toEqual(['25']);
    });

    it('does not describe a suspect from the caller\'s own pocket or a patient', () => {
      expect(values('the phone was in my jacket pocket', 'suspect')).toEqual([]);
      expect(values('hes a sixty seven year old male', 'suspect')).toEqual([]);
    });

    it.each([
      ['three a silver civic on its roof a red pickup and a white box truck harbor moving', ['silver civic', 'red pickup', 'white box truck']],
      ['plate a b c one two three four', ['plate ABC1234']],
      ['he drove off in a red ford f one fifty', ['red ford f-150']],
      ['Red Ford F-150, plate 7KJ 442', ['red ford f-150, plate 7KJ442']],
      ['the civics r v t twenty two ninety one the pickups seven k j four four two', ['civic, plate RVT2291', 'pickup, plate 7KJ442']],
      ['his car is a blue toyota camry plate number is alpha bravo charlie one two three', ['blue toyota camry, plate ABC123']],
    ])('describes the vehicles in "%s"', (text, vehicles) => {
      expect(values(text, 'vehicle')).toEqual(vehicles);
    });

    it('does not take a house, a door or a bare "the pickup" for a vehicle', () => {
      expect(values('white house with a red door the pickup driver sat down', 'vehicle')).toEqual([]);
      expect(values('m i t c h e l l', 'vehicle')).toEqual([]);
    });
  });

  describe('on the labelled corpus', () => {
    const corpus = loadCorpus();
    const scores = scoreCorpus(corpus, extractEntities);

    it('has enough labelled utterances of every type, both speakers and negatives', () => {
      expect(corpus.length).toBeGreaterThanOrEqual(300);
      expect(corpus.filter((u) => u.entities.length === 0).length).toBeGreaterThanOrEqual(50);
      expect(new Set(corpus.map((u) => u.speaker))).toEqual(new Set(['caller', 'trainee']));
      for (const type of ENTITY_TYPES) expect(corpus.filter((u) => u.entities.some((e) => e.type === type)).length, type).toBeGreaterThanOrEqual(5);
    });

    // Measured: every type >= 0.88 precision and recall (see `npm run bench:entities`). The floor
    // leaves room for a rule that trades a little of one type for another, not for a regression.
    it.each(ENTITY_TYPES)('keeps %s precision and recall at or above 0.85', (type) => {
      const score = scores.find((s) => s.type === type)!;
      expect(score.precision, `${type} precision`).toBeGreaterThanOrEqual(0.85);
      expect(score.recall, `${type} recall`).toBeGreaterThanOrEqual(0.85);
    });

    it('extracts a segment in well under a millisecond at the median', () => {
      const times: number[] = [];
      for (const [i, u] of corpus.entries()) {
        const started = performance.now();
        extractEntities({ id: String(i), speaker: u.speaker, text: u.text, startMs: 0, endMs: 0 });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      expect(times[Math.floor(times.length / 2)]).toBeLessThan(2);
    });
  });
});
