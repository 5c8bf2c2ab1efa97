// The staff API's request schemas and response types. The staff area is mounted at /api/staff (see
// endpoints.ts); its accounts, roles and CSRF rule arrive with the staff app.
export type StaffRole = 'admin' | 'institution' | 'observer';
