// Word lists for a call's draw: common American first and last names, and the streets and towns
// of the centre's area. Kept to words the speech recogniser's dictionary knows and the entity
// extractor reads as names and streets (draw.test.ts checks both for every entry).

export const FEMALE_FIRST = [
  'Mary', 'Linda', 'Susan', 'Karen', 'Nancy', 'Lisa', 'Sandra', 'Donna', 'Carol', 'Sharon',
  'Michelle', 'Laura', 'Sarah', 'Kimberly', 'Deborah', 'Jessica', 'Cynthia', 'Angela', 'Melissa', 'Brenda',
  'Pamela', 'Anna', 'Rebecca', 'Kathleen', 'Amanda', 'Stephanie', 'Carolyn', 'Christine', 'Janet', 'Catherine',
  'Maria', 'Heather', 'Diane', 'Julie', 'Joyce', 'Emily', 'Teresa', 'Rachel', 'Gloria', 'Denise',
  'Monica', 'Tanya', 'Rosa', 'Brittany', 'Megan', 'Andrea', 'Erica', 'Vanessa', 'Kelly', 'Tiffany',
];

export const MALE_FIRST = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Charles',
  'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew', 'Kevin', 'Brian',
  'George', 'Edward', 'Ronald', 'Timothy', 'Jason', 'Jeffrey', 'Ryan', 'Jacob', 'Gary', 'Eric',
  'Stephen', 'Jonathan', 'Larry', 'Justin', 'Scott', 'Walter', 'Gregory', 'Raymond', 'Patrick', 'Dennis',
  'Jerry', 'Tyler', 'Aaron', 'Jose', 'Henry', 'Douglas', 'Peter', 'Carlos', 'Marcus', 'Victor',
];

export const LAST = [
  'Smith', 'Johnson', 'Williams', 'Bell', 'Jones', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Wilson',
  'Martinez', 'Anderson', 'Taylor', 'Thomas', 'Hernandez', 'Moore', 'Martin', 'Jackson', 'Thompson', 'Foster',
  'Lopez', 'Lee', 'Gonzalez', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Perez', 'Hall',
  'Hayes', 'Allen', 'Sanchez', 'Wright', 'King', 'Scott', 'Russell', 'Baker', 'Adams', 'Nelson',
  'Hill', 'Ramirez', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Torres',
  'Parker', 'Collins', 'Edwards', 'Stewart', 'Flores', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan',
  'Cooper', 'Peterson', 'Reed', 'Bailey', 'Kelly', 'Howard', 'Cox', 'Ward', 'Richardson', 'Watson',
  'Brooks', 'Wood', 'James', 'Bennett', 'Griffin', 'Hughes', 'Price', 'Sanders', 'Myers', 'Diaz',
];

/**
 * Street names without their kind; each call pairs one with a kind ("Cedar" + "Court"). No numbered
 * streets: scoring does not yet match a read-back "2nd Street" with a truth "Second Street".
 */
export const STREET_NAMES = [
  'Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Birch', 'Walnut', 'Chestnut', 'Willow', 'Hickory',
  'Sycamore', 'Magnolia', 'Dogwood', 'Spruce', 'Poplar', 'Washington', 'Jefferson', 'Madison', 'Monroe', 'Jackson',
  'Lincoln', 'Grant', 'Franklin', 'Main', 'Church', 'Park', 'Lake', 'Hill', 'Spring', 'Mill',
  'River', 'Ridge', 'Meadow', 'Highland', 'Sunset', 'Prospect', 'Center', 'Union', 'Market', 'Water',
  'Cherry', 'Orchard', 'Forest', 'Valley', 'Lakeview', 'Fairview', 'Woodland', 'Greenwood', 'Summit',
  'Harrison', 'Clinton', 'Lafayette', 'Hamilton', 'Kennedy', 'Laurel', 'Aspen', 'Juniper', 'Holly', 'Brookside',
];

export const STREET_KINDS = ['Street', 'Avenue', 'Road', 'Drive', 'Lane', 'Court'];

/** The towns the centre answers for: a call's address is in one of them. */
export const TOWNS = ['Riverton', 'Millbrook', 'Cedar Falls', 'Ashford', 'Granville', 'Lakeside'];
