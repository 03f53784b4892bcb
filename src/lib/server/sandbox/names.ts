/** Names and streets of Riverton (a fictional California city) for the sandbox's customers and premises. */
export const FIRST_NAMES = [
	'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara',
	'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy',
	'Anthony', 'Betty', 'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Andrew', 'Emily', 'Joshua', 'Donna',
	'Kevin', 'Michelle', 'Brian', 'Carol', 'Tyrone', 'Aaliyah', 'DeShawn', 'Keisha', 'Wei', 'Mei', 'Hiroshi', 'Yuki',
	'Anh', 'Minh', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Grace', 'Samuel', 'Olivia', 'Ethan', 'Hannah', 'Noah'
] as const;

export const HISPANIC_FIRST_NAMES = [
	'José', 'María', 'Juan', 'Guadalupe', 'Luis', 'Rosa', 'Carlos', 'Ana', 'Miguel', 'Carmen', 'Jorge', 'Lucía',
	'Francisco', 'Elena', 'Alejandro', 'Sofía', 'Ricardo', 'Isabel', 'Fernando', 'Teresa'
] as const;

export const LAST_NAMES = [
	'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
	'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
	'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter',
	'Phillips', 'Evans', 'Turner', 'Nguyen', 'Tran', 'Chen', 'Wang', 'Kim', 'Patel', 'Singh', 'Okafor', 'Yamamoto',
	'Washington', 'Brooks', 'Foster', 'Hayes', 'Sullivan', 'Murphy', "O'Brien", 'Kowalski', 'Novak', 'Schmidt'
] as const;

export const HISPANIC_LAST_NAMES = [
	'Garcia', 'Martinez', 'Rodriguez', 'Hernandez', 'Lopez', 'Gonzalez', 'Perez', 'Sanchez', 'Ramirez', 'Torres', 'Flores',
	'Rivera', 'Gomez', 'Diaz', 'Reyes', 'Morales', 'Ortiz', 'Gutierrez', 'Chavez', 'Ramos', 'Mendoza', 'Castillo', 'Vargas'
] as const;

export const STREETS = [
	'Alder Creek Rd', 'Oak Hollow Dr', 'Riverside Ave', 'Mill St', 'Sycamore Ln', 'Cottonwood Ct', 'Bridge St', 'Orchard Way',
	'Granite Bay Dr', 'Levee Rd', 'Walnut Ave', 'Sutter St', 'Poppy Field Ln', 'Mariposa Ave', 'Hawthorne Pl', 'Cedar Ridge Dr',
	'Foothill Blvd', 'Canal St', 'Magnolia Ave', 'Quail Run', 'Vineyard Rd', 'Harbor Blvd', 'El Camino Real', 'Tamarack Way',
	'Willow Bend Rd', 'Pioneer Ave', 'Juniper St', 'Madrone Ct', 'Live Oak Dr', 'Manzanita Ln', 'Rancho Vista Dr', 'Fremont St'
] as const;

export const LANDLORDS = [
	'Riverton Property Management LLC', 'Sutter Street Apartments LP', 'Oakridge Rentals', 'Valley Homes Leasing', 'Delta Housing Partners',
	'Greenleaf Realty', 'M. & R. Castillo Trust', 'Foothill Residential Group'
] as const;
