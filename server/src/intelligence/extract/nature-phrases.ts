// The phrases each kind of emergency is said in (extract/nature.ts reads them): as callers say
// them, with verbs in every tense (words.ts verbForms), learned from how real callers describe
// what they see rather than a category.

import { phrases, verbForms } from './words.js';

const WATER = '(?:pool|lake|river|pond|water|bathtub|tub|ocean|beach|creek|canal|bay|sea|surf|waves|quarry|reservoir|hot tub|fountain|harbor|bayou|slough)';
// Smoke from under a car's hood or out of a bus's back is no fire the writers name (8 of 11 lines), until it burns.
const NOT_FROM_VEHICLE = '(?! (?:of |from )?(?:under )?(?:the |my |his |her |a )?(?:hood|engine|tailpipe|exhaust|back|dash|vents?)\\b)';
// A place or a person "a wreck" is a mess, not a crash.
const MESS = '(?:room|place|house|kitchen|life|everything|shes|hes|im) (?:is )?a(?: total| complete)?';
const BLADES = 'knife|blade|box ?cutter|screwdriver|razor|ice pick|machete|shank|broken bottle';
// Whom an attack is done to, said as a person: "jumped my son", "hit the clerk with a bottle".
export const VICTIMS = 'son|daughter|kid|friend|brother|sister|husband|wife|guy|man|woman|boy|girl|neighbor|lady|dude|student|teenager|homeless|cousin|buddy|dad|mom|coworker|clerk|cashier|bartender|driver';
// Fireworks are shot and set off, no shooting: "the kids were shooting off fireworks".
const FIREWORKS = 'fireworks|firecrackers|bottle rockets|roman candles';
// Where people cut themselves working: "she cut her finger with a knife" is her own finger.
const SELF_PARTS = 'finger|fingers|hand|thumb|palm|arm|forearm|leg|foot|wrist|knee|shin|thigh|toe';
// Heavy things that come down on someone and hold them there.
const HEAVY = 'tree|pole|ladder|shel(?:f|ves)|tv|bookcase|dresser|beam|cabinet|load|pallet|drum|barrel|tractor|forklift|lift|bale|hay|wall|roof|ceiling|jack|log|pipe|crate|door|gate|dirt|mower|machine|car|rack|slab|boulder';
// Things that fall on people or off trucks, the heavy ones and the rest: "a drum fell off a flatbed", "the hood fell on his
// head" is no one's fall.
const FALLING_THINGS =
  `${HEAVY}|it|box|boxes|branch|rocks?|mirror|drums|barrels|cars|truck|hood|face|bumper|tank|sign|crates|tire|glass|bottle|phone|dentures|bales|logs|pipes|powder|lumber|bricks?|limbs?|debris|drywall|plywood|jugs?|bags?|buckets?` +
  // What held something that fell: "a jug of acid fell off the shelf", "a pallet of mulch fell on him".
  '|(?:jugs?|bags?|buckets?|box|boxes|pallets?|stack|pile|case|cases|crates?|cans?|bottles?|load|sheets?|pieces?|bundles?|rolls?|drums?|barrels?|sacks?|cartons?) of (?:[a-z]+ ){0,2}[a-z]+';

// What someone may be threatened or struck with.
const WEAPONS = 'guns?|pistols?|rifles?|shotguns?|handguns?|revolvers?|knife|knives|machetes?|bats?|pipes?|blades?|bottles?|hammers?|crowbars?|axes?|hatchets?|tire irons?|swords?|tasers?';

// Things that run over someone off the road.
const OFF_ROAD = 'mower|forklift|jack|steer|bull|cow|horse|boat|tractor|cart|golf cart|mule|cattle|loader|skid steer|dozer|bulldozer|backhoe|excavator|reach truck|crane';
// What drives on a road ("a white pickup", "the box truck"): what it hits is a road crash.
export const ON_ROAD = 'cars?|trucks?|pickups?|sedan|suv|vans?|minivan|motorcycle|coupe|hatchback|wagon|semi|tanker|bus|taxi|cab|moped|vehicle|train|jeep|rig|tractor trailer';

// Order matters only for overlaps: domestic before assault, so one act is not counted twice;
// choking and allergy before breathing, which they explain (extract/nature.ts).
export const NATURES: [string, RegExp][] = [
  [
    'fire',
    phrases(
      'on fire',
      'fire(?! (?:number|truck|trucks|trucks here|department|dept|station|lookout|fighters?|engine|hydrant|escape|extinguisher|chief|exit|marshal|service|crew|alarm|ants?|tower|ring|drill|works|hall|house|road|lane))',
      'flames',
      // "the barn's burning" reads "barns burning": the "is" joined to the word.
      '(?:house|home|building|kitchen|car|truck|garage|apartment|barn|shed|trailer|room|door|cabinets|couch|woods|field|grass|brush|roof|attic|dumpster)s? (?:is |are )?burning',
      'caught (?:on )?fire',
      '(?:oven|stove|pan|grease|dryer|microwave|toaster|cabinets|curtains|couch|wall|roof)s? (?:is |are |been |was |just )?(?:smoking|caught)',
      'full of smoke',
      'explosion',
      'exploded',
      '(?:outlet|wires?|wiring|panel|transformer) (?:is |are )?sparking',
      `(?:smoke is|smokes) coming (?:out|from)${NOT_FROM_VEHICLE}`,
      '(?:its|it is|everythings|everything is|the whole (?:thing|place|house) is) burning(?! (?:our|my|his|her|their|your) )',
      // "the dumpster behind the restaurant is burning"; not eyes or a throat that burn.
      '(?<!(?:eyes?|throat|skin|chest|mouth|nose|face|hands?|arms?|legs?|feet|foot) )(?:is|are) (?:still )?burning(?! (?:our|my|his|her|their|your|up) )',
      'set (?:\\w+ ){1,3}on fire',
      'smolder(?:ing|s)?',
      // "it's still burning up in the ductwork": in the building, not a fever.
      '(?:burning|smoldering) (?:up )?in the (?:ductwork|ducts?|walls?|attic|vents?|chimney|flue|crawl ?space)',
      `smoke (?:is )?(?:coming|pouring|billowing) (?:out|from)${NOT_FROM_VEHICLE}`,
      // "the chimney is shooting sparks" is a chimney fire, not a shooting.
      '(?:shooting|throwing) (?:out )?(?:sparks|flames)',
      '(?:sparks|flames) (?:are )?shooting',
    ),
  ],
  ['crime:domestic', phrases('domestic(?! (?:flight|violence shelter))', '(?:restraining|protective|protection) order')],
  ['crime:shooting', phrases(`shooting(?! (?:sparks|flames|up|pool|range|star|pain|pains|(?:off )?(?:${FIREWORKS})|hoops|baskets|darts|pictures|photos|videos?|the breeze))`, 'shot up (?:the|my|our|his|her|a|their) (?:house|car|place|building|street|block|apartment)', 'heard (?:\\w+ ){0,5}(?:shots|gunshots)', 'shooter', 'shots? fired', 'gunshots?', 'gunfire', 'opened fire', '(?:been|got|was|were|is|hes|shes|being|just) shot', 'shot (?:himself|herself|myself|themselves) in (?:the|his|her|my) (?:hand|foot|leg|arm|knee|thigh|toe|finger|shin|ankle)', '(?<!(?:flu|antibiotic|allergy|insulin|tetanus|vaccine|covid|booster|steroid|cortisone|b12|epi|pain) )shot (?:at|him|her|me|them|someone|somebody|the|my|his|a)(?! (?:nail|staple|brad|rivet)s?\\b)', 'shot (?:through|into|out) (?:my|the|our)', 'heard (?:\\w+ )?shots', '(?:gun|rifle|pistol|shotgun|handgun|revolver)(?: \\w+){0,3} went off')],
  // A blade used on someone, however said: "got cut with a box cutter in a fight", "came at me with a screwdriver and got me".
  ['crime:stabbing', phrases('knifed', 'slashed', 'stuck (?:me|him|her|them) with (?:something sharp|a (?:knife|blade|screwdriver))', 'stabbed', 'stabbing', 'stab wound', `(?:(?:got|was|been|get|gets) (?:cut|sliced|stuck|poked|jabbed)|(?:stuck|poked|cut|sliced|jabbed|got) (?:me|him|her(?! (?:\\w+ )?(?:${SELF_PARTS})\\b)|them|us|the other (?:one|guy|man|dude)|(?:a|some) (?:guy|man|woman|kid|dude))) (?:\\w+ ){0,3}with (?:a |an |his |her |some |the )?(?:${BLADES})`, '(?:got|was|been|get|gets) (?:cut|cut up|sliced|slashed) (?:\\w+ )?in (?:a|the) fight', `(?:pulled|came at (?:me|him|her|us) with|swung) (?:a|an|his|her|the) (?:${BLADES}) (?:\\w+ ){0,4}(?:cut|sliced|stuck|got|slashed) (?:me|him|her|his|her|my|them)`)],
  // A car in the water is the drowning it may become (the trainable writers: 18 of 25 such lines label it alone).
  ['rescue:drowning', phrases('man overboard', `(?:${ON_ROAD})s? (?:\\w+ ){0,6}(?:in|into) the (?:lake|river|pond|water|canal|bay|bayou|creek|harbor|shallows|ocean)`, verbForms('drown'), '(?:went|going|goes|gone) under(?! (?:the |a |his |her )?(?:\\w+ )?(?:truck|car|bus|trailer|train|house|porch|bed|table|wheels?|tires?))', `face down in the ${WATER}`, `floating in the ${WATER}`, `(?:went (?:in|into)|(?:fell|fallen|jumped|slipped) (?:\\w+ ){0,4}(?:in|into)) the ${WATER}`, '(?:fell|fallen|went|knocked|thrown) (?:in )?(?:off|out of|overboard(?: from| off)?) (?:the|a|his|her|my|our) (?:boat|kayak|canoe|pirogue|raft|dock|pier|float|jet ski|jetski|tube|paddle ?board)(?! onto| on to| into the boat)', 'overboard', `(?:pulled|got|dragged) (?:\\w+ )?out of the ${WATER}`, `(?:under|struggling in) the water`, 'underwater', 'cant swim', 'can not swim', `bottom of the ${WATER}`, '(?:not|isnt) coming (?:back )?up', '(?:current|undertow|riptide|rip current)s?', `(?:yelling|screaming|calling) for help (?:out )?in the ${WATER}`,
    // "hasn't come back up", "caught in a rip", "a guy in the water", "I can't hold him up" (in a pool); a boat that flipped or sank (21 of 21 lines).
    '(?:boat|canoe|kayak|raft|tube|skiff|dinghy)s? (?:\\w+ ){0,2}(?:flipped|capsized|tipped(?: over)?|overturned|sank|sinking|went over)',
    '(?:fell|fallen|falls|went|gone|broke) (?:in |down )?through the ice',
    '(?:hasnt|never|didnt|havent|has not|did not) (?:come|came) (?:back )?up', '(?:caught|stuck) in (?:a|the) rip', '(?:guy|man|woman|person|kid|child|somebody|someone|boy|girl) (?:is )?in the water', '(?:cant|can not|cannot) hold (?:him|her|them) up', '(?:in|under) the water and (?:i|we) cant see')],
  [
    'rescue:trapped',
    phrases(
      // Not a lobsterman's traps, nor someone held down by a person or a dog ("my brother's got me pinned").
      'trap(?:ped|ping)',
      `(?<!(?:got|has|have|had) (?:me|him|her|them|us|(?:my|his|her|the) \\w+) )${verbForms('pin')}`,
      'stuck (?:in|under|inside|between|on)(?! (?:(?:his|her|my|the) )?(?:throat|eye|eyes|ear|nose|mouth|finger|hand|foot|arm|leg|skin))(?! traffic)',
      'caught in (?:the|a)',
      '(?:cant|cannot|can not|couldnt) get (?:out|him out|her out|them out|us out|the door open)(?! of bed)',
      'locked (?:himself|herself|themselves|in|inside)', 'locked out on (?:the|her|his|my|a|their) (?:balcony|roof|deck|fire escape|ledge)',
      'caved in',
      // A structure that fell in on someone: "the ceiling's collapsed on my mother", "the porch collapsed and he's under it".
      '(?:ceiling|roof|porch|deck|shed|wall|barn|building|house|garage|balcony|floor|scaffolding|stage|bleachers)s? (?:\\w+ )?(?:collapsed|came down|fell in)',
      'theres (?:people|someone|somebody|a kid|kids) (?:still )?(?:inside|in there)',
      '(?:fell|stuck|trapped) (?:in|down|into) (?:a|the) (?:well|hole|shaft|trench|bin|drain|culvert|crevice)',
      'buried',
      '(?:cant|cannot|can not|couldnt) climb (?:back )?(?:up|down|out)',
      // Something heavy come down on someone: "a lift came down on a guy's legs", "the tractor flipped on him", "a bale fell
      // on him", "the roof caved in on one of the boys"; not once it is off them ("we lifted it off him").
      `(?!.*\\b(?:lifted|got|pulled|rolled|jacked|pushed) (?:it|him|her|them) (?:off|out)\\b|.*\\bout from under\\b)\\b(?:${HEAVY})s? (?:\\w+ ){0,2}(?:fell|came down|came in|caved|rolled|tipped|flipped|went over|collapsed)(?: over| back| in| off (?:the |a )?\\w+)? (?:on|onto) (?:him|her|them|me|us|(?:a|an|one of|my|his|her|our|the|some|their) (?:\\w+ )?(?:${VICTIMS}|worker|tech|grandma|grandpa|father|mother)s?\\b)`,
      // A limb drawn into a machine: "got his arm caught in the auger", "his glove got caught and it pulled his hand in".
      '(?:got|had) (?:his|her|my|their) (?:arm|hand|leg|foot|fingers?|glove|sleeve|hair|ponytail|shirt|coat|jacket) (?:caught|pulled|sucked|dragged)',
      // "he's wedged between the toilet and the tub", "the mower's on top of him".
      'wedged',
      'on top of (?:him|her|them|me|us)\\b',
    ),
  ],
  [
    'crime:burglary',
    phrases(
      // A stranger in one's own rooms; not "a guy in the bathroom" at a library.
      '(?:a man|a guy|someone|somebody|a stranger|a woman) (?:is )?in (?:(?:my|our|the) (?:kitchen|bedroom|living room|basement|garage|attic)|(?:my|our) bathroom)',
      // Not "her water broke in the truck".
      '(?<!water )broke in(?:to)?',
      'breaking into (?:the |my |our |a )?(?:cars?|trucks?|vans?|house|garage|shed)',
      'prowler',
      '(?:looking|peeking|peeping) in(?:to)? (?:the |my |our |peoples )?windows',
      'trying to (?:open|get into|pry) (?:my|the|our) (?:window|door|car)',
      '(?:house|home|apartment|car|garage|shed|store) (?:got|was|has been) (?:robbed|broken into|burglarized)',
      '(?:broke|smashed|busted) (?:out )?(?:my|the|our) (?:car |truck |van |front |back |bedroom )?(?:window|door|lock)',
      // Someone going along parked cars: "a guy trying car doors in the garage".
      '(?:trying|checking|pulling on) (?:the |peoples )?(?:car )?(?:doors|door handles)',
      'going through (?:the |my |our |peoples )?cars',
      'break(?:ing)? in(?:to)?',
      'broken into',
      'burglar(?:y|s|ized)?',
      'intruders?',
      '(?:someone|somebody|someones|somebodys|a man|a guy|some guy|a woman|a person|theres a man|theres a guy) (?:is )?(?:in|inside) (?:my|the|our) (?:house|home|apartment|garage|backyard|yard|shed|basement|property)',
      'trying to (?:get|break) in',
      '(?:kicked|busted|pried|broke) (?:in|open) (?:the|my|our) (?:\\w+ )?(?:door|window|gate)',
      'glass (?:break|breaking|shatter)',
      '(?:door|window|gate)s? (?:was |is |got |been |has been )?(?:kicked|pried|busted) (?:in|open)',
      // Someone heard or seen inside, or getting in: "somebody's walking around upstairs", "kicking in my back door",
      // "climbing in my neighbor's window", "somebody's going through my bedroom".
      // Not someone inside a car in the water or a fire: "it's sinking with somebody inside".
      '(?<!\\b(?:car|truck|van|suv|canal|river|lake|pond|water|sinking|fire|burning|smoke)\\b.*)(?:someone|somebody|someones|somebodys)(?: is)? (?:inside|upstairs|downstairs|in the (?:building|house|basement|garage)|walking around (?:upstairs|downstairs|inside|in))',
      '(?:kicking|kicks|busting|prying) (?:in )?(?:my|our|the|his|her|their|a|\\w+s) (?:\\w+ )?(?:door|doors|window|windows|gate)',
      '(?:climbing|climbed|crawling|crawled|sneaking|snuck) (?:in|into|in through|through|out) (?:my|our|the|his|her|their|a|\\w+s) (?:\\w+ ){0,2}windows?',
      '(?:went|came|got) in through (?:my|our|the|a|\\w+s) (?:\\w+ )?(?:window|door)',
      '(?:going|went|rummaging|digging) through (?:my|our|her|his) (?:bedroom|drawers|dresser|stuff|things|house|closet)',
    ),
  ],
  ['crime:robbery', phrases('give me (?:your|the) (?:money|wallet|purse|phone|keys|bag)', '(?:jumped|attacked|beat up|hit|knocked) (?:me|him|her|us) (?:\\w+ ){0,6}(?:took|grabbed|stole|snatched) (?:my|his|her|our)', '(?:took|grabbed|snatched) (?:a |the |some |this )?\\w+s (?:purse|wallet|bag|phone) and (?:ran|took off)', '(?:grabbed|snatched) (?:my|her|his) (?:purse|wallet|bag|phone)', 'car ?jack(?:ed|ing)?', 'at (?:gun|knife) ?point', '(?:threatened|pulled a (?:gun|knife) on) (?:me|him|her|us) (?:\\w+ ){0,5}(?:took|grabbed|wanted) (?:my|his|her|our)', 'pulled a (?:gun|knife|pistol) on (?:\\w+ ){1,3}(?:and )?(?:ran|took off|got away|left) (?:out |off )?with', '(?:grabbed|took|snatched|emptied|cleaned out) (?:the )?(?:cash drawer|register|till|drawer)', '(?:grabbed|snatched|yanked) (?:\\w+ ){0,2}(?:purse|wallet|bag|phone|necklace|chain) (?:and|then) (?:ran|took off)', 'robbed', 'robbery', 'robbing', 'mugged', 'stick up', 'stuck (?:me|him|her|us|them) up', 'held (?:me |us )?up', 'took (?:his|her) (?:purse|wallet|bag|phone) (?:and ran|at|from)', '(?:took|grabbed|snatched|ripped) (?:my|his|her) (?:\\w+ )?(?:out of|from) (?:my|his|her) hands?')],
  [
    'crime:assault',
    phrases(
      'assault(?:ed|ing)?',
      '(?<!(?:dog|dogs|bull|animal|coyote|bear|bees|wasps) )attacked',
      '(?<!(?:dog|dogs|bull|animal|coyote|bear|bees|wasps) (?:is |was |are )?)attacking',
      'beat (?:me|him|her|them)',
      '(?<!(?:kind of|kinda|all|real|pretty|little|bit|old|really) )beat up',
      'beating (?:\\w+ ){0,2}up',
      'beating on (?:somebody|someone|a|the|this|some|him|her|me|my)',
      'beaten',
      // Hitting a thing is no assault: "punched the window", "punching holes in the wall".
      '(?:punched|punching)(?! (?:the |a |holes? )?(?:wall|walls|window|windows|door|mirror|glass|holes?)\\b)',
      // Not what a vehicle did: "the truck that hit me".
      `(?<!(?:${ON_ROAD}|driver) (?:that |who |which )?(?:just )?)hit me`,
      'hitting (?:me|her|him)',
      // "smacked her face on the counter" is a fall's blow.
      '(?:slapped|slapping|smacked|smacking|shoved|shoving) (?:me|her|him|us|them)(?! (?:face|head|nose|mouth|chin|forehead|knee|leg|arm|hand|back) on)',
      'fighting(?! for (?:air|breath|(?:his|her|my) (?:life|breath)))',
      'a fight',
      'jumped (?:me|him|her|us|them)',
      'kicked (?:me|him|her|us)(?! (?:out|off))',
      'got jumped',
      'raped',
      'sexually assaulted',
      // "hit my son in the head with a bat": someone struck with something (a part of oneself, "hit his thumb with a hammer", is an accident).
      `(?:hit|hitting|attacked|swung at|whacked|clubbed|bashed) (?:me|him|her|us|them|(?:my|our|his|her|a|the|this|some|another) (?:${VICTIMS}))(?: (?:in|on|across|over) the \\w+)? with (?:a|an|his|her|the|some)`,
      // Someone cut, not a part of them ("she cut her finger with a knife, cooking" is an accident).
      '(?:cut|slashed|sliced) (?:me|him|us|her(?= (?:across|on|in|with) )) (?:\\w+ ){0,4}with (?:a|an|his|her|the)',
      'threatening(?! to (?:take|swallow|overdose|kill (?:him|her|my)self|shoot (?:him|her|my)self|hang|cut|jump|end))',
      'trying to fight',
      // A dog attacking a kid is an animal's doing (the nature model reads those), not an assault.
      `(?<!(?:dog|dogs|pit ?bull|bull|bear|horse|cow)(?:s| is| are| was| were)? )(?:jumped|jumping|attacked|attacking|beat up|beating up|beating on|jumping on) (?:my|our|a|the|this|some|another) (?:${VICTIMS})\\b`,
      'pulled a (?:knife|gun)',
      '(?:threw|thrown|throwing) (?:a|an|the) \\w+ (?:at (?:me|him|her|us|them|a|the)|and hit)',
      'came at me',
      // A weapon aimed or swung at someone ("waving a gun at people", "swinging a pipe at the folks waiting", "pointed a
      // rifle at my son"); not one waved around or at the bushes, nor "it" swung at cars.
      `(?:waving|waved|pointing|pointed|aiming|aimed|swinging|swung|brandishing) (?:(?:a|an|his|her|the|that|some) (?:\\w+ )?(?:${WEAPONS})|it) (?:right |around )?at (?:me|us|him|her|them|people|everybody|everyone|kids|folks|(?:my|our|his|her|the|a|some|those|these) (?:\\w+ )?(?:${VICTIMS}|kids|folks|people|customers|workers|guard|nurse|teacher|neighbors|family|face|head))\\b`,
      `(?:waving|waved|pointing|pointed|aiming|aimed|swinging|swung) (?:a|an|his|her|the|that|some) (?:\\w+ )?(?:${WEAPONS}) (?:right |around )?at (?:the )?cars`,
    ),
  ],
  ['crime:theft', phrases('stolen', 'stole', '(?:my|our|his|her) (?:car|truck|bike|van|motorcycle|trailer|boat|catalytic converter)s? (?:is |was |are )?(?:gone|missing)', 'took (?:the |all the |our |my )?(?:money|cash) (?:from|out of) (?:the )?(?:register|drawer|till|safe)', 'theft', 'shoplift(?:ing|er)?', 'pick ?pocket(?:ed)?', 'didnt pay (?:for )?', '(?:walked|walking|ran|running|went) out (?:\\w+ ){0,3}without paying', 'stealing', '(?:someone|somebody|they|he|she) took (?:my|our) (?:car|truck|bike|van|wallet|phone|purse|laptop|tools|trailer)', 'took (?:my|our|his|her) (?:\\w+ ){0,3}and (?:ran|took off)', 'siphon(?:ing|ed|s)?', 'hot ?wir(?:e|ed|ing)', '(?:stripping|stripped|cutting|cut) (?:the |out )?(?:\\w+ )?copper', '(?:taking|took|stealing|grabbing|grabbed) (?:\\w+ ){0,2}packages', '(?:walked|ran|running|walking|snuck) out (?:\\w+ ){0,4}with (?:a|an|the|two|three|some|all|our|my|his|her|\\d+) (?!(?:little )?(?:girl|boy|kid|child|baby|toddler)\\b)', '(?:drove|driven|pulled|took) (?:off|away) without paying', '(?:pumped|filled up) (?:\\w+ )?and (?:drove|took) off', '(?:got|was|been) (?:lifted|swiped|pinched|jacked)', 'swiped (?:my|her|his|the|our)', '(?<!\\b(?:guns?|pistol|handgun|revolver|knife|weapon)\\b(?: \\w+){0,2} )(?:stuffing|stuffed|put|putting|shoving|shoved|slipped|slipping) (?!(?:\\w+ ){0,2}(?:guns?|pistol|handgun|revolver|knife|weapon)\\b)(?:\\w+ ){0,3}(?:in|into|under|down) (?:his|her|their) (?:coat|jacket|shirt|pants|purse|bag|backpack|hoodie|pocket|pockets|waistband)', '(?:grabbed|took|snatched) (?:the|a|some|two|three) (?:\\w+ )?(?:and|then) (?:ran|took off|bolted)', 'took off with (?:the|our|a|some|all) (?!(?:little )?(?:girl|boy|kid|child|baby|toddler)\\b)')],
  ['crime:kidnapping', phrases('(?:a|the|for|pay|paid|want|wants|wanted|asking|demanding) ransom', 'ransom (?:note|call|money|demand|message)', '(?:they|he|she|someone|somebody) (?:have|has|got) my (?:son|daughter|kid|child|baby|husband|wife) and', '(?:threw|throws|throwing|pushed|shoved) (?:her|him|them) in(?:to)? (?:a|the|his|her|their) (?:car|van|truck|trunk)', '(?:walked|ran|drove|took) off with (?:her|him|my (?:little |baby )?(?:daughter|son|baby|kid|girl|boy))', 'in (?:some|a|the) (?:\\w+ )?trunk', 'kidnap(?:ped|ping)?', 'abducted', '(?:tried|trying) to (?:drag|pull|force) (?:me|her|him) into', '(?:took|grabbed|snatched) (?:my|our|her|his) (?:little |baby )?(?:daughter|son|kid|baby|child|children|kids|boy|girl)(?! by the (?:hair|arm|neck|throat|shirt|collar))', 'put (?:her|him|them|(?:a|the|this|some) (?:\\w+ ){0,2}(?:kid|boy|girl|child|baby|woman|lady)) in(?:to)? (?:a|the|his|her) (?:car|van|truck)', '(?:pulled|pulling|dragged|dragging|forced|forcing|shoved|shoving|threw) (?:a|the|my|her|him|this|some) (?:\\w+ ){0,2}into (?:the back of )?(?:a|the|his|her) (?:\\w+ ){0,2}(?:car|van|truck)', '(?:doesnt|does not|dont|do not|not supposed to|isnt supposed to) have custody', 'not (?:allowed|supposed) to have (?:them|him|her|the kids)', 'lured', '(?:keeping|holding) (?:me|us) (?:in|at) (?:a|the|his|her|their) ', '(?:keeping|holding) (?:her|him|them|my \\w+) (?:in|at) (?:his|her|their|the|a) (?:house|apartment|place|room|car)', `(?:pulled|pulling|dragged|dragging|forced|forcing|shoved|shoving|threw|throw|throwing|pushed|pushing|put|putting|yanked|snatched|grabbed) (?:her|him|me|us|(?:a|the|my|our|this|some|that) (?:\\w+ ){0,2}(?:kid|kids|boy|girl|child|children|baby|woman|lady|man|guy|teenager|teen|toddler|son|daughter|friend|sister|brother|husband|wife|student|cousin|granddaughter|grandson|nephew|niece)) (?:\\w+ ){0,3}(?:into|in) (?:the (?:back|trunk) of )?(?:a|the|his|her|their|some|that|this) (?:\\w+ ){0,2}(?:${ON_ROAD}|trunk|suburban|sedan)\\b(?! (?:door|window|hood|mirror))`, `(?:being|got|get|gets|was|been|getting) (?:pulled|dragged|forced|pushed|thrown|shoved|yanked|put) (?:\\w+ )?(?:into|in) (?:the (?:back|trunk) of )?(?:a|the|his|her|their|some|that|this) (?:\\w+ ){0,2}(?:${ON_ROAD}|trunk|suburban|sedan)\\b`, '(?:took|grabbed|snatched|carried off|walked off with|ran off with|left with|walked out with) (?:a|the|my|our|her|his|somebodys|someones) (?:little |baby )?(?:girl|boy|kid|child|baby|toddler|infant|granddaughter|grandson|nephew|niece)(?! (?:to|for|home|inside|upstairs|by the (?:hair|arm|neck|throat|shirt|collar)))', '(?:trunk of (?:a|the|his|her|that) (?:\\w+ )?car|(?:inside|from) (?:of )?(?:a|the) (?:\\w+ )?(?:car )?trunk)', '(?:wont|will not|wouldnt|isnt|not) (?:let|letting) (?:me|her|him|us|them) out', '(?:screaming|yelling) (?:to )?let (?:me|her|him) out', '(?:being|been|is|was) held(?! (?:up|back|down|on))', 'hostages?', 'holding (?:my|a|her|him|them|our) (?:\\w+ ){0,2}(?:for money|till|until|hostage)', '(?:wont|will not|wouldnt) (?:give|bring) (?:her|him|them|the baby|my baby|the kids?) back', '(?:tried|trying|tries) to (?:grab|pull|get|lure|take) (?:kids|children|a kid|a child|them|her|him|my \\w+)(?! (?:out|off|up|down|away from the))')],
  [
    'traffic',
    phrases(
      // "her sugar crashed" is the diabetic's.
      '(?<!sugars? (?:\\w+ )?)crash(?! (?:sensor|detection|detector|thing|alert|feature))',
      '(?:went|drove|ran|veered|flew) off (?:the|a) (?:road|bridge|cliff|embankment|overpass|highway|pier)',
      '(?:run|ran|running|forced|pushed) (?:me|us|him|her|them) off the road',
      // A pedestrian struck: "saw a lady get hit crossing the street".
      '(?:got|get|gets|was|been|getting) (?:hit|struck) (?:while )?(?:crossing|walking|riding|jogging)',
      '(?:been|(?<!it )was|had|saw|see|seen|witnessed|theres|there was|just had) an accident',
      'jackknifed',
      'overturned',
      // Not a mower, a forklift, a boat or a steer that ran over someone, nor someone who ran over to a place: no road crash.
      `(?<!(?:${OFF_ROAD}) )(?:ran|run) over(?! (?:to|here|there|from|with|next door)\\b)(?! (?:\\w+ ){0,3}by (?:a|the|his|her) (?:\\w+ )?(?:${OFF_ROAD}))`,
      '(?:pedestrian|cyclist|biker) (?:got |was )?(?:hit|struck)',
      'crashed into',
      'fender bender',
      // "the wreck's on the parkway", "car versus tree", "plowed into", "drove right through the glass", "on its roof".
      `(?<!(?:train|nervous|hot|emotional|${MESS}) )wreck(?:ed|s)?(?! (?:room|yard|the place|my life))`, '(?:car|truck|vehicle|suv|van|pickup|motorcycle|bike) (?:vs|versus) ', 'plowed into',
      '(?:drove|went|crashed|slammed|ran) (?:his |her |their |a |the )?(?:car |truck |suv |van )?(?:right |straight )?(?:into|through) (?:the )?(?:front|window|glass|wall|building|store|house|daycare|storefront)',
      'on (?:its|their) roof', '(?:car|truck|vehicle|pickup|suv)s? (?:is |are )?hanging off',
      '(?:collapsed|passed out|slumped) at the wheel',
      'hit (?:a|the) (?:guy|man|woman|lady|person|kid|child|boy|girl) on (?:a|his|her) (?:bike|scooter|bicycle|motorcycle)',
      'upside down',
      // Not a mower or a dozer on its side (a horse trailer is on the road): no road crash.
      `(?<!(?:${OFF_ROAD})s?(?: (?!trailer)\\w+){0,6} )on (?:its|their) side`,
      '(?<!(?:any|no) )2 cars',
      '(?:flipped|rolled) (?:over|on its roof)',
      // Not a car that rolled by or up to shoot: "a car rolled by and just opened up".
      '(?:car|truck|tanker|suv|van|bus|semi|jeep|pickup) (?:just )?(?:flipped|rolled)(?! (?:by|up|past|away))',
      'airbags? (?:went off|deployed)',
      'ran (?:the|a) (?:red light|stop sign)',
      'motorcycle down',
      // Not someone who slipped and rolled down a slope, nor a load that rolled off a rack.
      '(?:and|then|that|which) (?:flipped|rolled)(?! (?:out|off|by|away))(?<!\\b(?:slipped|tripped|fell|tumbled)\\b.*)(?: over)?',
      `(?<!(?:${OFF_ROAD}) )backed (?:right |straight )?(?:into|over)`,
      // Not a car hit with a bat: "somebody hit my car with a bat" is no crash.
      '(?:hit|rear ended|sideswiped) (?:us|me|my car)(?! with (?:a|an|the|his|her|some) (?:\\w+ )?(?:bat|bottle|rock|brick|hammer|crowbar|pipe|stick|club|tire iron|shovel|skateboard)s?\\b)',
      '(?<!sugars? (?:\\w+ )?)crashed',
      '(?:car|traffic|auto|motorcycle|bad) accident',
      'accident on the (?:interstate|highway|freeway|road)',
      'collision',
      'collided',
      'through (?:the|my|our|his|her) windshield',
      // "the accident's at the junction of route nine": the accident where it is.
      'the accidents? (?:is |was )?(?:at|on|in|right)',
      'rollover',
      'rolled over',
      'hit by a (?:car|truck|vehicle|bus)',
      // A sled, a skier or a snowboarder that hit a tree is a fall, not a crash.
      'hit a (?:pedestrian|cyclist|kid|child|deer|pole|tree)(?<!\\b(?:sled\\w*|ski\\w*|snowboard\\w*)\\b.*)(?!.*\\b(?:sled\\w*|ski\\w*|snowboard\\w*)\\b)',
      'hit and run',
      'pile ?up',
      't boned',
      'rear ended',
      'ran off the road',
      'swerving',
      'drunk driver',
      '(?:hes|shes|driving|swerving|weaving|is|was|been) all over the road',
      'spun out',
      'mvc',
      '(?:going|driving|drove|went|headed|heading|coming) the wrong way',
      // A driver taken ill still crashes: "she had a seizure and went into the light pole", "we slid off into the ditch".
      '(?:ran|drove|crashed|went|rolled|slid|veered|swerved) (?:right |straight )?(?:off )?(?:into|through) (?:the )?(?:front of |side of )?(?:a|the|my|our|some) (?:building|house|store|(?:light |telephone |power |utility )?pole|tree|wall|fence|window|ditch|mailbox(?:es)?|guard ?rail|median|parked cars?|culvert)',
      '(?:car|truck|tanker|suv|van|bus|semi|trailer) (?:just )?tipped over',
      '(?:flipped|rolled|wrecked) (?:his|her|their|my|the|a) (?:4 wheeler|four wheeler|atv|utv|quad|side by side|tractor|car|truck|bike|motorcycle|jeep|dirt bike)',
      '(?:ladder|debris|tire|mattress|couch|furniture|load) (?:in|across|on) the (?:left |right |middle |center |fast )?lanes?',
      // What a vehicle did, however the caller names it: "a car just hit a lady", "the bus clipped a guy on a scooter", "the one
      // that hit my truck", "got hit by a box truck"; not the words of a fight ("threw me against the car and hit me").
      `(?:${ON_ROAD}) (?:(?!(?:and|nearly|almost|stop|station|depot)\\b)\\w+ ){0,2}(?:hit|hits|struck|clipped|sideswiped|rear ended|t ?bones?|t ?boned|smashed into|slammed into|slid into|ran into|took out|blew through|went under)\\b`,
      `(?:got|get|gets|was|been|getting|were) (?:hit|struck|clipped|run over|ran over|knocked down|rear ended|sideswiped) by (?:a|an|the|some|this|that) (?:\\w+ ){0,2}(?:${ON_ROAD})\\b`,
      '(?:got|get|gets|was|been|getting) (?:clipped|sideswiped|t ?boned|rear ended)',
      '(?:motorcycle|moped)s? (?:went|laid|goes|going) down', 'laid (?:it|the bike|his bike|her bike|the motorcycle) down',
      '(?:slid|sliding|skidded|skidding|spun) (?:\\w+ ){0,3}(?:the|a) (?:road|ditch|bar ditch|snowbank|switchback|embankment|guard ?rail|median|shoulder|back of)',
      `(?:${ON_ROAD}) (?:is |s |are |went |got )?(?:\\w+ )?(?:in|into|down) (?:the|a) (?:ditch|bar ditch|embankment|snowbank)`,
      `(?:${ON_ROAD}) (?:\\w+ ){0,3}(?:tipped|turned) over`,
      'hit (?:a|an|the) (?:\\w+ )?(?:guard ?rail|bridge rail|light pole|power pole|utility pole|telephone pole|deer|cow|elk|moose)',
      '(?:cars?|vehicles|trucks|semis) (?:\\w+ ){0,3}piled up',
      '(?:crossing|crossed|over) the (?:center|centre|yellow) line', '(?:hit|collided|crashed|crash|collision) head on', 'head on (?:collision|crash)', 'wrong way driver', 'all over the (?:lanes?|highway|interstate)',
      'wrapped around (?:a|the) (?:tree|pole)', '(?:lost|dropped) (?:a|its|his|her|their) load',
      '(?:blew|came|flew|went) (?:right )?through (?:the|a|my) (?:red|red light|light|cones|stop sign|intersection)',
      '(?:motor )?vehicle accident', 'mva',
    ),
  ],
  [
    'hazmat',
    phrases(
      'co (?:detector|alarm)',
      'propane (?:tank )?(?:is |\\w+ )?(?:hissing|leaking)',
      '(?:barrels|drums|containers|tanks) (?:\\w+ ){0,2}(?:leaking|are leaking)',
      'ammonia',
      'chlorine',
      'anhydrous',
      'hazmat',
      'haz mat',
      'hazardous materials?',
      'chemical (?:leak|spill|smell|cloud|fire|release)',
      'chemicals? (?:leaking|spilled|spilling)',
      'gas leak',
      'smell(?:s|ing)? (?:like )?(?:natural )?gas',
      'smell of gas',
      'gas smell',
      'propane leak',
      'carbon monoxide',
      'co alarm',
      'toxic (?:fumes|cloud|gas|smoke)',
      // Fumes, a pesticide, a white powder or sewer gas make people sick (the trainable writers: 16 of 17 lines hazmat).
      'fumes',
      'pesticides?',
      'white powder',
      '(?:sewer|exhaust) gas',
      'vapou?r cloud',
      // A placard alone is a hazard the caller reads off a truck (scene.ts); with something leaking or
      // spilled the trainable writers call it hazmat (9 of 10 lines, against 1 of 9 without).
      '(?:placard|orange sign|diamond)(?= .*\\b(?:leak|spill))',
      '(?:leak|spill)\\w* (?:.* )?(?:placard|orange sign|diamond)',
      'fuming',
      '(?:bleach|cleaners?|chemicals) (?:\\w+ ){0,4}mixed',
      'mixed (?:the )?(?:bleach|cleaners?|chemicals)',
      'gas line (?:got )?(?:hit|broke|broken|cut|ruptured)',
      'rotten eggs?',
    ),
  ],
  [
    'medical:cardiac',
    phrases('chest pains?', 'pain in (?:his |her |my |the )?chest', 'heart attack', 'cardiac', 'no (?:pulse|heartbeat)', 'pulseless', '(?:cant|cannot|couldnt) (?:find|feel) (?:a|his|her|any) (?:pulse|heartbeat)', '(?:sitting|elephant|weight) on (?:my|her|his) chest', 'heart stopped', '(?:grabb|clutch|hold)(?:ing|ed|s)? (?:at )?(?:his|her|my) (?:chest|heart)', 'chest (?:hurts|is hurting|hurting)', 'hearts? (?:is )?(?:racing|pounding|fluttering)', 'crushing', 'arm (?:is |feels )?numb', 'chest (?:pressure|tightness|feels tight|is tight|is heavy|feels (?:like|heavy|tight))', 'pacemaker', 'heart rate'),
  ],
  ['medical:choking', phrases('inhaled (?:a|an|some|the) \\w+', '(?:eating|ate) (?:\\w+ ){0,5}(?:cant|can not) (?:get (?:any )?air|breathe)', 'choking(?! (?:me|her|him))', 'choked on', 'stuck in (?:his|her|my|the )?throat', '(?:cant|cannot|can not) cough', 'heimlich', 'abdominal thrusts', 'back blows', 'went down (?:the )?wrong(?: pipe| way)?', 'airway obstruction', '(?:food|candy|grape|bone|gum|coin|meat|bread|piece of \\w+) (?:\\w+ ){0,2}stuck', '(?:holding|grabbing|clutching) (?:his|her|my) throat', 'swallowed (?:a|some|the) (?:coin|battery|toy|piece|marble|magnet|button)', 'gagging', '(?:put|stuck) (?:a|an|the|some) (?:\\w+ )?(?:coin|battery|toy|marble|magnet|button|grape|candy|bead|piece of \\w+) in (?:his|her|my|their) (?:mouth|nose)')],
  // Skin that breaks out ("breaking out in welts"), not a fight or a fire that broke out.
  ['medical:allergic', phrases('allergic', '(?:shes|hes|im|is|getting|and) breaking out', '(?:breaking|broke|broken) out (?:all over|in (?:hives|welts|a rash|bumps|spots|blotches))', 'fire ants?', 'having a (?:really |very )?(?:bad |severe )?reaction', '(?:allergic )?reaction to', 'anaphyla(?:xis|ctic)', 'epi ?pen', 'stung', '(?:throat|tongue|lips|face)s? (?:is |are )?(?:swelling|closing|swollen)', 'ate (?:something|some \\w+) with (?:nuts|peanuts|shellfish|shrimp)', 'hives', '(?:face|lips|eyes|tongue) (?:is |are )?(?:all )?(?:puffy|puffed up)', '(?:ate|eaten|had|eating) (?:some |a )?(?:peanuts?|peanut butter|shellfish|shrimp|tree nuts|nuts)')],
  [
    'medical:breathing',
    phrases(
      'cant breathe',
      // "it ain't his heart, it's his breathing".
      '(?:its|it is) (?:his|her|my|their) breathing',
      '(?:cant|cannot|can not|couldnt) get (?:any |enough )?air',
      'chest (?:is )?(?:sinking|caving|sucking) in',
      'can not breathe',
      // As said with little English: "she no can breathe".
      'no can breathe',
      'cannot breathe',
      '(?:trouble|difficulty) breathing',
      'hard (?:time )?(?:to )?breath(?:e|ing)',
      'short(?:ness)? of breath',
      'cant (?:catch|get) (?:his|her|my|their) breath',
      'struggling to breathe',
      'breathing (?:really |very |so )?(?:heavy|hard and fast|fast and hard)',
      'panting',
      'cant talk in (?:full )?sentences',
      'asthma attack',
      'asthmas? (?:is )?(?:bad|acting up|really bad)',
      'inhalers? (?:is |isnt |not )?(?:not )?(?:working|helping)',
      'wheezing',
    ),
  ],
  ['medical:stroke', phrases('(?:arm|leg|side|hand) (?:wont|doesnt|isnt|will not|does not) (?:work|move)', '(?:face|smile)s? (?:(?:went|is|looks|going|gone) )?(?:all )?(?:funny|crooked|weird|lopsided)', '(?:arm|hand) (?:drifts|drifted|drifting|drops|dropped|falls|fell) (?:down|back down)', '(?:arm|leg|side|hand) (?:went|is|feels|going|gone) (?:all )?(?:numb|limp|dead)', '(?:arm|leg|side|hand)s (?:all )?(?:numb|limp|dead)', '(?:left |right |one )?side (?:isnt|is not|wont|doesnt|does not) moving', '(?:cant|cannot|couldnt) see out of (?:his|her|my|one) (?:left |right )?eye', '(?<!heat ?)stroke', 'face (?:is )?droop(?:s|ing|y)?', 'droop(?:s|ing|y)', 'slurr(?:ed|ing)', 'talking funny', '(?:cant|cannot|couldnt) (?:lift|move|raise|feel) (?:his|her|my) (?:left |right )?(?:arm|side|leg)', '(?:face|half (?:his|her) face) (?:is |went |feels )?numb', '(?:cant|couldnt) (?:find|get) (?:the |her |his |my )?words', 'speech is (?:all )?(?:garbled|slurred|jumbled|weird|off)', '(?:trouble|a hard time) (?:talking|speaking)', '(?:talking|speaking) gibberish', '(?:half|one side of) (?:his|her) face (?:wont|doesnt|isnt|cant|will not) (?:move|moving)', '(?:cant|couldnt|cannot) (?:talk|speak) right', 'worst headache of (?:his|her|my|your) life')],
  [
    'medical:overdose',
    phrases(
      'been using',
      'got into (?:\\w+ ){0,3}(?:pills|medicine|meds|medication)',
      verbForms('overdose'),
      'od',
      'oded',
      '(?:hes|shes|he|she|they|friend|brother|sister|son|daughter|boyfriend|girlfriend|husband|wife) odd',
      '(?:took|taken|swallowed|ate|had) (?:\\w+ ){0,6}(?:pills?|medicine|medication|meds|tablets|drugs|xanax|oxy|oxys|percocets?|opioids|prescription|tylenol|advil|ibuprofen|aspirin)',
      'doing (?:meth|drugs|coke|cocaine|heroin|crack)',
      'took something',
      '(?:swallowed|drank|ate|got into|drinking|eating) (?:\\w+ ){0,4}(?:bleach|cleaner|cleaning|detergent|antifreeze|poison|chemicals|pods|lighter fluid|rat poison)',
      'poisoned',
      'too much of (?:his|her|my|their) (?:medicine|medication|meds|pills)',
      verbForms('snort'),
      'shooting up',
      'shot up(?! (?:the|my|our|his|her|a|their) (?:house|car|place|building|street|block|apartment))',
      'narcan',
      'needle (?:\\w+ ){0,2}in (?:his|her|their|my) arm',
      'naloxone',
      'heroin',
      'fentanyl',
    ),
  ],
  [
    'medical:childbirth',
    phrases(
      '(?:having|had) (?:the|a|her|my) baby',
      'water (?:just )?(?:broke|has broken)',
      'contractions?',
      'in labou?r',
      'giving birth',
      '(?:has|have|needs?|wants?) to push',
      'urge to push',
      'crowning',
      'babys? (?:is )?coming',
      'see the (?:babys )?head',
      '(?:babys |the babys )?head is out',
      'babys out',
      // ("she's pregnant ... no, she's not in labor": a pregnancy with labour denied is what else is said.)
      'pregnant(?!(?: \\w+){0,20} (?:not in labou?r|not having (?:any )?contractions|no contractions))',
      '\\d+ weeks (?:pregnant|along)',
      'due (?:next week|any day|today|tomorrow)',
    ),
  ],
  [
    'medical:fall',
    // Not "I can't lift him" or "can't get her up" alone (a lift assist: 0 of 4 writers' lines without a fall said).
    phrases(`(?<!(?:nearly|almost|that|something|${FALLING_THINGS}) )fell(?! asleep)(?! out(?! of))(?! over(?! (?:the|a|his|her|my|some)))`, 'fallen', `(?<!(?:nearly|almost|could|might|will|gonna|roof|${FALLING_THINGS}) )fall(?! asleep| colou?rs?| leaves| festival| fest)`, 'had a fall', '(?:took|taken|taking) a (?:tumble|spill)', `(?<!(?:${FALLING_THINGS}) )falling (?:off|down|from)`, '(?<!(?:knife|blade|saw|dentures|grip|it|they) )slipped', 'tripped', 'on the floor and (?:she|he|i) cant get up'),
  ],
  // "just started shaking", "went down and he's shaking", "the eyes go up": a fit as callers see one (not "shaking him" to wake him).
  ['medical:seizure', phrases('(?:just |suddenly )?started shaking(?! (?:him|her|them|me))', '(?<=(?:went down|fell down|on the (?:floor|ground)) (?:and )?(?:hes |shes |he is |she is |started )?)(?:shaking|jerking)', 'eyes (?:go|went|going|rolled) up', 'eyes (?:are |were )?(?:all )?rolled back', 'flopping around', 'seizures?', 'seizing', 'convuls(?:ing|ions?)', 'having a fit', 'epileptic', 'shaking all (?:over|the body)', 'whole body (?:is )?shaking', 'foaming at the mouth', '(?:jerking|twitching)(?! (?:the|his|her) (?:wheel|door|handle))')],
  [
    'medical:unconscious',
    phrases(
      '(?<!(?:bleachers|table|tables|chair|chairs|stage|tent|bed|crib|ladder) )folded up',
      // "he won't wake up", "she's not responding", "he's out cold", "knocked out" state a vital sign only (conscious "no"),
      // like "I can't hear him breathing": the trainable writers gave 3 of 12 "out cold" lines and 0 of 8 "knocked out" this nature.
      'unconscious',
      '(?:lying|laying) (?:\\w+ ){1,7}(?:and |hes |shes |he is |she is )?not moving',
      '(?:lying|laying) (?:there )?in the (?:road|street|middle of the road)',
      'on the (?:ground|floor|sidewalk) (?:and )?(?:hes |shes |he is |she is |is )?not mov(?:ing|e)',
      // Not "I feel faint", "like she'll pass out", "pitch black out here".
      `(?<!(?:gonna|going to|about to|like shes|like hes|feel|feels|feeling|felt|shell|hell|ill|will|might|pitch) )${verbForms('pass out', 'faint', 'black out', 'keel over')}`,
      // A building, roof or trench that collapsed traps people (rescue:trapped); a person who collapsed is unconscious.
      `(?<!(?:gonna|going to|about to|like shes|like hes|building|roof|ceiling|wall|house|bridge|trench|floor|deck|porch|structure|tunnel|mine|scaffolding|balcony|stage|barn|garage|shed)s? (?:\\w+ )?)${verbForms('collapse')}`,
      // "she just fell out": fainted, as said in the South.
      '(?<!(?:hair|tooth|teeth|it|phone|wallet|stuff|things|everything|window|screen|bottom) )(?:just )?fell out(?! of)',
      // "he just dropped", "she fell over": a collapse, not a fall.
      '(?:he|she|they|dad|mom|and|just) (?:just )?(?:dropped|fell over)(?! (?:the|a|his|her|my|it|off|something|him|me))',
      '(?:man|person|woman|guy|somebody|someone) down',
      // "she went limp in my arms" (an arm or a side that went limp is the stroke's, read before).
      'went limp',
      // "he just crumpled", "slumped over the wheel", "went timber": a person who dropped (not a crumpled car).
      '(?<!(?:car|truck|hood|fender|door|bumper|roof|front end)s? (?:(?:is|was|got|all|just) ){0,2})crumpled(?! (?:up )?(?:the|a|his|her|my))',
      'slumped over',
      'went timber',
    ),
  ],
  // "she's a diabetic too" is history beside the complaint (4 of 4 trainable lines).
  ['medical:diabetic', phrases('sugars? (?:\\w+ )?(?:bottomed|tanked|crashed|dropped)', 'sugars? (?:is |was )?(?:over|under|below|above|at) \\d+', 'type (?:one|1) diabetic', '(?:meter|glucometer|monitor) (?:says|said|reads|is reading) \\d+', '(?<!also (?:a )?)diabetic(?! (?:too|also|as well))', 'diabetes', 'insulin', 'blood sugars?', 'sugars? (?:is )?(?:real |really |so |way |like |only )?(?:low|high|dropped|crashed|\\d+)', 'shots for (?:his|her|my) sugar')],
  [
    'medical:bleeding',
    phrases('bleeding (?:from (?:his|her|my|the|their|your) \\w+ )?(?:a lot|(?:real |really |very |so )?(?:bad|badly|heavy|heavily)|everywhere|so much|like crazy|out|profusely)', '(?:vomiting|throwing up|coughing up|spitting up|spitting out|peeing|pooping) (?:clots of |chunks of )?blood', 'nose ?bleed', 'bloody nose (?:\\w+ ){0,3}(?:wont|will not|doesnt) (?:quit|stop)', '(?:wont|will not|wouldnt) (?:stop|quit) bleeding', 'bleeding (?:\\w+ ){0,4}(?:wont|will not|doesnt|isnt) (?:stop|quit)', 'bleeding and (?:its|it is) (?:pouring|gushing|pumping|squirting)', 'blood everywhere', '(?:pool|puddle) of blood', 'blood all over (?:the|everything)', 'so much blood', 'lots of blood'),
  ],
  [
    'medical:suicidal',
    phrases(
      'jumped (?:\\w+ ){0,3}on purpose',
      '(?:wrote|left) (?:a|me a|us a) note',
      'suicid(?:e|al)',
      // Not someone hanging in a harness or a seat belt, nor a tag hanging from a mirror.
      '(?:is|was|found (?:him|her)) hanging (?:in|from)(?! (?:(?:his|her|a|the|their) )?(?:harness|seat ?belts?|belt|mirror|rope|safety line|lanyard)\\b)',
      // "hurt himself with the chainsaw" is an accident.
      // "shot himself in the foot cleaning his pistol" is an accident.
      `${verbForms('kill', 'hang', 'hurt', 'shoot')} (?:myself|himself|herself|themselves)(?! (?:\\w+ ){0,3}(?:with|on) (?:the|a|his|her|my) | in (?:the|his|her|my) (?:hand|foot|leg|arm|knee|thigh|toe|finger|shin|ankle))`,
      // Said as what someone means to do, the means named or not: "he's gonna kill himself with the shotgun".
      '(?:gonna|going to|wants? to|wanted to|trying to|tried to|threatening to|threatens to|about to|will|ll) (?:kill|shoot|hang) (?:myself|himself|herself|themselves)',
      `${verbForms('kill')} (?:myself|himself|herself|themselves)`,
      '(?:gun|pistol|rifle|shotgun|knife|blade) to (?:his|her|my|their) own (?:head|throat|wrist|chest)', '(?:gun|pistol|rifle|shotgun) to (?:himself|herself|myself)',
      '(?:over|outside|outside of|wrong side of) the (?:railing|rail|guardrail)', '(?:take|took|swallow|swallowed) all (?:his|her|my|of (?:his|her|my)) pills',
      '(?:wants?|wanted) to die',
      '(?:talking about|going to|gonna|wants to|wanted to|trying to) end(?:ing)? it',
      '(?:goodbye|suicide) (?:message|note|letter|text|video)',
      'end (?:it all|my life|his life|her life)',
      '(?:gonna|going to|wants to|threatening to) jump',
      'said goodbye to (?:everyone|everybody|us|me|all of us)',
      '(?:in|inside) the garage with the (?:car|engine) running',
      'edge of the (?:bridge|roof|building|overpass|cliff)',
      '(?:doesnt|dont|does not|do not) want to (?:live|be here|be alive)',
      'threatening to (?:take|swallow|overdose|kill (?:him|her|my)self|shoot (?:him|her|my)self|hang|cut|jump|end)',
      // "cutting herself" is self-harm; "he cut himself with a saw" an accident.
      '(?:cutting|cuts) (?:myself|himself|herself|themselves)',
      '(?:tried|trying|wants|threatening) to cut (?:myself|himself|herself|themselves)',
      '(?:cut|slit|slitting|cutting) (?:his|her|my) wrists',
    ),
  ],
  ['rescue:lost', phrases('(?:im|were|i am|we are|got|hes|shes|theyre) turned around', '(?:dont|do not) know (?:which way|where we are|how to get back)', '(?:im|were|i am|we are|got|get|getting|hes|shes|theyre) lost', 'lost (?:on|in) (?:a|the)', 'wandered (?:off|away)', 'ran away', '(?:is|are|went|gone|been) missing', '(?:kids|sons|daughters|boys|girls|babys|childs|brothers|sisters|dads|moms|husbands|wifes|grandmas|grandpas|hes|shes) missing', 'got separated', 'didnt come (?:home|back(?! up))', '(?:cant|can not) find (?:him|her|them)', 'cant find (?:my|our) (?:little |baby |youngest |oldest )?(?:son|daughter|kid|child|baby|dad|mom|husband|wife|grandma|grandpa|boy|girl)', 'is missing', '(?:never|hasnt|didnt|did not|has not) (?:came|come) (?:home|back(?! up))', 'been gone (?:since|for|all)', '(?:alzheimers|dementia|autis(?:m|tic)|memory care|group home|nonverbal)\\b.*\\b(?:walked|wandered|wander|ran|drove|bolted|got|snuck|slipped|left)(?: \\w+)? (?:off|out|away|from)', '(?:walked|wandered|ran|bolted|got|snuck|slipped) (?:off|out|away)\\b.*\\b(?:alzheimers|dementia|autis(?:m|tic)|memory care|nonverbal)', '(?:hes|shes|theyre|he is|she is|they are|and) not back(?! (?:up|pain|to|at|in|on|yet from))', '(?:aint|never|hasnt|havent) (?:come|came|been|got) back', 'never came (?:in|out|home|back)', '(?:overdue|hours late)', '(?:cant|can not|cannot|couldnt) find (?:the|my|our|his|her) (?:way|trail|path|trailhead|shore|launch|road|campsite|camp|trail markers|markers|mom|mama|mommy|dad|daddy|parents)', 'cant find (?:his|her|their) (?:mom|mama|mommy|dad|daddy|parents)', '(?:got|went|wandered) off (?:the|our) trail', 'split up', 'nobody knows where', 'lost (?:a|our|my) (?:kid|child|son|daughter|camper|student|hiker)')],
  // "took his insulin twice by mistake" is a dose, not a call made by mistake.
  // A car's crash sensor or a watch's fall alert that called on its own.
  ['accidental', phrases('(?:dialed|dialled|called) (?:you |911 )?(?:by|on) (?:itself|its own|accident|mistake)', '(?:crash|collision|impact) (?:sensor|detection|detector|thing|alert|feature)', '(?:car|watch|phone) (?:called|dialed|dialled|calling|did it|went off)', 'thinks (?:i|we) (?:crashed|fell|had a (?:crash|wreck|fall))', '(?<!\\b(?:took|taken|take|taking|twice|double|pills?|insulin|meds|medicine|dose)\\b(?: \\w+){0,4} )by (?:accident|mistake)', 'pocket dial(?:ed|led)?', 'butt dial(?:ed|led)?', 'it was (?:a mistake|an accident)', 'didnt mean to (?:call|dial)', 'playing (?:with|on) (?:the|my) phone', 'no emergency', 'wrong number', '(?:trying|meant|tried) to call (?:my|someone|somebody|the)')],
];

// A medical call said in ordinary words, with no kind: "hes really sick", "she needs an ambulance".
export const MEDICAL = phrases(
  // "I'm gonna be sick" is how the caller feels at what they see.
  '(?<!(?:gonna|going to|about to) be )(?:really |very |so )?sick',
  'not feeling (?:good|well|right)',
  'not acting right',
  '(?:needs?|send|get) (?:an |the )?(?:ambulance|paramedics|medics)',
  'somethings wrong with (?:him|her|my|them)',
  'something is wrong with (?:him|her|my|them)',
  'throwing up',
  'throwin up',
  'vomiting',
  'dizzy',
  'fever',
  'pale and (?:sweaty|clammy)',
  // Clammy, limp and a plain headache are signs the caller adds to another complaint.
  'weak',
  '(?:stomach|belly|abdominal|back|head|neck) (?:pain|ache)s?',
  '(?:stomach|belly|tummy) (?:hurts|is hurting|aches)',
  '(?:bad|terrible|awful|splitting|pounding) headache',
  'hallucinating',
  'seeing things',
  'panic attack',
  // An animal attacking someone now; a bite already done is an injury the writers give no nature
  // (0 of 17 of the trainable writers' lines; our 9 labels moved).
  '(?:dog|dogs|pit ?bull|animal|coyote|bear) (?:is |was )?(?:attacking|attacked|mauling|mauled)',
  'electrocuted',
  '(?:freezing|ice) cold',
  'barely (?:talking|responding|awake)',
  'touched (?:a|the) (?:\\w+ )?(?:live wire|wire|wires|power line|outlet)',
  'heat ?stroke',
  'out in the sun',
  'tingling',
);

/** Animals that bite, sting, kick or maul: what they do to someone is no one's violence. */
export const ANIMALS = 'dog dogs snake copperhead rattlesnake rattler spider bee bees wasp hornet cat horse mare stallion pony mule donkey cow bull steer calf goat ram hog boar raccoon bear shark'.split(' ');

/** Someone cut by their own knife or tool at work ("sliced his thumb", "the knife slipped", "gutting fish"): no stabbing, no weapon. */
export const SELF_CUT = phrases(`(?:cut|sliced|nicked|gashed|chopped) (?:his|her|my|their) (?:own )?(?:\\w+ )?(?:${SELF_PARTS})|(?:knife|blade) slipped|cooking|gutting|filleting|chopping|slicing (?:the |some )?(?:meat|bread|onions?|vegetables|bagel|apple)|cutting (?:up )?(?:the |some )?(?:grapes|meat|vegetables|onions?|bait|fish|wood|brush|rope|boxes)`);

// Phrases that say a kind's words without that kind: a thing that fell on someone is no fall, a
// man thrown out of a bar or a fist through a wall no assault. The rules' phrases leave them out;
// the nature model, which reads words, may not take them either (extract/nature-model.ts).
export const NOT_KIND: [string, RegExp][] = [
  ['medical:fall', phrases(`(?:${FALLING_THINGS}) (?:fell|fall|falls|falling)(?: [a-z]+)? (?:on|onto|over|off|in|down)`)],
  // "I'm gonna be sick" is how the caller feels at what they see.
  ['medical', phrases('(?:gonna|going to|about to) be sick')],
  // The fire service and things named for fire are no fire; rising water with no one in it is the flooding hazard; a
  // bleed that stopped or a blood thinner taken is no bleed.
  ['fire', phrases('fire (?:station|stations|trucks?|department|dept|ants?|hydrant|lookout|tower|chief|marshal|pit|place|fighters?|works|engines?)')],
  ['rescue:drowning', phrases('waters? (?:is |s )?(?:rising|coming up)')],
  ['crime:shooting', phrases(`(?:shooting|shot|shoot|set|setting|lighting|lit) (?:off )?(?:\\w+ )?(?:${FIREWORKS})`)],
  ['medical:bleeding', phrases('blood thinners?', '(?:bleeding|blood) (?:has |is )?(?:stopped|slowed)')],
  // A car someone fled in is a description, not a crash (1 of 29 lines).
  ['traffic', phrases(`(?:nervous|${MESS}) wreck`, '(?:drove|took|sped|peeled|tore) off (?:in|on)', 'getaway (?:car|vehicle|driver)')],
  ['fire', phrases('smoke (?:\\w+ ){0,3}(?:from|out of|out) (?:under )?(?:the |my |his |her )?(?:hood|engine|tailpipe|exhaust)', '(?:car|van|bus|truck)s? (?:is )?filling (?:up )?with smoke')],
  ['crime:stabbing', SELF_CUT],
  ['crime:domestic', phrases(`(?:${ANIMALS.join('|')}) (?:\\w+ )?${verbForms('bite', 'sting', 'kick', 'attack', 'maul', 'throw', 'trample', 'stomp', 'buck')}`, `(?:${ANIMALS.join('|')}) (?:\\w+ )?(?:stepped|steps|stepping) on`)],
  ['crime:assault', phrases('kicked (?:him|her|me|them|us) out', '(?:punched|punching|hit|hitting|kicked|kicking) (?:a |the )?(?:holes? in the )?(?:wall|walls|window|door|mirror)')],
];
