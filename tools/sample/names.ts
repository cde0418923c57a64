/** Realistic UK names and streets for the sample generator (public-domain common names). */
export const FIRST_NAMES = [
  'Jane', 'John', 'Mary', 'David', 'Sarah', 'James', 'Emma', 'Michael', 'Olivia', 'Robert', 'Amelia', 'William', 'Sophie', 'Thomas', 'Jessica',
  'Daniel', 'Chloe', 'Paul', 'Lucy', 'Mark', 'Hannah', 'Andrew', 'Grace', 'Steven', 'Emily', 'Peter', 'Charlotte', 'Kevin', 'Megan', 'Gary',
  'Aisha', 'Mohammed', 'Fatima', 'Ali', 'Priya', 'Raj', 'Agnieszka', 'Piotr', 'Siobhan', 'Declan', 'Rhys', 'Cerys', 'Kwame', 'Abena', 'Tomasz',
];
export const SURNAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright',
  'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper',
  'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson',
  'Khan', 'Ahmed', 'Begum', 'Kowalski', 'Nowak', "O'Brien", 'Murphy', 'MacDonald', 'Campbell', 'Okafor', 'Mensah',
];
export const STREETS = [
  'High Street', 'Church Road', 'Station Road', 'Park Avenue', 'Victoria Road', 'Green Lane', 'Manor Road', 'Kings Road', 'Queens Road',
  'New Street', 'Mill Lane', 'School Lane', 'Oak Tree Close', 'Riverside Court', 'Elm Grove', 'Chapel Street', 'Albert Road', 'Windsor Way',
];
export const TOWNS: readonly [string, string][] = [
  ['Leeds', 'LS'], ['Bradford', 'BD'], ['Sheffield', 'S'], ['Manchester', 'M'], ['Salford', 'M'], ['Liverpool', 'L'], ['Birmingham', 'B'],
  ['Coventry', 'CV'], ['Nottingham', 'NG'], ['Leicester', 'LE'], ['Bristol', 'BS'], ['Newcastle', 'NE'], ['Hull', 'HU'], ['Stoke', 'ST'],
];
