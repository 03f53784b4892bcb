/** Names, streets and words of Riverton (a fictional Central Valley city, CA 956xx) for the sandbox. */
export const FIRST_NAMES = [
	'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
	'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy',
	'Anthony', 'Betty', 'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Joshua', 'Donna',
	'Kevin', 'Michelle', 'Brian', 'Carol', 'Tyrone', 'Aaliyah', 'DeShawn', 'Keisha', 'Wei', 'Mei', 'Hiroshi', 'Yuki',
	'Anh', 'Minh', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Grace', 'Samuel', 'Olivia', 'Ethan', 'Hannah', 'Noah',
	'Gurpreet', 'Harjit', 'Bao', 'Kou', 'Pa Nhia', 'Dmitri', 'Svetlana', 'Connor', 'Brittany', 'Dustin', 'Crystal', 'Wade'
] as const;

export const HISPANIC_FIRST_NAMES = [
	'José', 'María', 'Juan', 'Guadalupe', 'Luis', 'Rosa', 'Carlos', 'Ana', 'Miguel', 'Carmen', 'Jorge', 'Lucía',
	'Francisco', 'Elena', 'Alejandro', 'Sofía', 'Ricardo', 'Isabel', 'Fernando', 'Teresa', 'Jesús', 'Yolanda', 'Raúl',
	'Verónica', 'Armando', 'Maribel', 'Héctor', 'Esperanza', 'Ramón', 'Leticia'
] as const;

export const LAST_NAMES = [
	'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
	'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
	'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter',
	'Phillips', 'Evans', 'Turner', 'Nguyen', 'Tran', 'Chen', 'Wang', 'Kim', 'Patel', 'Singh', 'Okafor', 'Yamamoto',
	'Washington', 'Brooks', 'Foster', 'Hayes', 'Sullivan', 'Murphy', "O'Brien", 'Kowalski', 'Novak', 'Schmidt',
	'Vang', 'Xiong', 'Sandhu', 'Dhillon', 'Petrov', 'Larsen', 'McAllister', 'Dubois', 'Haddad'
] as const;

export const HISPANIC_LAST_NAMES = [
	'Garcia', 'Martinez', 'Rodriguez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Flores',
	'Rivera', 'Gomez', 'Diaz', 'Reyes', 'Morales', 'Ortiz', 'Gutierrez', 'Chavez', 'Ramos', 'Mendoza', 'Castillo', 'Vargas',
	'Aguilar', 'Jiménez', 'Ruiz', 'Alvarado', 'Cervantes', 'Navarro', 'Zamora', 'Villanueva', 'Delgado', 'Espinoza'
] as const;

export const STREETS = [
	'Alder Creek Rd', 'Oak Hollow Dr', 'Riverside Ave', 'Mill St', 'Sycamore Ln', 'Cottonwood Ct', 'Bridge St', 'Orchard Way',
	'Granite Bay Dr', 'Levee Rd', 'Walnut Ave', 'Sutter St', 'Poppy Field Ln', 'Mariposa Ave', 'Hawthorne Pl', 'Cedar Ridge Dr',
	'Foothill Blvd', 'Canal St', 'Magnolia Ave', 'Quail Run', 'Vineyard Rd', 'Harbor Blvd', 'El Camino Real', 'Tamarack Way',
	'Willow Bend Rd', 'Pioneer Ave', 'Juniper St', 'Madrone Ct', 'Live Oak Dr', 'Manzanita Ln', 'Rancho Vista Dr', 'Fremont St',
	'Calle Del Sol', 'Camino Alto', 'Almond Blossom Way', 'Peach Tree Ln', 'Railroad Ave', 'Depot St', 'Tule Lake Dr', 'Heron Ct',
	'Elderberry Way', 'Sierra View Dr', 'Mission Oaks Blvd', 'Laguna Creek Pkwy', 'Feather River Blvd', 'Gold Rush Ct'
] as const;

/** Riverton's ZIP codes. */
export const ZIPS = ['95601', '95603', '95604', '95607', '95608', '95610'] as const;

export const LANDLORDS = [
	'Riverton Property Management LLC', 'Sutter Street Apartments LP', 'Oakridge Rentals', 'Valley Homes Leasing', 'Delta Housing Partners',
	'Greenleaf Realty', 'M. & R. Castillo Trust', 'Foothill Residential Group', 'Nguyen Family Properties', 'Levee Court Apartments LLC'
] as const;

/** Office staff as they sign notes (the demo users' names). */
export const STAFF = ['A. Rivera', 'J. Chen', 'P. Natarajan', 'M. Ellis', 'L. Herrera', 'T. Brooks', 'M. Ortiz'] as const;
export const SENIOR_STAFF = ['T. Brooks', 'M. Ortiz'] as const;
/** Usernames that open and close the demo drawers. */
export const CASHIERS = ['csr1', 'csr1b', 'csr1c', 'csr2', 'csr2b'] as const;
export const FIELD_CREW = ['Crew 2 (R. Dominguez)', 'Crew 4 (K. Lor)', 'Crew 5 (B. Sutherland)'] as const;

export const CLINICS = ['Riverton Family Clinic', 'Sutter Valley Medical Group', 'Clínica Comunitaria del Valle', 'Riverton Memorial Hospital'] as const;
export const CONDITIONS = ['household member on home oxygen', 'home dialysis patient', 'infant on an apnea monitor', 'resident recovering from surgery (wound care)'] as const;
export const RELATIONSHIPS = ['spouse', 'adult child', 'property manager', 'caregiver', 'sibling', 'conservator'] as const;
export const AGENCIES = ['Riverton Community Action (LIHEAP)', 'Salvation Army Riverton', 'Catholic Charities of the Valley', 'Sutter County HEAP'] as const;

/** Everyday contact notes (who and how verified, why, what was done). */
export const CONTACT_NOTES = [
	'Customer called about a high bill; verified by PIN. Explained summer irrigation usage and offered conservation tips.',
	'Holder verified at the counter by photo ID. Updated mailing phone number at their request.',
	'Caller asked for the balance but was not on the account; gave general information only and suggested the holder call.',
	'Customer asked about autopay; verified by SSN last 4. Sent the ACH authorization form by email.',
	'Holder verified by PIN; asked why the refuse charge changed. Explained the cart size on file; no change requested.',
	'Customer called to report a running meter box lid; verified by name and address. Routed to field services.',
	'Holder verified by photo ID; asked for a copy of last year\'s bills for a tax form. Printed 12 statements.',
	'Customer asked about the affordability discount; verified by PIN. Mailed the application and income guideline sheet.'
] as const;

export const SPANISH_NOTES = [
	'Customer prefers Spanish; used the interpreter line (interpreter #{n}). Verified by PIN; explained the due date and late fee.',
	'Cliente prefiere español. Colleague L. Herrera assisted in Spanish at the counter; verified by photo ID; took payment.'
] as const;
